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

/// Where pipelines run. `LocalWarehouse` (SQLite) now; BigQuery later; a recording fake in tests.
public protocol Warehouse: Sendable {
    /// Creates datasets and tables (adding new nullable columns to existing tables, refusing destructive
    /// changes) and stores the procedures of a compiled program.
    func deploy(_ program: CompiledProgram) async throws -> DeployReport
    /// Runs a deployed procedure of a dataset in one transaction; a failed assertion rolls it back.
    func call(procedure: String, dataset: String, arguments: [String: SQLValue]) async throws
    /// Runs a query with bound parameters.
    func query(_ sql: String, parameters: [String: SQLValue]) async throws -> SQLiteRows
    /// Runs statements with bound parameters in one transaction.
    func execute(_ sql: String, parameters: [String: SQLValue]) async throws
    /// Replaces the rows a load owns (`ownedBy`: column → value) with `rows`, in one transaction.
    func replaceRows(
        in table: String, dataset: String, ownedBy: [String: SQLValue], columns: [String], rows: [[SQLValue]]
    ) async throws
}
