public import PipelineDSL

/// What differs between SQL targets, as data. The printer asks the dialect; it never checks a dialect's name.
/// Every semantic difference between the targets is listed in Docs/SQLITE.md.
public struct SQLDialect: Sendable, Hashable {
    /// How string literals escape quotes and control characters.
    public enum StringEscaping: Sendable, Hashable {
        /// `\'`, `\\`, `\n`, `\xhh` (GoogleSQL).
        case backslash
        /// `''` only (standard SQL, SQLite).
        case doubledQuote
    }

    /// How exact decimals are written.
    public enum DecimalLiterals: Sendable, Hashable {
        /// `NUMERIC '1.5'`, `BIGNUMERIC '…'` (GoogleSQL: a bare `1.5` would be FLOAT64).
        case typed
        /// `1.5` (the engine stores decimals as REAL).
        case bare
    }

    /// How procedure arguments are referenced inside the body.
    public enum ArgumentReferences: Sendable, Hashable {
        /// As identifiers (GoogleSQL procedure arguments).
        case identifier
        /// As bound parameters `@name` (the statement list runs with parameters bound).
        case boundParameter
    }

    /// How a procedure is emitted.
    public enum ProcedureForm: Sendable, Hashable {
        /// `CREATE OR REPLACE PROCEDURE … BEGIN … END;` with explicit transactions.
        case storedProcedure
        /// The body's statements only; the runtime runs them in one transaction.
        case statementList
    }

    /// How ASSERT is written.
    public enum Assertions: Sendable, Hashable {
        /// `ASSERT cond AS 'message';`
        case statement
        /// `SELECT fn(cond, 'message');` with a function that raises on FALSE or NULL.
        case function(String)
    }

    /// How MERGE is written.
    public enum Merges: Sendable, Hashable {
        /// `MERGE … WHEN MATCHED … WHEN NOT MATCHED …`.
        case merge
        /// `DELETE` the target rows the source matches, then `INSERT` every source row (same result as a merge
        /// that updates every non-key column; needs a transaction, which the statement-list form has).
        case deleteThenInsert
    }

    /// How a date spine is written.
    public enum DateSpines: Sendable, Hashable {
        /// `CROSS JOIN UNNEST(GENERATE_DATE_ARRAY(a, b)) AS d`.
        case unnestGenerateDateArray
        /// `CROSS JOIN json_each(fn(a, b)) AS d` with `d.value` as the day (a correlated table-valued function).
        case jsonEach(String)
    }

    /// Which function renderings to use.
    public enum Functions: Sendable, Hashable {
        case googleSQL
        case sqlite
    }

    public var identifierQuote: Character
    public var stringEscaping: StringEscaping
    /// Whether table names carry a project (`project.dataset.table` as one quoted path).
    public var qualifiesWithProject: Bool
    public var decimalLiterals: DecimalLiterals
    public var argumentReferences: ArgumentReferences
    public var procedureForm: ProcedureForm
    public var assertions: Assertions
    public var merges: Merges
    public var dateSpines: DateSpines
    public var functions: Functions
    /// `IS NOT DISTINCT FROM` or SQLite's `IS`.
    public var nullSafeEquality: String
    /// The storage type of each column type.
    public var typeNames: [ColumnType: String]
    /// Whether CREATE TABLE takes PARTITION BY / CLUSTER BY / OPTIONS (otherwise indexes are created).
    public var supportsPartitioning: Bool
    /// Keywords that must be quoted when used as identifiers.
    public var reservedWords: Set<String>

    /// The storage type name of a column type.
    public func typeName(_ type: ColumnType) -> String { typeNames[type] ?? type.rawValue }

    /// GoogleSQL as BigQuery runs it.
    public static let bigQuery = SQLDialect(
        identifierQuote: "`", stringEscaping: .backslash, qualifiesWithProject: true, decimalLiterals: .typed,
        argumentReferences: .identifier, procedureForm: .storedProcedure, assertions: .statement, merges: .merge,
        dateSpines: .unnestGenerateDateArray, functions: .googleSQL, nullSafeEquality: "IS NOT DISTINCT FROM",
        typeNames: Dictionary(uniqueKeysWithValues: ColumnType.allCases.map { ($0, $0.rawValue) }),
        supportsPartitioning: true,
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

    /// The embedded engine: SQLite with CloudAct's registered functions (`cloudact_*`, see Docs/SQLITE.md).
    /// DATE and TIMESTAMP are ISO-8601 text, BOOL 0/1, JSON text, NUMERIC/BIGNUMERIC/FLOAT64 REAL.
    public static let sqlite = SQLDialect(
        identifierQuote: "\"", stringEscaping: .doubledQuote, qualifiesWithProject: false, decimalLiterals: .bare,
        argumentReferences: .boundParameter, procedureForm: .statementList, assertions: .function("cloudact_assert"),
        merges: .deleteThenInsert, dateSpines: .jsonEach("cloudact_date_array"), functions: .sqlite, nullSafeEquality: "IS",
        typeNames: [
            .string: "TEXT", .int64: "INTEGER", .numeric: "REAL", .bignumeric: "REAL", .float64: "REAL", .bool: "INTEGER",
            .date: "TEXT", .timestamp: "TEXT", .json: "TEXT",
        ],
        supportsPartitioning: false,
        reservedWords: [
            "ABORT", "ACTION", "ADD", "AFTER", "ALL", "ALTER", "ALWAYS", "ANALYZE", "AND", "AS", "ASC", "ATTACH",
            "AUTOINCREMENT", "BEFORE", "BEGIN", "BETWEEN", "BY", "CASCADE", "CASE", "CAST", "CHECK", "COLLATE", "COLUMN",
            "COMMIT", "CONFLICT", "CONSTRAINT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE", "CURRENT_TIME",
            "CURRENT_TIMESTAMP", "DATABASE", "DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE", "DESC", "DETACH", "DISTINCT",
            "DO", "DROP", "EACH", "ELSE", "END", "ESCAPE", "EXCEPT", "EXCLUDE", "EXCLUSIVE", "EXISTS", "EXPLAIN", "FAIL",
            "FILTER", "FIRST", "FOLLOWING", "FOR", "FOREIGN", "FROM", "FULL", "GENERATED", "GLOB", "GROUP", "GROUPS",
            "HAVING", "IF", "IGNORE", "IMMEDIATE", "IN", "INDEX", "INDEXED", "INITIALLY", "INNER", "INSERT", "INSTEAD",
            "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "KEY", "LAST", "LEFT", "LIKE", "LIMIT", "MATCH", "MATERIALIZED",
            "NATURAL", "NO", "NOT", "NOTHING", "NOTNULL", "NULL", "NULLS", "OF", "OFFSET", "ON", "OR", "ORDER", "OTHERS",
            "OUTER", "OVER", "PARTITION", "PLAN", "PRAGMA", "PRECEDING", "PRIMARY", "QUERY", "RAISE", "RANGE",
            "RECURSIVE", "REFERENCES", "REGEXP", "REINDEX", "RELEASE", "RENAME", "REPLACE", "RESTRICT", "RETURNING",
            "RIGHT", "ROLLBACK", "ROW", "ROWS", "SAVEPOINT", "SELECT", "SET", "TABLE", "TEMP", "TEMPORARY", "THEN",
            "TIES", "TO", "TRANSACTION", "TRIGGER", "UNBOUNDED", "UNION", "UNIQUE", "UPDATE", "USING", "VACUUM", "VALUES",
            "VIEW", "VIRTUAL", "WHEN", "WHERE", "WINDOW", "WITH", "WITHOUT",
        ])
}
