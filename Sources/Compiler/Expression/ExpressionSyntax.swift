public import PipelineDSL

/// A span inside an expression's text, in Unicode scalars; mapped to a `SourceRange` through the scalar.
public struct TextSpan: Sendable, Hashable {
    public var offset: Int
    public var length: Int

    public init(offset: Int, length: Int) {
        self.offset = offset
        self.length = length
    }

    /// The span from the start of `self` to the end of `other`.
    func through(_ other: TextSpan) -> TextSpan {
        TextSpan(offset: offset, length: max(length, other.offset + other.length - offset))
    }
}

/// A date part in `INTERVAL n DAY`, `DATE_DIFF(a, b, MONTH)`, `DATE_TRUNC(d, MONTH)`, `EXTRACT(YEAR FROM d)`.
public enum DatePart: String, Sendable, Hashable, CaseIterable {
    case day = "DAY"
    case week = "WEEK"
    case month = "MONTH"
    case quarter = "QUARTER"
    case year = "YEAR"
    case dayOfWeek = "DAYOFWEEK"
    case dayOfYear = "DAYOFYEAR"
}

/// A literal value as written.
public enum LiteralValue: Sendable, Hashable {
    case integer(String)
    /// A decimal literal such as `0.15`, kept as text so no precision is lost.
    case decimal(String)
    case string(String)
    case bool(Bool)
    case null
    /// `DATE 'YYYY-MM-DD'`.
    case date(String)
    /// `TIMESTAMP '…'`.
    case timestamp(String)
}

/// Binary operators, in the expression language and in SQL.
public enum BinaryOperator: String, Sendable, Hashable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", concat = "||"
    case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case and = "AND", or = "OR"

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }

    var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide: true
        default: false
        }
    }
}

/// The parsed form of an expression written in YAML, before names are resolved.
public indirect enum ExpressionSyntax: Sendable, Hashable {
    case literal(LiteralValue, TextSpan)
    /// `alias.column` or `column`.
    case column(qualifier: String?, name: String, TextSpan)
    /// `@name`.
    case parameter(String, TextSpan)
    case negate(ExpressionSyntax, TextSpan)
    case not(ExpressionSyntax, TextSpan)
    case binary(BinaryOperator, ExpressionSyntax, ExpressionSyntax, TextSpan)
    case isNull(ExpressionSyntax, negated: Bool, TextSpan)
    case inList(ExpressionSyntax, [ExpressionSyntax], negated: Bool, TextSpan)
    case between(ExpressionSyntax, ExpressionSyntax, ExpressionSyntax, negated: Bool, TextSpan)
    case like(ExpressionSyntax, ExpressionSyntax, negated: Bool, TextSpan)
    case caseWhen(operand: ExpressionSyntax?, whens: [CaseBranch], otherwise: ExpressionSyntax?, TextSpan)
    case cast(ExpressionSyntax, ColumnType, safe: Bool, TextSpan)
    /// A function call; `COUNT(*)` has `star: true` and no arguments.
    case call(name: String, arguments: [ExpressionSyntax], star: Bool, nameSpan: TextSpan, TextSpan)
    /// `INTERVAL n PART` (an argument of DATE_ADD/DATE_SUB).
    case interval(ExpressionSyntax, DatePart, TextSpan)
    /// A bare date part (an argument of DATE_DIFF, DATE_TRUNC, LAST_DAY, EXTRACT).
    case datePart(DatePart, TextSpan)

    /// One `WHEN … THEN …` of a CASE.
    public struct CaseBranch: Sendable, Hashable {
        public var condition: ExpressionSyntax
        public var result: ExpressionSyntax
    }

    /// Where the expression is in its text.
    public var span: TextSpan {
        switch self {
        case .literal(_, let s), .column(_, _, let s), .parameter(_, let s), .negate(_, let s), .not(_, let s),
            .binary(_, _, _, let s), .isNull(_, _, let s), .inList(_, _, _, let s), .between(_, _, _, _, let s),
            .like(_, _, _, let s), .caseWhen(_, _, _, let s), .cast(_, _, _, let s), .call(_, _, _, _, let s),
            .interval(_, _, let s), .datePart(_, let s):
            s
        }
    }
}
