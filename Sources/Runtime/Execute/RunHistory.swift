public import Compiler
internal import PipelineDSL
import Foundation

/// Reads the run ledger: `cloudact runs` and `cloudact runs show`.
public struct RunHistory: Sendable {
    public let warehouse: LocalWarehouse

    public init(warehouse: LocalWarehouse) {
        self.warehouse = warehouse
    }

    /// One line of `cloudact runs`.
    public struct Run: Sendable {
        public var runID: String
        public var org: String
        public var pipeline: String
        public var date: String
        public var status: String
        public var createdAt: String
        public var durationMilliseconds: Int?
        public var error: String?
    }

    /// Runs, newest first, optionally of one org and one status.
    public func runs(org: String? = nil, status: String? = nil, limit: Int = 100) async throws -> [Run] {
        try await runs(org: org, status: status, idPrefix: nil, limit: limit)
    }

    func runs(org: String? = nil, status: String? = nil, idPrefix: String?, limit: Int) async throws -> [Run] {
        var conditions: [String] = []
        var parameters: [String: SQLValue] = ["limit": .integer(Int64(limit))]
        if let idPrefix {
            // A prefix as typed on the command line; LIKE's wildcards in it are taken literally.
            conditions.append("substr(run_id, 1, length(@prefix)) = @prefix")
            parameters["prefix"] = .text(idPrefix)
        }
        if let org {
            conditions.append("org_slug = @org")
            parameters["org"] = .text(org)
        }
        if let status {
            conditions.append("status = @status")
            parameters["status"] = .text(status.uppercased())
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let rows = try await warehouse.query(
            """
            SELECT run_id, org_slug, pipeline_id, data_date, status, created_at, duration_ms, error_message
            FROM organizations.org_meta_pipeline_runs \(filter)
            ORDER BY created_at DESC, run_id LIMIT @limit
            """, parameters: parameters)
        return rows.rows.map { row in
            Run(
                runID: row[0].text ?? "", org: row[1].text ?? "", pipeline: row[2].text ?? "", date: row[3].text ?? "",
                status: row[4].text ?? "", createdAt: row[5].text ?? "", durationMilliseconds: row[6].integer.map(Int.init),
                error: row[7].text)
        }
    }

    /// A run's steps and every state transition, as printable lines; nil if there is no such run.
    public func show(runID: String) async throws -> (run: Run, steps: [[String]], transitions: [[String]])? {
        guard let run = try await runs(idPrefix: runID, limit: 1).first else { return nil }
        let steps = try await warehouse.query(
            """
            SELECT step_id, status, attempts, COALESCE(duration_ms, ''), COALESCE(rows_written, ''),
                   COALESCE(error_class, ''), COALESCE(error_message, '')
            FROM organizations.org_meta_step_logs WHERE run_id = @run ORDER BY started_at, step_id
            """, parameters: ["run": .text(run.runID)])
        let transitions = try await warehouse.query(
            """
            SELECT at, COALESCE(step_id, '(run)'), COALESCE(from_status, ''), to_status, COALESCE(attempt, ''),
                   COALESCE(error_class, ''), COALESCE(error_message, '')
            FROM organizations.org_meta_state_transitions WHERE run_id = @run ORDER BY sequence, at
            """, parameters: ["run": .text(run.runID)])
        return (run, steps.rows.map { $0.map(\.description) }, transitions.rows.map { $0.map(\.description) })
    }
}

/// Exports FOCUS rows in the FOCUS serialisation: timestamps `YYYY-MM-DDTHH:MM:SSZ`, decimals with a point and
/// no exponent, JSON objects as JSON text, nulls as empty fields.
public enum FOCUSExport {
    /// CSV of a tenant's FOCUS rows whose ChargePeriodStart falls on a date from `from` to `to`.
    public static func csv(warehouse: LocalWarehouse, program: CompiledProgramReference, from: String, to: String) async throws -> String {
        guard let table = program.focusTable else { return "" }
        let columns = table.columns
        let rows = try await warehouse.query(
            """
            SELECT \(columns.map { "\"\($0.name)\"" }.joined(separator: ", "))
            FROM "\(program.dataset)"."\(table.name)"
            WHERE ChargePeriodStart >= @from AND ChargePeriodStart < @to
            ORDER BY ChargePeriodStart, ServiceProviderName, SkuId, x_source_system
            """,
            parameters: {
                let range = Timestamps.dayRange(from: from, to: to)
                return ["from": .text(range.start), "to": .text(range.end)]
            }())
        var out = columns.map(\.name).joined(separator: ",") + "\n"
        for row in rows.rows {
            out += zip(columns, row).map { column, value in field(value, type: column.type) }.joined(separator: ",") + "\n"
        }
        return out
    }

    static func field(_ value: SQLValue, type: ColumnType) -> String {
        let text: String
        switch (value, type) {
        case (.null, _): return ""
        case (.text(let t), .timestamp): text = t.count >= 19 ? String(t.prefix(19)) + "Z" : t
        case (.real(let r), _): text = decimal(r)
        case (.integer(let i), .bool): text = i != 0 ? "true" : "false"
        default: text = value.description
        }
        if text.contains(",") || text.contains("\"") || text.contains("\n") {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    /// A double as a plain decimal: at most 15 significant digits, no exponent, no trailing zeros.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let magnitude = value == 0 ? 0 : Int(floor(log10(abs(value))))
        let decimals = max(0, min(38, 14 - magnitude))
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}

/// What an export needs of a compiled program: the tenant dataset and its FOCUS table.
public struct CompiledProgramReference: Sendable {
    public var dataset: String
    public var focusTable: TableDefinition?

    public init(_ program: CompiledProgram) {
        dataset = program.options.tenantDataset
        focusTable = program.tables.values.map(\.definition).first { $0.syntax.standard?.value == .focus13 }
    }
}
