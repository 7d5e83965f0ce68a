public import PipelineDSL

/// An expression after name resolution and type checking: every node knows its type (nil only for an
/// untyped NULL literal). This is the expression form of the IR; the SQL planner turns it into `SQLExpr`.
public indirect enum TypedExpression: Sendable, Hashable {
    case literal(LiteralValue, ColumnType?)
    /// A column of a relation in scope (`alias.name`).
    case column(relation: String, name: String, ColumnType)
    /// A procedure parameter (declared or implicit).
    case parameter(String, ColumnType)
    case negate(TypedExpression, ColumnType)
    case not(TypedExpression)
    case binary(BinaryOperator, TypedExpression, TypedExpression, ColumnType)
    case isNull(TypedExpression, negated: Bool)
    case inList(TypedExpression, [TypedExpression], negated: Bool)
    case between(TypedExpression, TypedExpression, TypedExpression, negated: Bool)
    case like(TypedExpression, TypedExpression, negated: Bool)
    case caseWhen(operand: TypedExpression?, whens: [Branch], otherwise: TypedExpression?, ColumnType?)
    case cast(TypedExpression, ColumnType, safe: Bool)
    case call(SQLFunction, [TypedExpression], ColumnType?)
    /// `COUNT(*)`.
    case countStar
    case interval(TypedExpression, DatePart)
    case datePart(DatePart)

    /// One `WHEN … THEN …`.
    public struct Branch: Sendable, Hashable {
        public var condition: TypedExpression
        public var result: TypedExpression
    }

    /// The expression's type; nil for an untyped NULL, an interval or a date part.
    public var type: ColumnType? {
        switch self {
        case .literal(_, let t): t
        case .column(_, _, let t), .parameter(_, let t), .negate(_, let t), .binary(_, _, _, let t): t
        case .not, .isNull, .inList, .between, .like: .bool
        case .caseWhen(_, _, _, let t): t
        case .cast(_, let t, _): t
        case .call(_, _, let t): t
        case .countStar: .int64
        case .interval, .datePart: nil
        }
    }

    /// True if the expression contains an aggregate call.
    public var containsAggregate: Bool {
        if case .countStar = self { return true }
        if case .call(let function, _, _) = self, function.isAggregate { return true }
        return children.contains { $0.containsAggregate }
    }

    /// The direct sub-expressions.
    public var children: [TypedExpression] {
        switch self {
        case .literal, .column, .parameter, .countStar, .datePart: []
        case .negate(let e, _), .not(let e), .isNull(let e, _), .cast(let e, _, _), .interval(let e, _): [e]
        case .binary(_, let l, let r, _), .like(let l, let r, _): [l, r]
        case .inList(let e, let items, _): [e] + items
        case .between(let e, let l, let h, _): [e, l, h]
        case .caseWhen(let operand, let whens, let otherwise, _):
            (operand.map { [$0] } ?? []) + whens.flatMap { [$0.condition, $0.result] } + (otherwise.map { [$0] } ?? [])
        case .call(_, let arguments, _): arguments
        }
    }

    /// Every column this expression reads, in order.
    public var columns: [(relation: String, name: String)] {
        if case .column(let relation, let name, _) = self { return [(relation, name)] }
        return children.flatMap(\.columns)
    }

    /// Every parameter this expression reads.
    public var parameters: [String] {
        if case .parameter(let name, _) = self { return [name] }
        return children.flatMap(\.parameters)
    }

    /// True if the value does not depend on any row: literals, parameters and deterministic functions of them.
    public var isConstant: Bool {
        switch self {
        case .column, .countStar: false
        case .call(let function, _, _) where function.isAggregate: false
        default: children.allSatisfy(\.isConstant)
        }
    }

    /// True if the value is fixed by the run: literals, parameters and deterministic functions of them — not
    /// the wall clock (`CURRENT_DATE()`), which would make a re-run read or replace different partitions.
    public var isRunConstant: Bool {
        switch self {
        case .call(.currentDate, _, _), .call(.currentTimestamp, _, _): false
        default: isConstant && children.allSatisfy(\.isRunConstant)
        }
    }

    /// The top-level conjuncts of an AND chain.
    public var conjuncts: [TypedExpression] {
        if case .binary(.and, let l, let r, _) = self { return l.conjuncts + r.conjuncts }
        return [self]
    }
}
