/// One value of a loaded row, in the representation the embedded engine stores.
///
/// DATE is `YYYY-MM-DD` text, TIMESTAMP is UTC text `YYYY-MM-DDTHH:MM:SS.ffffffZ`, JSON is compact JSON text, BOOL is
/// `.bool` (the engine stores 0/1). NUMERIC, BIGNUMERIC and FLOAT64 are `.real`: the embedded engine (SQLite) stores
/// decimals as 64-bit binary floating point, about 15–17 significant digits, so a BIGNUMERIC per-token price such
/// as 0.0000025 keeps its value to ~1e-21 but is not an exact decimal. BigQuery keeps the exact decimal.
public enum LoadValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case bool(Bool)
}

/// The rows of one loaded file, typed for one table: `columns` is the table's full column list in table order
/// (lineage and optional group columns included), each row has one value per column.
public struct LoadedRows: Sendable {
    /// The table's column names, in table order.
    public var columns: [String]
    /// One array per input record, `columns.count` values each.
    public var rows: [[LoadValue]]

    /// Creates loaded rows.
    public init(columns: [String], rows: [[LoadValue]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// Why a file could not be loaded, with the file and the 1-based line and column of the first problem.
///
/// Columns count Unicode scalars from the start of the line (a UTF-8 byte-order mark is not counted). Problems that
/// belong to no position (an unreadable file, a missing lineage value passed by the caller) have line and column 0
/// and are described as `path: message`.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    /// The file, as the caller named it.
    public var path: String
    /// 1-based line, 0 when the problem has no position.
    public var line: Int
    /// 1-based column (Unicode scalars), 0 when the problem has no position.
    public var column: Int
    /// What is wrong, with a hint when one helps.
    public var message: String

    /// Creates an error.
    public init(path: String, line: Int, column: Int, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// `path:line:column: message`, or `path: message` without a position.
    public var description: String {
        line > 0 ? "\(path):\(line):\(column): \(message)" : "\(path): \(message)"
    }
}
