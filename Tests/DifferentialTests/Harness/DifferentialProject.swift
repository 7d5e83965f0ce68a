import Compiler
import Foundation
import PipelineDSL
import Runtime
import TestSupport

/// A project in both engines: its BigQuery DDL and procedures (the goldens, or freshly compiled), and the YAML the
/// embedded engine compiles for SQLite when a fixture opens a ``LocalSession``.
struct DifferentialProject: Sendable {
    var label: String
    var files: [SourceFile]
    /// Every `CREATE TABLE` of the project for BigQuery.
    var bigQueryDDL: String
    /// `CREATE OR REPLACE PROCEDURE` text by procedure name.
    var bigQueryProcedures: [String: String]
    /// Table definitions by name (column names and types).
    var tables: [String: TableDefinition]
    /// Procedure parameters in declaration order (implicit ones first), by procedure name.
    var parameters: [String: [ParameterIR]]

    static let bigQueryProject = "cloudact-example"
    static let org = "acme"
    static let env = "prod"

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The standard library: procedures/*.yaml with the BigQuery goldens of golden/bigquery/.
    static func standardLibrary() throws -> DifferentialProject {
        let files = exampleProjectFiles()
        let build = Compiler.build(files, options: CompileOptions(target: .bigquery))
        guard let program = build.program else { throw Problem(description: "the example project does not compile: \(build.diagnostics.all)") }
        var ddl: [String] = []
        for path in filesUnder("golden/bigquery/tables") where path.hasSuffix(".sql") {
            ddl.append(try String(contentsOfFile: repositoryRoot + "/" + path, encoding: .utf8))
        }
        var procedures: [String: String] = [:]
        for name in program.procedures.keys.sorted() {
            let path = repositoryRoot + "/golden/bigquery/procedures/\(name).sql"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw Problem(description: "no golden for procedure \(name) at \(path) (UPDATE_GOLDEN=1 swift test --filter GoldenTests)")
            }
            procedures[name] = text
        }
        return DifferentialProject(
            label: "standard library", files: files, bigQueryDDL: ddl.joined(separator: "\n"), bigQueryProcedures: procedures,
            tables: program.tables.mapValues(\.definition), parameters: program.procedures.mapValues(\.parameters))
    }

    /// A project compiled here for BigQuery (the probes of the dialect entries).
    static func compiled(label: String, files: [SourceFile]) throws -> DifferentialProject {
        let build = Compiler.build(files, options: CompileOptions(target: .bigquery))
        guard let program = build.program else {
            let text = DiagnosticFormatter(files: files, toolVersion: Compiler.version).format(build.diagnostics, as: .human)
            throw Problem(description: "\(label) does not compile:\n\(text)")
        }
        return DifferentialProject(
            label: label, files: files,
            bigQueryDDL: program.tables.keys.sorted().map { program.tables[$0]!.sql }.joined(separator: "\n"),
            bigQueryProcedures: program.procedures.mapValues(\.sql), tables: program.tables.mapValues(\.definition),
            parameters: program.procedures.mapValues(\.parameters))
    }

    /// `(dataset, table)` of every table a procedure writes: the targets of its INSERT, DELETE, MERGE and UPDATE
    /// statements, in order of first appearance.
    func writtenTables(_ procedure: String) throws -> [(dataset: String, table: String)] {
        guard let text = bigQueryProcedures[procedure] else { throw Problem(description: "no procedure \(procedure)") }
        let pattern = try Regex(#"(?:INSERT INTO|DELETE FROM|MERGE(?: INTO)?|UPDATE)\s+`([^`]+)`"#)
        var seen: [(String, String)] = []
        for match in text.matches(of: pattern) {
            guard let path = match.output[1].substring else { continue }
            let parts = path.split(separator: ".").map(String.init)
            guard parts.count == 3 else { continue }
            if !seen.contains(where: { $0 == (parts[1], parts[2]) }) { seen.append((parts[1], parts[2])) }
        }
        return seen
    }

    func definition(_ table: String) throws -> TableDefinition {
        guard let definition = tables[table] else { throw Problem(description: "no table \(table) in \(label)") }
        return definition
    }

    /// Opens a fresh embedded warehouse in `folder` with the project compiled for SQLite and deployed.
    func openSQLite(in folder: String) async throws -> LocalSession {
        do {
            return try await LocalSession.open(files: files, org: Self.org, env: Self.env, warehouseFolder: folder).session
        } catch let failed as BuildFailed {
            let text = DiagnosticFormatter(files: failed.files, toolVersion: Compiler.version).format(failed.diagnostics, as: .human)
            throw Problem(description: "\(label) does not compile for SQLite:\n\(text)")
        }
    }

    /// The table's rows in the embedded engine.
    func sqliteState(_ session: LocalSession, dataset: String, table: String) async throws -> TableState {
        let definition = try definition(table)
        let result = try await session.warehouse.query("SELECT * FROM \"\(dataset)\".\"\(table)\"", parameters: [:])
        let positions = try definition.columns.map { column in
            guard let index = result.columns.firstIndex(of: column.name) else {
                throw Problem(description: "SQLite table \(dataset).\(table) has no column \(column.name)")
            }
            return index
        }
        return TableState(
            name: "\(dataset).\(table)", columns: definition.columns.map { ($0.name, $0.type) },
            rows: result.rows.map { row in zip(definition.columns, positions).map { CellReader.sqlite(row[$0.1], $0.0.type) } })
    }

    /// The table's rows from a zeval `SELECT TO_JSON_STRING(t) AS row FROM table AS t` result.
    func bigQueryState(fromJSONRows rows: [[String]], dataset: String, table: String) throws -> TableState {
        let definition = try definition(table)
        let parsed = try rows.dropFirst().map { cells -> [Cell] in
            guard cells.count == 1 else { throw Problem(description: "unexpected snapshot row \(cells)") }
            let object = try JSONValue.parse(cells[0])
            return definition.columns.map { column in
                guard let value = object[column.name] else { return .unreadable("no member \(column.name)") }
                return CellReader.bigQueryJSON(value, column.type)
            }
        }
        return TableState(name: "\(dataset).\(table)", columns: definition.columns.map { ($0.name, $0.type) }, rows: parsed)
    }

    /// The table's rows from zeval's output CSV.
    func bigQueryState(fromCSV rows: [[String]], dataset: String, table: String) throws -> TableState {
        let definition = try definition(table)
        guard let header = rows.first else { throw Problem(description: "empty CSV for \(dataset).\(table)") }
        let positions = try definition.columns.map { column in
            guard let index = header.firstIndex(of: column.name) else { throw Problem(description: "zeval CSV has no column \(column.name)") }
            return index
        }
        return TableState(
            name: "\(dataset).\(table)", columns: definition.columns.map { ($0.name, $0.type) },
            rows: rows.dropFirst().map { row in zip(definition.columns, positions).map { CellReader.bigQueryCSV(row[$0.1], $0.0.type) } })
    }

    /// The SQL of a BigQuery snapshot of a table: one `TO_JSON_STRING` per row, every type unambiguous (NULL versus
    /// '' included, which zeval's CSV cannot tell apart).
    static func snapshotSQL(dataset: String, table: String) -> String {
        "SELECT TO_JSON_STRING(t) AS row FROM `\(bigQueryProject).\(dataset).\(table)` AS t;"
    }
}
