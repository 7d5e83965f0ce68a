internal import CSQLite
import Foundation

/// A value read from or bound to SQLite.
public enum SQLiteValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let v): String(v)
        case .real(let v): String(v)
        case .text(let v): v
        }
    }

    /// The value as text, or nil for NULL.
    public var text: String? {
        switch self {
        case .null: nil
        case .text(let v): v
        case .integer(let v): String(v)
        case .real(let v): String(v)
        }
    }

    /// The value as an integer, if it is one.
    public var integer: Int64? {
        switch self {
        case .integer(let v): v
        case .real(let v): Int64(exactly: v)
        case .text(let v): Int64(v)
        case .null: nil
        }
    }

    /// The value as a double, if it is numeric.
    public var real: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .real(let v): v
        case .text(let v): Double(v)
        case .null: nil
        }
    }
}

/// An error from SQLite or from a registered function, with the statement that failed.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// SQLite's result code.
    public var code: Int32
    /// The message (for a failed ASSERT, the assertion's message).
    public var message: String
    /// The statement, if known.
    public var sql: String?

    public var description: String { message }
}

/// Rows read by a query.
public struct SQLiteRows: Sendable {
    public var columns: [String]
    public var rows: [[SQLiteValue]]
}

/// One SQLite connection. Not thread-safe: owned by one actor (``LocalWarehouse``) or one test.
final class SQLiteDatabase {
    private var handle: OpaquePointer?
    private var functionBoxes: [FunctionBox] = []

