public import Compiler
public import PipelineDSL
import Foundation

/// Loads a CSV or JSON Lines file into typed rows for one table, all or nothing.
///
/// **Columns.** The input must name exactly the table's own columns (declared, and standard ones such as FOCUS):
/// a CSV header must list every one of them (in any order), a JSON object may leave out a nullable one. Hierarchy
/// and provider-group columns (`x_hierarchy_*`, `x_genai_*`, `x_cloud_*`, `x_subscription_*`) are optional. Lineage
/// columns (`x_org_slug` … `x_ingestion_date`) must not be in the file: they come from `lineage`, which the runtime
/// passes for the run. Anything else is an unknown column, reported with a "did you mean".
///
/// **Values.** INT64 is a whole number (optional sign, digits); NUMERIC, BIGNUMERIC and FLOAT64 are decimal numbers
/// (`-12.5`, `1e-6`; no `inf`/`nan`, no thousands separators), stored as `.real` because the embedded engine keeps
/// decimals as 64-bit floating point; BOOL is `true` or `false`; DATE is `YYYY-MM-DD`, calendar-checked; TIMESTAMP
/// is ISO 8601 with `Z` or an offset, normalised to UTC `YYYY-MM-DDTHH:MM:SS.ffffffZ`; JSON is any JSON value,
/// stored as compact text; STRING is any text. An empty CSV field or a JSON `null` is NULL (a quoted empty CSV
/// field `""` is the empty string in a STRING column); NULL in a required column is an error. In JSON Lines,
/// INT64 and decimal columns also accept their text in a string (`"42"`), as BigQuery exports them.
///
/// **Errors** name the file and the 1-based line and column (Unicode scalars) of the first problem: for CSV the
/// first character of the field, for JSON Lines the member name (unknown columns) or the value (bad values), or the
/// object's `{` (missing required member). Nothing is returned unless the whole file is valid.
public enum FileLoader {
    /// Reads the file at `path` and loads it.
    public static func load(
        path: String, format: LoadFormat, into table: TableDefinition, lineage: [String: LoadValue]
    ) throws(LoadError) -> LoadedRows {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadError(path: path, line: 0, column: 0, message: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw LoadError(path: path, line: 0, column: 0, message: "is a folder, not a file")
        }
        let data: Data
        do {
            // Read, not mapped: a file truncated while mapped would crash the process.
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw LoadError(path: path, line: 0, column: 0, message: "cannot read the file: \(error.localizedDescription)")
        }
        let result = data.withUnsafeBytes { raw in
            Result { () throws(LoadError) -> LoadedRows in
                try load(raw.bindMemory(to: UInt8.self), path: path, format: format, into: table, lineage: lineage)
            }
        }
        return try result.get()
    }

    /// Loads file content already in memory; `path` is used in errors.
    public static func load(
        bytes: [UInt8], path: String, format: LoadFormat, into table: TableDefinition, lineage: [String: LoadValue]
    ) throws(LoadError) -> LoadedRows {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(LoadError) -> LoadedRows in
                try load(buffer, path: path, format: format, into: table, lineage: lineage)
            }
        }
        return try result.get()
    }

    static func load(
        _ buffer: UnsafeBufferPointer<UInt8>, path: String, format: LoadFormat, into table: TableDefinition,
        lineage: [String: LoadValue]
    ) throws(LoadError) -> LoadedRows {
        let plan = try LoadPlan(table: table, path: path, lineage: lineage)
        // A UTF-8 byte-order mark (Excel, Azure exports) is skipped; columns count from after it.
        let start = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
        let rows: [[LoadValue]] =
            switch format {
            case .csv: try CSVReader.read(buffer, start: start, plan: plan)
            case .jsonl: try JSONLReader.read(buffer, start: start, plan: plan)
            }
        return LoadedRows(columns: plan.names, rows: rows)
    }

    /// A load step's path with `{org}` and `{date}` replaced.
    public static func resolve(pattern: String, org: String, date: String) -> String {
        pattern.replacingOccurrences(of: "{org}", with: org).replacingOccurrences(of: "{date}", with: date)
    }

    /// The lineage values of a run, keyed by column: `x_ingestion_date` is the UTC date of `ingestedAt`
    /// (ISO 8601 text with a zone; normalised when loaded).
    public static func lineage(
        orgSlug: String, pipelineId: String, credentialId: String, runDate: String, runId: String, ingestedAt: String
    ) -> [String: LoadValue] {
        var ingestionDate = String(ingestedAt.prefix(10))
        var text = ingestedAt
        if case .success(let micros) = text.withUTF8({ ValueParser.parseTimestamp($0) }) {
            ingestionDate = String(ValueParser.formatTimestamp(micros).prefix(10))
        }
        return [
            "x_org_slug": .text(orgSlug), "x_pipeline_id": .text(pipelineId), "x_credential_id": .text(credentialId),
            "x_pipeline_run_date": .text(runDate), "x_run_id": .text(runId), "x_ingested_at": .text(ingestedAt),
            "x_ingestion_date": .text(ingestionDate),
        ]
    }
}
