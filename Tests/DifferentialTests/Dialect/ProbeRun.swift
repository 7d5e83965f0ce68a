import Compiler
import Foundation
import PipelineDSL
import Runtime

/// How the two engines must answer a probe.
enum ProbeExpectation: Sendable {
    /// Both succeed and write the same rows.
    case agree
    /// Both raise; each message contains its text (Docs/SQLITE.md D26: same conditions, different texts).
    case bothFail(bigQuery: String, sqlite: String)
    /// A documented difference: both succeed and agree everywhere except in these cells.
    case differ([CellDifference])
    /// A documented difference: BigQuery succeeds, the engine raises an error containing the text.
    case onlySQLiteFails(String)
    /// A documented difference: BigQuery raises an error containing the text, the engine does not.
    case onlyBigQueryFails(String)
}

/// One cell where the engines are documented to differ: in the row whose `id` is `row`, `column` holds `bigQuery` in
/// BigQuery and `sqlite` in the engine (``Cell`` descriptions: `'text'`, `TRUE`, numbers as each engine prints them).
struct CellDifference: Sendable {
    var row: String
    var column: String
    var bigQuery: String
    var sqlite: String
}

/// An expression probe for one entry of Docs/SQLITE.md: input rows for `probe_in`, the writes of a procedure
/// written in the DSL (so both dialects print it: the real mapping is under test, not hand-written SQL), and the
/// expected outcome. In `writes`, `$GROUP` is the probe's rows (`'name'`) and `$PROBE` its label for `probe_out.probe`.
struct Probe: Sendable {
    var entry: String
    var name: String
    var rows: String
    var writes: [String]
    var expect: ProbeExpectation
    /// Values BigQuery must produce (row id, column, cell description): BigQuery's behaviour as the entry states it.
    var pins: [(row: String, column: String, value: String)] = []
    /// Values the engine produces where the entry documents a difference (row id, column, cell description).
    var sqlitePins: [(row: String, column: String, value: String)] = []
    /// Rows of other tables, loaded before any probe runs.
    var tables: [FixtureTable] = []

    var procedure: String { "sp_" + name }

    init(
        _ entry: String, _ name: String, rows: String, expect: ProbeExpectation = .agree,
        pins: [(row: String, column: String, value: String)] = [], sqlitePins: [(row: String, column: String, value: String)] = [],
        tables: [FixtureTable] = [], _ writes: String...
    ) {
        self.entry = entry
        self.name = name
        self.rows = rows
        self.expect = expect
        self.pins = pins
        self.sqlitePins = sqlitePins
        self.tables = tables
        self.writes = writes
    }