    /// Opens (creating if needed) the database at `path` (":memory:" for an in-memory database).
    init(path: String) throws {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &db, flags, nil)
        guard status == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open \(path)"
            sqlite3_close(db)
            throw SQLiteError(code: status, message: message, sql: nil)
        }
        handle = db
        sqlite3_busy_timeout(db, 10_000)
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    // MARK: - Statements

    /// Runs every statement of `sql` in order, binding named parameters (`@name`, `:name`) from `parameters`.
    /// A parameter the SQL names but the dictionary lacks is an error, never a silent NULL.
    func execute(_ sql: String, parameters: [String: SQLiteValue] = [:]) throws {
        try forEachStatement(sql) { statement, text in
            try bind(statement, parameters, sql: text)
            while true {
                let status = sqlite3_step(statement)
                if status == SQLITE_DONE { break }
                if status != SQLITE_ROW { throw error(status, sql: text) }
            }
        }
    }

    /// Runs a single query and returns its rows.
    func query(_ sql: String, parameters: [String: SQLiteValue] = [:]) throws -> SQLiteRows {
        var result = SQLiteRows(columns: [], rows: [])
        try forEachStatement(sql) { statement, text in
            try bind(statement, parameters, sql: text)
            let count = sqlite3_column_count(statement)
            result.columns = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
            result.rows = []
            while true {
                let status = sqlite3_step(statement)
                if status == SQLITE_DONE { break }
                guard status == SQLITE_ROW else { throw error(status, sql: text) }
                result.rows.append((0..<count).map { Self.value(statement, column: $0) })
            }
        }
        return result
    }

    /// Inserts rows with one prepared statement (the fast path for loaders).
    func insert(into table: String, columns: [String], rows: [[SQLiteValue]]) throws {
        guard !rows.isEmpty else { return }
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let sql = "INSERT INTO \(table) (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(placeholders))"
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw error(sqlite3_errcode(handle), sql: sql)
        }
        defer { sqlite3_finalize(statement) }
        for row in rows {
            sqlite3_reset(statement)
            for (index, value) in row.enumerated() { Self.bind(value, to: statement, at: Int32(index + 1)) }
            let status = sqlite3_step(statement)
            guard status == SQLITE_DONE else { throw error(status, sql: sql) }
        }
    }

    private func forEachStatement(_ sql: String, _ body: (OpaquePointer, String) throws -> Void) throws {
        let bytes = Array(sql.utf8CString)
        try bytes.withUnsafeBufferPointer { buffer in
            guard var cursor = buffer.baseAddress else { return }
            let end = buffer.baseAddress! + buffer.count - 1
            while cursor < end {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let status = sqlite3_prepare_v2(handle, cursor, Int32(end - cursor), &statement, &tail)
                let text = String(cString: cursor)
                guard status == SQLITE_OK else { throw error(status, sql: text) }
                defer { sqlite3_finalize(statement) }
                if let statement { try body(statement, text) }
                guard let tail, tail > cursor else { break }
                cursor = tail
            }
        }
    }

    private func bind(_ statement: OpaquePointer, _ parameters: [String: SQLiteValue], sql: String) throws {
        let count = sqlite3_bind_parameter_count(statement)
        guard count > 0 else { return }
        for index in 1...count {
            guard let rawName = sqlite3_bind_parameter_name(statement, index) else {
                throw SQLiteError(code: SQLITE_MISUSE, message: "positional parameters are not used here", sql: sql)
            }
            let name = String(String(cString: rawName).dropFirst())
            guard let value = parameters[name] else {
                throw SQLiteError(code: SQLITE_MISUSE, message: "no value for parameter @\(name)", sql: sql)
            }
            Self.bind(value, to: statement, at: index)
        }
    }

    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func bind(_ value: SQLiteValue, to statement: OpaquePointer, at index: Int32) {
        switch value {
        case .null: sqlite3_bind_null(statement, index)
        case .integer(let v): sqlite3_bind_int64(statement, index, v)
        case .real(let v): sqlite3_bind_double(statement, index, v)
        case .text(let v): sqlite3_bind_text(statement, index, v, -1, transient)
        }
    }

    private static func value(_ statement: OpaquePointer, column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_NULL: return .null
        default:
            guard let text = sqlite3_column_text(statement, column) else { return .null }
            return .text(String(cString: text))
        }
    }

    private func error(_ status: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: status, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    // MARK: - Functions

    /// A Swift scalar function callable from SQL. Throwing makes the statement fail with the error's text.
    typealias Function = ([SQLiteValue]) throws -> SQLiteValue

    private final class FunctionBox {
        let body: Function
        init(_ body: @escaping Function) { self.body = body }
    }

    /// Registers `name` with `arity` arguments (-1 for any). Deterministic functions let SQLite fold constants.
    func register(_ name: String, arity: Int32, deterministic: Bool = true, _ body: @escaping Function) throws {
        let box = FunctionBox(body)
        functionBoxes.append(box)
        let flags = SQLITE_UTF8 | (deterministic ? SQLITE_DETERMINISTIC : 0)
        let status = sqlite3_create_function_v2(
            handle, name, arity, flags, Unmanaged.passUnretained(box).toOpaque(),
            { context, count, values in
                guard let context else { return }
                let box = Unmanaged<FunctionBox>.fromOpaque(sqlite3_user_data(context)).takeUnretainedValue()
                var arguments: [SQLiteValue] = []
                arguments.reserveCapacity(Int(count))
                for index in 0..<Int(count) {
                    let value = values![index]
                    switch sqlite3_value_type(value) {
                    case SQLITE_INTEGER: arguments.append(.integer(sqlite3_value_int64(value)))
                    case SQLITE_FLOAT: arguments.append(.real(sqlite3_value_double(value)))
                    case SQLITE_NULL: arguments.append(.null)
                    default: arguments.append(sqlite3_value_text(value).map { .text(String(cString: $0)) } ?? .null)
                    }
                }
                do {
                    switch try box.body(arguments) {
                    case .null: sqlite3_result_null(context)
                    case .integer(let v): sqlite3_result_int64(context, v)
                    case .real(let v): sqlite3_result_double(context, v)
                    case .text(let v): sqlite3_result_text(context, v, -1, SQLiteDatabase.transient)
                    }
                } catch {
                    let message = (error as? SQLiteError)?.message ?? "\(error)"
                    sqlite3_result_error(context, message, -1)
                }
            }, nil, nil, nil)
        guard status == SQLITE_OK else { throw self.error(status, sql: nil) }
    }

    /// A flag another thread sets to stop the statement that is running (SQLite checks it every few thousand
    /// virtual-machine steps and fails the statement with SQLITE_INTERRUPT).
    final class InterruptFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var raised = false
        var isRaised: Bool {
            lock.lock()
            defer { lock.unlock() }
            return raised
        }
        func raise() {
            lock.lock()
            raised = true
            lock.unlock()
        }
        func lower() {
            lock.lock()
            raised = false
            lock.unlock()
        }
    }

    /// Installs the flag checked while statements run.
    func watch(_ flag: InterruptFlag) {
        sqlite3_progress_handler(handle, 4_000, { context in
            guard let context else { return 0 }
            return Unmanaged<InterruptFlag>.fromOpaque(context).takeUnretainedValue().isRaised ? 1 : 0
        }, Unmanaged.passUnretained(flag).toOpaque())
    }

    /// True while a transaction is open.
    var inTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}
