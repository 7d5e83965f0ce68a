/// What differs between SQL targets, as data. The printer asks the dialect; it never checks a dialect's name.
public struct SQLDialect: Sendable, Hashable {
    /// How string literals escape quotes and control characters.
    public enum StringEscaping: Sendable, Hashable {
        /// `\'`, `\\`, `\n`, `\xhh` (GoogleSQL).
        case backslash
        /// `''` only (standard SQL, SQLite).
        case doubledQuote
    }

    /// The identifier quote character (a backtick for BigQuery).
    public var identifierQuote: Character
    /// How string literals are escaped.
    public var stringEscaping: StringEscaping
    /// Whether table names carry a project (`project.dataset.table` as one quoted path).
    public var qualifiesWithProject: Bool
    /// Whether decimals are written as typed literals (`NUMERIC '1.5'`); otherwise as text literals.
    public var typedDecimalLiterals: Bool
    /// Keywords that must be quoted when used as identifiers.
    public var reservedWords: Set<String>

    /// GoogleSQL as BigQuery runs it.
    public static let bigQuery = SQLDialect(
        identifierQuote: "`", stringEscaping: .backslash, qualifiesWithProject: true, typedDecimalLiterals: true,
        reservedWords: [
            "ALL", "AND", "ANY", "ARRAY", "AS", "ASC", "ASSERT_ROWS_MODIFIED", "AT", "BETWEEN", "BY", "CASE", "CAST",
            "COLLATE", "CONTAINS", "CREATE", "CROSS", "CUBE", "CURRENT", "DEFAULT", "DEFINE", "DESC", "DISTINCT",
            "ELSE", "END", "ENUM", "ESCAPE", "EXCEPT", "EXCLUDE", "EXISTS", "EXTRACT", "FALSE", "FETCH", "FOLLOWING",
            "FOR", "FROM", "FULL", "GROUP", "GROUPING", "GROUPS", "HASH", "HAVING", "IF", "IGNORE", "IN", "INNER",
            "INTERSECT", "INTERVAL", "INTO", "IS", "JOIN", "LATERAL", "LEFT", "LIKE", "LIMIT", "LOOKUP", "MERGE",
            "NATURAL", "NEW", "NO", "NOT", "NULL", "NULLS", "OF", "ON", "OR", "ORDER", "OUTER", "OVER", "PARTITION",
            "PRECEDING", "PROTO", "QUALIFY", "RANGE", "RECURSIVE", "RESPECT", "RIGHT", "ROLLUP", "ROWS", "SELECT",
            "SET", "SOME", "STRUCT", "TABLESAMPLE", "THEN", "TO", "TREAT", "TRUE", "UNBOUNDED", "UNION", "UNNEST",
            "USING", "WHEN", "WHERE", "WINDOW", "WITH", "WITHIN",
        ])
}
