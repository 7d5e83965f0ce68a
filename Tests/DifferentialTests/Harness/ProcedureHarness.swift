import Compiler
import Foundation
import PipelineDSL
import Runtime
import Testing

/// One call of a fixture. Arguments are keyed by parameter name without the underscore (`credential_id`,
/// `p_cost_date`); the rest default (``ProcedureFixture/defaultArguments(step:)``).
struct FixtureStep: Sendable {
    var arguments: [String: String]
    /// Both engines must fail with a message containing this text, and leave every table as it was. Only the last
    /// step may fail.
    var expectedError: String?
    /// This step repeats step `rerunOf` (same arguments, a new run id): in each engine the written tables must be
    /// the same after it as before it (x_run_id and the wall clock aside).
    var rerunOf: Int?
    /// A successful first run writes rows stamped with its run id (so a fixture cannot pass by writing nothing);
    /// false for a step that legitimately writes none.
    var expectsRows = true

    static func call(_ arguments: [String: String], expectsRows: Bool = true) -> FixtureStep {
        FixtureStep(arguments: arguments, expectsRows: expectsRows)
    }
    static func rerun(of step: Int) -> FixtureStep { FixtureStep(arguments: [:], rerunOf: step) }
    static func failing(_ arguments: [String: String], error: String) -> FixtureStep {
        FixtureStep(arguments: arguments, expectedError: error)
    }
}

/// Input rows and a sequence of calls of one procedure, run in both engines.
struct ProcedureFixture: Sendable, CustomTestStringConvertible {
    var procedure: String
    var name: String
    /// What the fixture covers, one item per edge case (printed with a failure).
    var covers: [String]
    var tables: [FixtureTable]
    /// Arguments every step gets unless it names them (besides the built-in defaults).
    var arguments: [String: String] = [:]
    var steps: [FixtureStep]

    var testDescription: String { "\(procedure)/\(name)" }

    /// Arguments of step `index` (0-based) after defaults and re-runs are applied.
    func arguments(step index: Int) -> [String: String] {
        let step = steps[index]
        if let original = step.rerunOf {
            var arguments = arguments(step: original)
            arguments["run_id"] = "run-\(index + 1)-rerun-of-\(original + 1)"
            return arguments
        }
        var arguments = [
            "org_slug": DifferentialProject.org, "pipeline_id": "pipe_diff", "credential_id": "cred-a",
            "run_id": "run-\(index + 1)",
        ]
        arguments["run_date"] = step.arguments["p_cost_date"] ?? "2024-01-01"
        arguments.merge(self.arguments) { _, new in new }
        arguments.merge(step.arguments) { _, new in new }
        return arguments
    }
}

/// What a differential run found: every disagreement, rendered for a test failure.
struct DifferentialReport: Sendable {
    var problems: [String] = []
    /// Each engine's written tables after each step (index 0: after loading; inner order: the procedure's written
    /// tables), for tests of the comparison.
    var sqliteStates: [[TableState]] = []
    var bigQueryStates: [[TableState]] = []
    var zevalLog = ""
}

