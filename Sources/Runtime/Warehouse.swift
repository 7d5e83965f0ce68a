public import Compiler

/// A value passed to or read from a warehouse.
public typealias SQLValue = SQLiteValue

/// What deploying changed.
public struct DeployReport: Sendable {
    public enum Change: Sendable, Hashable, CustomStringConvertible {
        case created(String)
        case altered(String, addedColumns: [String])
        case replaced(String)
        case unchanged(String)

        public var description: String {
            switch self {
            case .created(let name): "created \(name)"
            case .altered(let name, let columns): "altered \(name): added \(columns.joined(separator: ", "))"
            case .replaced(let name): "replaced \(name)"
            case .unchanged(let name): "unchanged \(name)"
            }
        }
    }

    public var changes: [Change]
}

/// Deploying would lose data or break readers: refused, nothing changed.
public struct DeployError: Error, Sendable, CustomStringConvertible {
    public var table: String
    public var message: String
    public var description: String { "cannot deploy \(table): \(message)" }
}

/// Where pipelines run. `LocalWarehouse` (SQLite) now; BigQuery later; `RecordingWarehouse` in tests.
///
/// A run's statements (procedure calls, check queries, load replacements) carry a *token*, the run id, so
/// ``interrupt(token:)`` can stop the one a timed-out or cancelled run is executing.
public protocol Warehouse: Sendable {
    /// Creates datasets and tables (adding new nullable columns to existing tables, refusing destructive
    /// changes) and stores the procedures of a compiled program.
    func deploy(_ program: CompiledProgram) async throws -> DeployReport
    /// Runs a deployed procedure of a dataset in one transaction; a failed assertion rolls it back.
    func call(procedure: String, dataset: String, arguments: [String: SQLValue]) async throws
    /// Like ``call(procedure:dataset:arguments:)``, as work of the run `token`, so ``interrupt(token:)`` can stop it.
    func call(procedure: String, dataset: String, arguments: [String: SQLValue], token: String?) async throws
    /// Runs a query with bound parameters.
    func query(_ sql: String, parameters: [String: SQLValue]) async throws -> SQLiteRows
    /// Like ``query(_:parameters:)``, as work of the run `token`, so ``interrupt(token:)`` can stop it.
    func query(_ sql: String, parameters: [String: SQLValue], token: String?) async throws -> SQLiteRows
    /// Runs statements with bound parameters in one transaction.
    func execute(_ sql: String, parameters: [String: SQLValue]) async throws
    /// Replaces the rows a load owns (`ownedBy`: column → value) with `rows`, in one transaction.
    func replaceRows(
        in table: String, dataset: String, ownedBy: [String: SQLValue], columns: [String], rows: [[SQLValue]]
    ) async throws
    /// Like ``replaceRows(in:dataset:ownedBy:columns:rows:)``, as work of the run `token`, so
    /// ``interrupt(token:)`` can stop it.
    func replaceRows(
        in table: String, dataset: String, ownedBy: [String: SQLValue], columns: [String], rows: [[SQLValue]],
        token: String?
    ) async throws
    /// Interrupts the statement running for `token`, if one is; its transaction rolls back and it throws
    /// `SQLiteError` code 9 (SQLITE_INTERRUPT). Does nothing when no statement of `token` is running.
    func interrupt(token: String)
}

extension Warehouse {
    /// Calls the procedure as no run's work (nothing can interrupt it).
    public func call(procedure: String, dataset: String, arguments: [String: SQLValue]) async throws {
        try await call(procedure: procedure, dataset: dataset, arguments: arguments, token: nil)
    }

    /// Runs the query as no run's work (nothing can interrupt it).
    public func query(_ sql: String, parameters: [String: SQLValue]) async throws -> SQLiteRows {
        try await query(sql, parameters: parameters, token: nil)
    }

    /// Replaces the rows as no run's work (nothing can interrupt it).
    public func replaceRows(
        in table: String, dataset: String, ownedBy: [String: SQLValue], columns: [String], rows: [[SQLValue]]
    ) async throws {
        try await replaceRows(in: table, dataset: dataset, ownedBy: ownedBy, columns: columns, rows: rows, token: nil)
    }
}
