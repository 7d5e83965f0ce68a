public import Compiler
import Foundation
internal import PipelineDSL

/// The embedded engine: each dataset is a SQLite file in one folder, attached under the dataset's name, so
/// `organizations.org_meta_pipeline_runs` and `acme_prod.cost_data_standard_1_3` keep their names.
///
/// One actor owns one connection, so statements run one at a time; runs of different tenants interleave
/// between statements. Each file uses WAL journaling: a transaction touches one tenant file (data) or the
/// central file (the ledger), and a crash mid-transaction leaves the file as it was before it.
public actor LocalWarehouse: Warehouse {
    /// The folder holding `<dataset>.sqlite` files.
    public let folder: String
    let database: SQLiteDatabase
    var attached: Set<String> = []
    /// The statement clock: CURRENT_TIMESTAMP() is fixed per procedure run, as BigQuery fixes it per transaction.
    let clock = StatementClock()
    /// Which run's statement is executing, and the flag that interrupts it.
    let interruption = Interruption()

    /// Opens (creating) a warehouse folder.
    public init(folder: String) throws {
        self.folder = folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        database = try SQLiteDatabase(path: ":memory:")
        try database.execute("PRAGMA case_sensitive_like = ON")
        try database.execute("PRAGMA temp_store = MEMORY")
        database.watch(interruption.flag)
        let clock = self.clock
        try LocalFunctions.register(on: database, now: { clock.now })
        try Self.attach(CompileOptions.centralDataset, folder: folder, database: database)
        attached.insert(CompileOptions.centralDataset)
        try database.execute(LedgerSchema.sql)
    }

    static func attach(_ dataset: String, folder: String, database: SQLiteDatabase) throws {
        guard dataset.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw DeployError(table: dataset, message: "dataset names are letters, digits and _")
        }
        let path = folder + "/" + dataset + ".sqlite"
        try database.execute("ATTACH DATABASE @path AS \"\(dataset)\"", parameters: ["path": .text(path)])
        try database.execute("PRAGMA \"\(dataset)\".journal_mode = WAL")
        try database.execute("PRAGMA \"\(dataset)\".synchronous = NORMAL")
        // A daily procedure touches a few hundred MB at most; keep its pages in memory rather than re-reading
        // them from the WAL (SQLite's default cache is 2 MB).
        try database.execute("PRAGMA \"\(dataset)\".cache_size = -262144")
    }

    func ensureAttached(_ dataset: String) throws {
        guard !attached.contains(dataset) else { return }
        try Self.attach(dataset, folder: folder, database: database)
        attached.insert(dataset)
    }

    func dataset(for table: TableDefinition, options: CompileOptions) -> String {
        table.scope == .central ? CompileOptions.centralDataset : options.tenantDataset
    }

    // MARK: - Deploy

    public func deploy(_ program: CompiledProgram) async throws -> DeployReport {
        var changes: [DeployReport.Change] = []
        try ensureAttached(program.options.tenantDataset)
        for name in program.tables.keys.sorted() {
            let table = program.tables[name]!
            let dataset = dataset(for: table.definition, options: program.options)
            changes.append(try deployTable(table, dataset: dataset))
        }
        for name in program.procedures.keys.sorted() {
            let procedure = program.procedures[name]!
            changes.append(try deployProcedure(procedure, dataset: program.options.tenantDataset))
        }
        return DeployReport(changes: changes)
    }

    func deployTable(_ table: CompiledTable, dataset: String) throws -> DeployReport.Change {
        let qualified = "\(dataset).\(table.definition.name)"
        let existing = try database.query("PRAGMA \"\(dataset)\".table_info(\"\(table.definition.name)\")")
        if existing.rows.isEmpty {
            try transaction { try database.execute(table.sql) }
            try recordObject(dataset: dataset, name: table.definition.name, kind: "table", table.contentHash, sql: table.sql)
            return .created(qualified)
        }
        // Schema evolution: add new nullable columns; refuse anything that would drop or retype data.
        let nameIndex = existing.columns.firstIndex(of: "name")!
        let typeIndex = existing.columns.firstIndex(of: "type")!
        var current: [String: String] = [:]
        for row in existing.rows { current[row[nameIndex].text ?? ""] = row[typeIndex].text ?? "" }
        let wanted = Dictionary(uniqueKeysWithValues: table.definition.columns.map { ($0.name, $0) })
        for name in current.keys.sorted() where wanted[name] == nil {
            throw DeployError(
                table: qualified, message: "column '\(name)' exists but is no longer defined; dropping it would lose data (drop it by hand if you mean it)")
        }
        var added: [String] = []
        for column in table.definition.columns {
            let type = SQLDialect.sqlite.typeName(column.type)
            if let currentType = current[column.name] {
                if currentType.uppercased() != type {
                    throw DeployError(
                        table: qualified, message: "column '\(column.name)' is \(currentType) but is now defined as \(type); changing a column's type is refused")
                }
                continue
            }
            if column.isRequired {
                throw DeployError(
                    table: qualified, message: "new column '\(column.name)' is required; existing rows have no value for it (add it as nullable first)")
            }
            added.append(column.name)
        }
        guard !added.isEmpty else {
            try recordObject(dataset: dataset, name: table.definition.name, kind: "table", table.contentHash, sql: table.sql)
            return .unchanged(qualified)
        }
        try transaction {
            for name in added {
                let column = wanted[name]!
                try database.execute(
                    "ALTER TABLE \"\(dataset)\".\"\(table.definition.name)\" ADD COLUMN \"\(name)\" \(SQLDialect.sqlite.typeName(column.type))")
            }
        }
        try recordObject(dataset: dataset, name: table.definition.name, kind: "table", table.contentHash, sql: table.sql)
        return .altered(qualified, addedColumns: added)
    }

    func deployProcedure(_ procedure: CompiledProcedure, dataset: String) throws -> DeployReport.Change {
        let existing = try database.query(
            "SELECT content_hash FROM organizations.cloudact_objects WHERE dataset = @dataset AND name = @name AND kind = 'procedure'",
            parameters: ["dataset": .text(dataset), "name": .text(procedure.name)])
        let parameters = procedure.parameters.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: ",")
        if existing.rows.first?.first?.text == procedure.contentHash { return .unchanged("\(dataset).\(procedure.name)") }
        try recordObject(
            dataset: dataset, name: procedure.name, kind: "procedure", procedure.contentHash, sql: procedure.sql,
            parameters: parameters)
        return existing.rows.isEmpty ? .created("\(dataset).\(procedure.name)") : .replaced("\(dataset).\(procedure.name)")
    }

    func recordObject(
        dataset: String, name: String, kind: String, _ hash: String, sql: String, parameters: String = ""
    ) throws {
        try database.execute(
            """
            INSERT INTO organizations.cloudact_objects (dataset, name, kind, content_hash, sql, parameters, deployed_at)
            VALUES (@dataset, @name, @kind, @hash, @sql, @parameters, @now)
            ON CONFLICT (dataset, name, kind) DO UPDATE SET content_hash = excluded.content_hash, sql = excluded.sql,
              parameters = excluded.parameters, deployed_at = excluded.deployed_at
            """,
            parameters: [
                "dataset": .text(dataset), "name": .text(name), "kind": .text(kind), "hash": .text(hash), "sql": .text(sql),
                "parameters": .text(parameters), "now": .text(Timestamps.now()),
            ])
    }

    // MARK: - Run

    public func call(procedure: String, dataset: String, arguments: [String: SQLValue]) async throws {
        try await call(procedure: procedure, dataset: dataset, arguments: arguments, token: nil)
    }

    /// Interrupts the statement running for `token` (a run id), if one is; that statement's transaction rolls back.
    public nonisolated func interrupt(token: String) {
        interruption.interrupt(token)
    }

    /// Runs `body` as work of `token`, so ``interrupt(token:)`` can stop it.
    func working<T>(for token: String?, _ body: () throws -> T) throws -> T {
        interruption.begin(token)
        defer { interruption.end() }
        return try body()
    }

    /// Like ``call(procedure:dataset:arguments:)``, interruptible by the run `token`.
    public func call(procedure: String, dataset: String, arguments: [String: SQLValue], token: String?) async throws {
        let stored = try database.query(
            "SELECT sql, parameters FROM organizations.cloudact_objects WHERE dataset = @dataset AND name = @name AND kind = 'procedure'",
            parameters: ["dataset": .text(dataset), "name": .text(procedure)])
        guard let row = stored.rows.first, let sql = row[0].text else {
            throw SQLiteError(code: 1, message: "procedure \(dataset).\(procedure) is not deployed", sql: nil)
        }
        try ensureAttached(dataset)
        clock.freeze()
        defer { clock.thaw() }
        var bound = clockParameters()
        for (name, value) in arguments { bound["_" + name] = value }
        try working(for: token) { try transaction { try database.execute(sql, parameters: bound) } }
    }

    /// A query interruptible by the run `token`.
    public func query(_ sql: String, parameters: [String: SQLValue], token: String?) async throws -> SQLiteRows {
        try working(for: token) { try database.query(sql, parameters: parameters.merging(clockParameters()) { a, _ in a }) }
    }

    /// `CURRENT_TIMESTAMP()` and `CURRENT_DATE()` as the SQLite dialect prints them: parameters fixed for the
    /// whole statement list, as BigQuery fixes them per transaction.
    func clockParameters() -> [String: SQLValue] {
        let now = Timestamps.format(clock.now)
        return ["_cloudact_now": .text(now), "_cloudact_today": .text(String(now.prefix(10)))]
    }

    /// Decides whether a run may start and, if so, records it and takes a lease — in one transaction.
    /// Returns "ok", "duplicate", "daily", "monthly" or "concurrent".
    func startRunAtomically(parameters: [String: SQLValue]) async throws -> String {
        var verdict = ""
        try transaction {
            let rows = try database.query(
                """
                SELECT CASE
                  WHEN EXISTS (SELECT 1 FROM organizations.org_meta_pipeline_runs
                               WHERE org_slug = @org AND pipeline_id = @pipeline AND data_date = @date
                                 AND status IN ('PENDING', 'RUNNING')) THEN 'duplicate'
                  WHEN @trigger != 'backfill' AND (SELECT COUNT(*) FROM organizations.org_meta_pipeline_runs
                        WHERE org_slug = @org AND trigger != 'backfill' AND substr(created_at, 1, 10) = @day) >= @daily THEN 'daily'
                  WHEN @trigger != 'backfill' AND (SELECT COUNT(*) FROM organizations.org_meta_pipeline_runs
                        WHERE org_slug = @org AND trigger != 'backfill' AND substr(created_at, 1, 7) = @month) >= @monthly THEN 'monthly'
                  WHEN (SELECT COUNT(*) FROM organizations.org_meta_quota_leases
                        WHERE org_slug = @org AND released_at IS NULL AND expires_at >= @now) >= @concurrent THEN 'concurrent'
                  ELSE 'ok' END
                """, parameters: parameters.filter {
                    ["org", "pipeline", "date", "day", "month", "daily", "monthly", "concurrent", "now", "trigger"].contains($0.key)
                })
            verdict = rows.rows.first?.first?.text ?? "ok"
            guard verdict == "ok" else { return }
            try database.execute(
                """
                INSERT INTO organizations.org_meta_pipeline_runs
                  (run_id, org_slug, pipeline_id, credential_id, data_date, status, trigger, started_at, created_at)
                VALUES (@run_id, @org, @pipeline, @credential, @date, 'RUNNING', @trigger, @now, @now);

                INSERT INTO organizations.org_meta_state_transitions (run_id, step_id, from_status, to_status, at, sequence)
                VALUES (@run_id, NULL, NULL, 'PENDING', @now, 0), (@run_id, NULL, 'PENDING', 'RUNNING', @now, 1);

                INSERT INTO organizations.org_meta_quota_leases (lease_id, org_slug, run_id, acquired_at, expires_at)
                VALUES (@run_id, @org, @run_id, @now, @expires);
                """, parameters: parameters.filter { ["run_id", "org", "pipeline", "credential", "date", "trigger", "now", "expires"].contains($0.key) })
        }
        return verdict
    }

    public func query(_ sql: String, parameters: [String: SQLValue] = [:]) async throws -> SQLiteRows {
        try database.query(sql, parameters: parameters.merging(clockParameters()) { a, _ in a })
    }

    public func execute(_ sql: String, parameters: [String: SQLValue] = [:]) async throws {
        try transaction { try database.execute(sql, parameters: parameters.merging(clockParameters()) { a, _ in a }) }
    }

    public func replaceRows(
        in table: String, dataset: String, ownedBy: [String: SQLValue], columns: [String], rows: [[SQLValue]]
    ) async throws {
        try await replaceRows(in: table, dataset: dataset, ownedBy: ownedBy, columns: columns, rows: rows, token: nil)
    }

    /// Like ``replaceRows(in:dataset:ownedBy:columns:rows:)``, interruptible by the run `token`.
    public func replaceRows(
        in table: String, dataset: String, ownedBy: [String: SQLValue], columns: [String], rows: [[SQLValue]], token: String?
    ) async throws {
        interruption.begin(token)
        defer { interruption.end() }
        try ensureAttached(dataset)
        // No owner columns: the file is the whole table (reference data such as prices).
        let keys = ownedBy.keys.sorted()
        let condition = keys.isEmpty ? "" : " WHERE " + keys.map { "\"\($0)\" = @\($0)" }.joined(separator: " AND ")
        try transaction {
            try database.execute("DELETE FROM \"\(dataset)\".\"\(table)\"\(condition)", parameters: ownedBy)
            try database.insert(into: "\"\(dataset)\".\"\(table)\"", columns: columns, rows: rows)
        }
    }

    /// Runs `body` in one transaction; any error rolls everything back.
    func transaction(_ body: () throws -> Void) throws {
        try database.execute("BEGIN IMMEDIATE")
        do {
            try body()
            try database.execute("COMMIT")
        } catch {
            try? database.execute("ROLLBACK")
            throw error
        }
    }
}