/// Runs fixtures through zeval (the golden BigQuery SQL on ZetaSQL's reference engine) and through the embedded
/// engine (the same YAML compiled for SQLite), and compares every table the procedure writes after every step.
///
/// BigQuery side: one zeval run per fixture, in script mode. The script is the golden `CREATE PROCEDURE`, then a
/// snapshot of the written tables (`SELECT TO_JSON_STRING(t)`, which keeps NULL and '' apart and types every value),
/// then each step's `CALL` followed by another snapshot. The fixture's rows are `<dataset>.<table>.jsonl` files
/// (zeval resolves `acme_prod.t` to `cloudact-example.acme_prod.t`); the DDL is every golden table.
/// A failing step ends the script (no handler, as in production): zeval rolls back the open transaction and
/// writes the tables as CSV, which is compared too.
///
/// SQLite side: a fresh ``LocalSession`` (the project compiled for SQLite and deployed), the rows loaded with
/// `replaceRows`, and the same calls through `LocalWarehouse.call`, with a snapshot after each.
///
/// Compared: the outcome of every step (both succeed, or both fail with the expected message); every written table
/// after every step as a row multiset, cell by cell (``Cell``, ``DecimalTolerance``); re-runs leave each engine's
/// tables as they were; a failing step leaves them as they were in both. Only `x_ingested_at` and
/// `x_ingestion_date` are left out of the comparison, because each engine stamps its own wall clock; every
/// written row must have both non-NULL instead. A mismatch prints the differing rows side by side
/// (``RowComparison``). Set `CLOUDACT_DIFF_KEEP=1` to keep each run's folder (script, data, zeval output, SQLite
/// files) for debugging.
enum ProcedureHarness {
    static func run(_ fixture: ProcedureFixture, in project: DifferentialProject) async throws -> DifferentialReport {
        guard fixture.steps.dropLast().allSatisfy({ $0.expectedError == nil }) else {
            throw DifferentialProject.Problem(description: "only the last step of \(fixture.testDescription) may fail")
        }
        let written = try project.writtenTables(fixture.procedure)
        guard let parameters = project.parameters[fixture.procedure], let procedureSQL = project.bigQueryProcedures[fixture.procedure] else {
            throw DifferentialProject.Problem(description: "no procedure \(fixture.procedure) in \(project.label)")
        }
        let directory = try temporaryDirectory(fixture.procedure + "-" + fixture.name)
        defer { removeUnlessKept(directory) }

        // The fixture as zeval input files and as SQLite rows.
        try FileManager.default.createDirectory(atPath: directory + "/data", withIntermediateDirectories: true)
        let tables = FixtureTable.merged(fixture.tables)
        for table in tables {
            let definition = try project.definition(table.table)
            try table.jsonLines(definition).write(toFile: "\(directory)/data/\(table.dataset).\(table.table).jsonl", atomically: true, encoding: .utf8)
        }
        try project.bigQueryDDL.write(toFile: directory + "/tables.sql", atomically: true, encoding: .utf8)

        // BigQuery: the procedure, a snapshot of the written tables, then each call followed by a snapshot.
        var script = [procedureSQL, ""]
        func snapshot() { script += written.map { DifferentialProject.snapshotSQL(dataset: $0.dataset, table: $0.table) } }
        snapshot()
        for index in fixture.steps.indices {
            let arguments = fixture.arguments(step: index)
            let list = try parameters.map { parameter -> String in
                guard let value = arguments[parameter.name] else {
                    throw DifferentialProject.Problem(description: "\(fixture.testDescription) step \(index + 1): no value for \(parameter.name)")
                }
                return bigQueryLiteral(value, parameter.type)
            }
            script.append("CALL `\(DifferentialProject.bigQueryProject).\(DifferentialProject.org)_\(DifferentialProject.env).\(fixture.procedure)`(\(list.joined(separator: ", ")));")
            snapshot()
        }
        try script.joined(separator: "\n").write(toFile: directory + "/script.sql", atomically: true, encoding: .utf8)
        async let zeval = Zeval.run(
            ddl: directory + "/tables.sql", data: directory + "/data", script: directory + "/script.sql", out: directory + "/out")

        // SQLite: the same, through LocalSession / LocalWarehouse.
        let session = try await project.openSQLite(in: directory + "/warehouse")
        for table in tables {
            let definition = try project.definition(table.table)
            try await session.warehouse.replaceRows(
                in: table.table, dataset: table.dataset, ownedBy: [:], columns: table.columns, rows: try table.sqliteRows(definition))
        }
        var sqliteStates: [[TableState]] = []
        var sqliteErrors: [String?] = []
        func sqliteSnapshot() async throws -> [TableState] {
            var states: [TableState] = []
            for table in written { states.append(try await project.sqliteState(session, dataset: table.dataset, table: table.table)) }
            return states
        }
        sqliteStates.append(try await sqliteSnapshot())
        for index in fixture.steps.indices {
            let arguments = fixture.arguments(step: index)
            var bound: [String: SQLValue] = [:]
            for parameter in parameters { bound[parameter.name] = try sqliteArgument(arguments[parameter.name], parameter.type) }
            do {
                try await session.warehouse.call(procedure: fixture.procedure, dataset: "\(DifferentialProject.org)_\(DifferentialProject.env)", arguments: bound)
                sqliteErrors.append(nil)
            } catch {
                sqliteErrors.append("\(error)")
            }
            sqliteStates.append(try await sqliteSnapshot())
            if sqliteErrors.last! != nil { break }
        }

        let bigQuery = try await zeval
        var report = DifferentialReport(sqliteStates: sqliteStates, zevalLog: bigQuery.log)
        let header = "\(fixture.testDescription) (covers: \(fixture.covers.joined(separator: "; ")))"
        func describe(step index: Int) -> String {
            index < 0
                ? "after loading the fixture"
                : "after step \(index + 1) CALL \(fixture.procedure)(\(fixture.arguments(step: index).sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")))"
        }

        // Snapshots BigQuery took (all of them, or those before the failing step).
        var bigQueryStates: [[TableState]] = []
        for snapshotIndex in 0...fixture.steps.count {
            var states: [TableState] = []
            for (t, table) in written.enumerated() {
                guard let rows = bigQuery.select(snapshotIndex * written.count + t + 1) else { break }
                states.append(try project.bigQueryState(fromJSONRows: rows, dataset: table.dataset, table: table.table))
            }
            guard states.count == written.count else { break }
            bigQueryStates.append(states)
        }
        report.bigQueryStates = bigQueryStates
        let bigQueryFailedAt = bigQuery.exitCode == 1 ? bigQueryStates.count - 1 : nil  // step index
        if bigQueryFailedAt == -1 {
            report.problems.append("\(header)\nzeval failed before the first snapshot: \(bigQuery.error ?? "")\n\(bigQuery.log)")
            return report
        }

        // Outcomes of each step.
        for index in fixture.steps.indices {
            let expected = fixture.steps[index].expectedError
            let sqliteError = index < sqliteErrors.count ? sqliteErrors[index] : "not run (an earlier step failed)"
            let bigQueryError: String? = bigQueryFailedAt == index ? (bigQuery.error ?? "failed without error.txt") : nil
            let bigQueryRan = index + 1 < bigQueryStates.count || bigQueryFailedAt == index
            if let expected {
                for (engine, error) in [("BigQuery", bigQueryError), ("SQLite", sqliteError)] {
                    if let error {
                        if !error.contains(expected) {
                            report.problems.append("\(header)\n\(describe(step: index)): \(engine) failed with '\(error)', expected a message containing '\(expected)'")
                        }
                    } else {
                        report.problems.append("\(header)\n\(describe(step: index)): \(engine) did not fail; expected '\(expected)'")
                    }
                }
            } else if bigQueryError != nil || sqliteError != nil || !bigQueryRan {
                report.problems.append(
                    "\(header)\n\(describe(step: index)): unexpected failure\n  BigQuery: \(bigQueryError ?? (bigQueryRan ? "ok" : "not run"))\n  SQLite: \(sqliteError ?? "ok")\n  zeval log:\n\(bigQuery.log)")
                break
            }
        }

        // The tables after each step, BigQuery against SQLite.
        for snapshotIndex in 0..<min(bigQueryStates.count, sqliteStates.count) {
            for (bq, sq) in zip(bigQueryStates[snapshotIndex], sqliteStates[snapshotIndex]) {
                if let diff = RowComparison.difference(bq, sq, context: "\(bq.name) \(describe(step: snapshotIndex - 1))") {
                    report.problems.append("\(header)\n\(diff)")
                }
                for (engine, state) in [("BigQuery", bq), ("SQLite", sq)] where snapshotIndex > 0 {
                    for row in RowComparison.nullWallClock(state) {
                        report.problems.append("\(header)\n\(engine) \(state.name) \(describe(step: snapshotIndex - 1)): NULL x_ingested_at or x_ingestion_date in \(row)")
                    }
                }
            }
        }

        // Each successful first run wrote rows of its own (a fixture whose filters match nothing proves nothing).
        for (index, step) in fixture.steps.enumerated() where step.expectsRows && step.rerunOf == nil && step.expectedError == nil {
            guard index + 1 < sqliteStates.count else { continue }
            let runID = fixture.arguments(step: index)["run_id"]!
            let wrote = sqliteStates[index + 1].contains { state in
                guard let column = state.index(of: "x_run_id") else { return !state.rows.isEmpty }
                return state.rows.contains { $0[column] == .string(runID) }
            }
            if !wrote {
                report.problems.append("\(header)\n\(describe(step: index)) wrote no rows in SQLite: the fixture does not exercise the procedure (pass expectsRows: false if that is the point)")
            }
        }

        // A re-run changes nothing but run ids and the wall clock, in each engine: the tables after it equal the
        // tables before it.
        for (index, step) in fixture.steps.enumerated() {
            guard let original = step.rerunOf else { continue }
            for (engine, states) in [("BigQuery", bigQueryStates), ("SQLite", sqliteStates)] where index + 1 < states.count {
                for (before, after) in zip(states[index], states[index + 1]) {
                    if let diff = RowComparison.difference(
                        before, after, leftName: "before", rightName: "after",
                        ignoring: RowComparison.wallClockColumns.union(["x_run_id"]),
                        context: "\(engine): re-running step \(original + 1) as step \(index + 1) changed \(before.name)")
                    {
                        report.problems.append("\(header)\n\(diff)")
                    }
                }
            }
        }

        // A failing last step leaves every table as it was, in both engines.
        if fixture.steps.last?.expectedError != nil, bigQuery.exitCode == 1, sqliteStates.count == fixture.steps.count + 1 {
            let before = fixture.steps.count - 1
            for (t, table) in written.enumerated() {
                guard let rows = bigQuery.table(table.dataset, table.table) else {
                    report.problems.append("\(header)\nzeval wrote no \(table.dataset).\(table.table).csv")
                    continue
                }
                let bigQueryAfter = try project.bigQueryState(fromCSV: rows, dataset: table.dataset, table: table.table)
                let sqliteAfter = sqliteStates[before + 1][t]
                let checks: [(TableState, TableState, String, String, String)] = [
                    (bigQueryAfter, sqliteAfter, "BigQuery", "SQLite", "the tables after the failed step"),
                    (bigQueryStates[before][t], bigQueryAfter, "BigQuery before", "BigQuery after", "BigQuery changed a table in the failed step"),
                    (sqliteStates[before][t], sqliteAfter, "SQLite before", "SQLite after", "SQLite changed a table in the failed step"),
                ]
                for (left, right, leftName, rightName, what) in checks {
                    if let diff = RowComparison.difference(left, right, leftName: leftName, rightName: rightName, context: "\(table.dataset).\(table.table): \(what)") {
                        report.problems.append("\(header)\n\(diff)")
                    }
                }
            }
        }
        return report
    }

    static func bigQueryLiteral(_ value: String?, _ type: ColumnType) -> String {
        guard let value else { return "CAST(NULL AS \(type.rawValue))" }
        switch type {
        case .string: return googleSQLString(value)
        case .int64: return value
        case .date: return "DATE \(googleSQLString(value))"
        case .timestamp: return "TIMESTAMP \(googleSQLString(value))"
        case .bool: return value.uppercased()
        default: return "CAST(\(googleSQLString(value)) AS \(type.rawValue))"
        }
    }

    static func sqliteArgument(_ value: String?, _ type: ColumnType) throws -> SQLValue {
        try FixtureTable.sqlite(value, type, column: "argument")
    }
}
