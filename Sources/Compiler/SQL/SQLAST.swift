public import PipelineDSL

/// A table name as printed: project (BigQuery only), dataset and table.
public struct SQLTableName: Sendable, Hashable {
    public var project: String?
    public var dataset: String
    public var table: String
}

/// A literal in SQL.
public enum SQLLiteral: Sendable, Hashable {
    case integer(String)
    /// An exact decimal with its type (NUMERIC or BIGNUMERIC), never a float.
    case decimal(String, ColumnType)
    case string(String)
    case bool(Bool)
    case null
    case date(String)
    case timestamp(String)
    case json(String)
}

/// A SQL expression. Closed: the printer handles every case.
public indirect enum SQLExpr: Sendable, Hashable {
    /// `alias.column`, or a bare column when the qualifier is nil.
    case column(qualifier: String?, name: String)
    /// A procedure parameter or script variable (printed as an identifier).
    case variable(String)
    /// A query parameter `@name` (scripts the runtime runs).
    case queryParameter(String)
    /// The day column of a date spine with this alias.
    case spineDay(String)
    /// `TIMESTAMP(date)`: midnight UTC of a DATE.
    case dateToTimestamp(SQLExpr)
    /// `DATE(timestamp)`: the UTC date of a TIMESTAMP.
    case timestampToDate(SQLExpr)
    case literal(SQLLiteral)
    case negate(SQLExpr)
    case not(SQLExpr)
    case binary(BinaryOperator, SQLExpr, SQLExpr)
    case isNull(SQLExpr, negated: Bool)
    case isNotDistinctFrom(SQLExpr, SQLExpr)
    case inList(SQLExpr, [SQLExpr], negated: Bool)
    case between(SQLExpr, SQLExpr, SQLExpr, negated: Bool)
    case like(SQLExpr, SQLExpr, negated: Bool)
    case caseWhen(operand: SQLExpr?, whens: [SQLWhen], otherwise: SQLExpr?)
    /// CAST or SAFE_CAST; `from` is the operand's type when known (the SQLite functions need it to format BOOL and
    /// NUMERIC as BigQuery does).
    case cast(SQLExpr, ColumnType, safe: Bool, from: ColumnType?)
    /// A function of the library (rendered per dialect).
    case function(SQLFunction, [SQLExpr])
    case countStar
    case interval(SQLExpr, DatePart)
    case datePart(DatePart)
    case exists(SQLSelect)
}

/// One `WHEN … THEN …`.
public struct SQLWhen: Sendable, Hashable {
    public var condition: SQLExpr
    public var result: SQLExpr
}

/// What a FROM or JOIN reads.
public indirect enum SQLFromItem: Sendable, Hashable {
    case table(SQLTableName, alias: String)
    /// One row per day from `from` to `to` inclusive, as column `alias`.
    case dateSpine(from: SQLExpr, to: SQLExpr, alias: String)
    /// A derived table: `(SELECT …) AS alias`.
    case subquery(SQLSelect, alias: String)
}

/// A join.
public struct SQLJoin: Sendable, Hashable {
    public enum Kind: String, Sendable { case left = "LEFT JOIN", inner = "INNER JOIN", cross = "CROSS JOIN" }
    public var kind: Kind
    public var item: SQLFromItem
    public var on: SQLExpr?
}

/// A SELECT block.
public struct SQLSelect: Sendable, Hashable {
    public struct Item: Sendable, Hashable {
        public var expression: SQLExpr
        public var alias: String?
    }

    public var items: [Item]
    public var from: SQLFromItem?
    public var joins: [SQLJoin] = []
    public var filter: SQLExpr?
    public var groupBy: [SQLExpr] = []
    public var having: SQLExpr?
    /// UNION ALL branches appended after this block (same columns).
    public var unionAll: [SQLSelect] = []
}

/// A column of CREATE TABLE.
public struct SQLColumnDefinition: Sendable, Hashable {
    public var name: String
    public var type: ColumnType
    public var notNull: Bool
    public var description: String?
}

/// `key = value` in OPTIONS(…).
public struct SQLOption: Sendable, Hashable {
    public var key: String
    public var value: SQLLiteral
}

/// A partition column and its type (a TIMESTAMP column is partitioned by its UTC day).
public struct SQLPartition: Sendable, Hashable {
    public var column: String
    public var type: ColumnType
}

/// CREATE TABLE IF NOT EXISTS.
public struct SQLCreateTable: Sendable, Hashable {
    public var name: SQLTableName
    public var columns: [SQLColumnDefinition]
    public var partition: SQLPartition?
    public var cluster: [String]
    public var options: [SQLOption]
}

/// MERGE INTO target USING (source) ON … WHEN MATCHED THEN UPDATE … WHEN NOT MATCHED THEN INSERT ….
public struct SQLMerge: Sendable, Hashable {
    public var target: SQLTableName
    public var targetAlias: String
    public var source: SQLSelect
    public var sourceAlias: String
    public var on: SQLExpr
    public var updateColumns: [String]
    public var insertColumns: [String]
}

/// A procedure parameter.
public struct SQLParameter: Sendable, Hashable {
    public var name: String
    public var type: ColumnType
}

/// CREATE OR REPLACE PROCEDURE.
public struct SQLCreateProcedure: Sendable, Hashable {
    public var name: SQLTableName
    public var parameters: [SQLParameter]
    public var options: [SQLOption]
    public var body: [SQLStatement]
}

/// A SQL statement.
public indirect enum SQLStatement: Sendable, Hashable {
    case createTable(SQLCreateTable)
    case createProcedure(SQLCreateProcedure)
    case beginTransaction
    case commitTransaction
    case delete(SQLTableName, alias: String, filter: SQLExpr)
    case insert(SQLTableName, columns: [String], select: SQLSelect)
    case merge(SQLMerge)
    case assert(SQLExpr, message: String)
    case call(SQLTableName, arguments: [SQLExpr])
    case select(SQLSelect)
    /// A `-- comment` line.
    case comment(String)
}

/// One compiled artifact: a name (its path under the output folder) and its text.
public struct RenderedArtifact: Sendable, Hashable {
    /// `tables/<name>.sql`, `procedures/<name>.sql` or `pipelines/<name>.sql`.
    public var path: String
    /// The SQL text, ending with a newline.
    public var text: String
}