    var yaml: String {
        var lines = ["procedure: \(procedure)", "description: probe for Docs/SQLITE.md \(entry)", "writes:"]
        for write in writes {
            let text = write.replacingOccurrences(of: "$GROUP", with: "'\(name)'").replacingOccurrences(of: "$PROBE", with: "\"'\(name)'\"")
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                lines.append((index == 0 ? "  - " : "    ") + line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The probe project's tables: one input table with a column of every type, one output table with typed result
/// columns, and lineage tables for the MERGE (D19) and transaction (D24) probes.
enum ProbeTables {
    static let files: [SourceFile] = [
        SourceFile(path: "tables/probe_in.yaml", text: """
            table: probe_in
            scope: org
            columns:
              grp: { type: STRING, required: true }
              id: STRING
              s: STRING
              s2: STRING
              i: INT64
              i2: INT64
              n: NUMERIC
              n2: NUMERIC
              b: BIGNUMERIC
              f: FLOAT64
              f2: FLOAT64
              t: BOOL
              d: DATE
              d2: DATE
              ts: TIMESTAMP
            """),
        SourceFile(path: "tables/probe_out.yaml", text: """
            table: probe_out
            scope: org
            columns:
              probe: { type: STRING, required: true }
              id: STRING
              s1: STRING
              s2: STRING
              s3: STRING
              i1: INT64
              i2: INT64
              i3: INT64
              n1: NUMERIC
              n2: NUMERIC
              b1: BIGNUMERIC
              f1: FLOAT64
              f2: FLOAT64
              t1: BOOL
              t2: BOOL
              t3: BOOL
              d1: DATE
              d2: DATE
              d3: DATE
              d4: DATE
              ts1: TIMESTAMP
              j1: JSON
              j2: JSON
              j3: JSON
              j4: JSON
            """),
        SourceFile(path: "tables/probe_merge.yaml", text: """
            table: probe_merge
            scope: org
            fields: [lineage]
            columns:
              k: { type: STRING, required: true }
              v: INT64
            """),
        SourceFile(path: "tables/probe_replace.yaml", text: """
            table: probe_replace
            scope: org
            fields: [lineage]
            columns:
              id: { type: STRING, required: true }
              f1: FLOAT64
            """),
    ]

    static let outputs = ["probe_out", "probe_merge", "probe_replace"]
}

/// What each engine did with one probe.
struct ProbeOutcome: Sendable {
    var probe: Probe
    var bigQueryError: String?
    var sqliteError: String?
    /// `probe_out` rows of this probe.
    var bigQuery: TableState
    var sqlite: TableState
}

/// Every probe, run once in each engine: one zeval script (all procedures, each CALL in its own
/// `BEGIN … EXCEPTION WHEN ERROR` block so a failing probe does not stop the others) and one embedded warehouse.
struct ProbeResults: Sendable {
    var outcomes: [String: ProbeOutcome]
    /// probe_merge and probe_replace after all probes, per engine.
    var bigQueryTables: [String: TableState]
    var sqliteTables: [String: TableState]

    static let shared: Task<ProbeResults, any Error> = Task { try await run(Probes.all) }

    static func run(_ probes: [Probe]) async throws -> ProbeResults {
        let files = ProbeTables.files + probes.map { SourceFile(path: "procedures/\($0.procedure).yaml", text: $0.yaml) }
        let project = try DifferentialProject.compiled(label: "the dialect probes", files: files)
        let directory = try temporaryDirectory("dialect-probes")
        defer { removeUnlessKept(directory) }

        var inputs = probes.map { FixtureTable("acme_prod.probe_in", defaults: ["grp": $0.name], $0.rows) }
        inputs += probes.flatMap(\.tables)
        inputs = FixtureTable.merged(inputs)
        try FileManager.default.createDirectory(atPath: directory + "/data", withIntermediateDirectories: true)
        for table in inputs {
            try table.jsonLines(try project.definition(table.table))
                .write(toFile: "\(directory)/data/\(table.dataset).\(table.table).jsonl", atomically: true, encoding: .utf8)
        }
        try project.bigQueryDDL.write(toFile: directory + "/tables.sql", atomically: true, encoding: .utf8)

        // BigQuery: one script. select_NNN k = outcome of probe k; then the three output tables.
        let arguments = "('acme', 'probe_pipe', 'cred-a', 'probe-run', DATE '2024-01-01')"
        var script = probes.map { project.bigQueryProcedures[$0.procedure]! }
        for probe in probes {
            script.append("""
                BEGIN
                  CALL `\(DifferentialProject.bigQueryProject).acme_prod.\(probe.procedure)`\(arguments);
                  SELECT 'ok' AS outcome;
                EXCEPTION WHEN ERROR THEN
                  SELECT CONCAT('error: ', @@error.message) AS outcome;
                END;
                """)
        }
        script += ProbeTables.outputs.map { DifferentialProject.snapshotSQL(dataset: "acme_prod", table: $0) }
        try script.joined(separator: "\n\n").write(toFile: directory + "/script.sql", atomically: true, encoding: .utf8)
        async let zeval = Zeval.run(
            ddl: directory + "/tables.sql", data: directory + "/data", script: directory + "/script.sql", out: directory + "/out")

        // SQLite.
        let session = try await project.openSQLite(in: directory + "/warehouse")
        for table in inputs {
            try await session.warehouse.replaceRows(
                in: table.table, dataset: table.dataset, ownedBy: [:], columns: table.columns,
                rows: try table.sqliteRows(try project.definition(table.table)))
        }
        var sqliteErrors: [String: String] = [:]
        for probe in probes {
            do {
                try await session.warehouse.call(
                    procedure: probe.procedure, dataset: "acme_prod",
                    arguments: [
                        "org_slug": .text("acme"), "pipeline_id": .text("probe_pipe"), "credential_id": .text("cred-a"),
                        "run_id": .text("probe-run"), "run_date": .text("2024-01-01"),
                    ])
            } catch {
                sqliteErrors[probe.name] = "\(error)"
            }
        }
        var sqliteTables: [String: TableState] = [:]
        for table in ProbeTables.outputs {
            sqliteTables[table] = try await project.sqliteState(session, dataset: "acme_prod", table: table)
        }

        let bigQuery = try await zeval
        guard bigQuery.exitCode == 0 else {
            throw DifferentialProject.Problem(description: "the probe script failed in zeval: \(bigQuery.error ?? "")\n\(bigQuery.log)")
        }
        var bigQueryTables: [String: TableState] = [:]
        for (index, table) in ProbeTables.outputs.enumerated() {
            guard let rows = bigQuery.select(probes.count + index + 1) else {
                throw DifferentialProject.Problem(description: "zeval wrote no snapshot of \(table)")
            }
            bigQueryTables[table] = try project.bigQueryState(fromJSONRows: rows, dataset: "acme_prod", table: table)
        }
        var outcomes: [String: ProbeOutcome] = [:]
        for (index, probe) in probes.enumerated() {
            guard let rows = bigQuery.select(index + 1), rows.count == 2 else {
                throw DifferentialProject.Problem(description: "no outcome for probe \(probe.name) in zeval's output")
            }
            let outcome = rows[1][0]
            func only(_ state: TableState) -> TableState {
                var copy = state
                let column = state.index(of: "probe")!
                copy.rows = state.rows.filter { $0[column] == .string(probe.name) }
                return copy
            }
            outcomes[probe.name] = ProbeOutcome(
                probe: probe, bigQueryError: outcome == "ok" ? nil : String(outcome.dropFirst("error: ".count)),
                sqliteError: sqliteErrors[probe.name], bigQuery: only(bigQueryTables["probe_out"]!),
                sqlite: only(sqliteTables["probe_out"]!))
        }
        return ProbeResults(outcomes: outcomes, bigQueryTables: bigQueryTables, sqliteTables: sqliteTables)
    }

    /// The problems with the probes of one entry (empty if every probe answered as expected).
    func problems(entry: String) -> [String] {
        let probes = outcomes.values.filter { $0.probe.entry == entry }.sorted { $0.probe.name < $1.probe.name }
        guard !probes.isEmpty else { return ["no probes for \(entry)"] }
        return probes.flatMap(Self.problems)
    }

    static func problems(_ outcome: ProbeOutcome) -> [String] {
        let probe = outcome.probe
        let name = "\(probe.entry) \(probe.name)"
        let bigQuery = outcome.bigQueryError.map { "error: \($0)" } ?? "ok"
        let sqlite = outcome.sqliteError.map { "error: \($0)" } ?? "ok"
        var problems: [String] = []
        func cell(_ state: TableState, _ row: String, _ column: String) -> Cell? {
            guard let idColumn = state.index(of: "id"), let index = state.index(of: column) else { return nil }
            return state.rows.first { $0[idColumn] == .string(row) }?[index]
        }
        // Pinned values.
        for (engine, state, pins) in [("BigQuery", outcome.bigQuery, probe.pins), ("SQLite", outcome.sqlite, probe.sqlitePins)] {
            for pin in pins {
                let value = cell(state, pin.row, pin.column)
                if value?.description != pin.value {
                    problems.append("\(name): \(engine)'s \(pin.column) of row \(pin.row) is \(value?.description ?? "missing"), the entry says \(pin.value)")
                }
            }
        }
        // An empty expected text matches any message.
        func says(_ error: String?, _ text: String) -> Bool { error.map { text.isEmpty || $0.contains(text) } ?? false }
        switch probe.expect {
        case .agree:
            if outcome.bigQueryError != nil || outcome.sqliteError != nil {
                problems.append("\(name): expected both engines to succeed\n  BigQuery: \(bigQuery)\n  SQLite: \(sqlite)")
            } else if let diff = RowComparison.difference(outcome.bigQuery, outcome.sqlite, context: name) {
                problems.append(diff)
            } else if outcome.bigQuery.rows.isEmpty && probe.writes.allSatisfy({ $0.contains("into: probe_out") && !$0.contains("days:") }) {
                problems.append("\(name): the probe wrote no rows")
            }
        case .bothFail(let bigQueryText, let sqliteText):
            if !says(outcome.bigQueryError, bigQueryText) || !says(outcome.sqliteError, sqliteText) {
                problems.append("\(name): expected both engines to fail\n  BigQuery: \(bigQuery) (expected '\(bigQueryText)')\n  SQLite: \(sqlite) (expected '\(sqliteText)')")
            }
        case .onlySQLiteFails(let text):
            if outcome.bigQueryError != nil || !says(outcome.sqliteError, text) {
                problems.append("\(name): documented: BigQuery succeeds and SQLite fails with '\(text)'\n  BigQuery: \(bigQuery)\n  SQLite: \(sqlite)")
            }
        case .onlyBigQueryFails(let text):
            if !says(outcome.bigQueryError, text) || outcome.sqliteError != nil {
                problems.append("\(name): documented: BigQuery fails with '\(text)' and SQLite succeeds\n  BigQuery: \(bigQuery)\n  SQLite: \(sqlite)")
            }
        case .differ(let cells):
            if outcome.bigQueryError != nil || outcome.sqliteError != nil {
                problems.append("\(name): expected both engines to succeed\n  BigQuery: \(bigQuery)\n  SQLite: \(sqlite)")
                break
            }
            for expected in cells {
                let left = cell(outcome.bigQuery, expected.row, expected.column)?.description
                let right = cell(outcome.sqlite, expected.row, expected.column)?.description
                if left != expected.bigQuery || right != expected.sqlite {
                    problems.append(
                        "\(name): documented difference in \(expected.column) of row \(expected.row): expected BigQuery \(expected.bigQuery) / SQLite \(expected.sqlite), found \(left ?? "missing") / \(right ?? "missing")")
                }
            }
            // Everywhere else the engines agree.
            var left = outcome.bigQuery
            var right = outcome.sqlite
            let idColumn = left.index(of: "id")!
            for expected in cells {
                guard let column = left.index(of: expected.column) else { continue }
                for index in left.rows.indices where left.rows[index][idColumn] == .string(expected.row) { left.rows[index][column] = .null }
                for index in right.rows.indices where right.rows[index][idColumn] == .string(expected.row) { right.rows[index][column] = .null }
            }
            if let diff = RowComparison.difference(left, right, context: "\(name) (outside the documented cells)") {
                problems.append(diff)
            }
        }
        return problems
    }
}