/// Which run's statement is executing; interrupting another run's token does nothing.
final class Interruption: @unchecked Sendable {
    let flag = SQLiteDatabase.InterruptFlag()
    private let lock = NSLock()
    private var current: String?

    func begin(_ token: String?) {
        lock.lock()
        current = token
        flag.lower()
        lock.unlock()
    }

    func end() {
        lock.lock()
        current = nil
        flag.lower()
        lock.unlock()
    }

    func interrupt(_ token: String) {
        lock.lock()
        if current == token { flag.raise() }
        lock.unlock()
    }
}

/// CURRENT_TIMESTAMP for the embedded engine: the wall clock, frozen for the duration of a procedure run.
final class StatementClock: @unchecked Sendable {
    private let lock = NSLock()
    private var frozen: Date?

    var now: Date {
        lock.lock()
        defer { lock.unlock() }
        return frozen ?? Date()
    }

    func freeze() {
        lock.lock()
        frozen = Date()
        lock.unlock()
    }

    func thaw() {
        lock.lock()
        frozen = nil
        lock.unlock()
    }
}

/// Canonical timestamps: `YYYY-MM-DDTHH:MM:SS.ffffffZ` (UTC), the form TIMESTAMP values are stored in.
enum Timestamps {
    static func format(_ date: Date) -> String {
        let microseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
        let seconds = microseconds >= 0 ? microseconds / 1_000_000 : (microseconds - 999_999) / 1_000_000
        let fraction = microseconds - seconds * 1_000_000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let date = CivilDate(dayNumber: Int(days))
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let micro = String(fraction)
        return "\(date)T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))."
            + String(repeating: "0", count: 6 - micro.count) + micro + "Z"
    }

    static func now() -> String { format(Date()) }

    /// The half-open TIMESTAMP range covering the UTC days `from` to `to` inclusive, as stored text.
    static func dayRange(from: String, to: String) -> (start: String, end: String) {
        (from + "T00:00:00.000000Z", (CivilDate(to)?.adding(days: 1).description ?? to) + "T00:00:00.000000Z")
    }
}
