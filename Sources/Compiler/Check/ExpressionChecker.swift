internal import PipelineDSL

/// What names an expression can see: the relations of a write, its date spine, its named expressions, and
/// the procedure's parameters.
struct ExpressionScope {
    struct Relation {
        var alias: String
        var table: TableDefinition
    }

    var relations: [Relation] = []
    var spineColumn: String?
    /// `with_columns`, already typed; inlined where they are used.
    var named: [String: TypedExpression] = [:]
    var parameters: [String: ColumnType] = [:]
    /// Select aliases `group_by` may name (resolved after inputs).
    var selectAliases: [String: TypedExpression] = [:]
}

/// Resolves names and checks types of one expression, reporting errors at the exact characters.
struct ExpressionChecker {
    let file: SourceFile?
    let scalar: YAMLScalar
    let scope: ExpressionScope
    var diagnostics = Diagnostics()

    init(file: SourceFile?, scalar: YAMLScalar, scope: ExpressionScope) {
        self.file = file
        self.scalar = scalar
        self.scope = scope
    }

    /// The source range of a span of the expression text.
    func range(_ span: TextSpan) -> SourceRange {
        guard let file else { return scalar.range }
        return file.range(in: scalar, valueOffset: span.offset, length: span.length)
    }

    mutating func error(_ id: DiagnosticID, _ message: String, _ span: TextSpan, hint: String? = nil, notes: [Diagnostic.Note] = []) {
        diagnostics.error(id, message, at: range(span), notes: notes, hint: hint)
    }

    /// Parses and checks the scalar's expression; nil after reporting errors.
    mutating func check() -> (TypedExpression, ExpressionSyntax)? {
        switch ExpressionParser.parse(scalar.value) {
        case .failure(let failure):
            error(.exprSyntax, failure.message, failure.span, hint: failure.hint)
            return nil
        case .success(let syntax):
            guard let typed = resolve(syntax) else { return nil }
            if case .interval = typed {
                error(.exprMisplacedDatePart, "an INTERVAL is only an argument of DATE_ADD or DATE_SUB", syntax.span)
                return nil
            }
            if case .datePart = typed {
                error(.exprMisplacedDatePart, "a date part is only an argument of DATE_DIFF, DATE_TRUNC, LAST_DAY or EXTRACT", syntax.span)
                return nil
            }
            return (typed, syntax)
        }
    }

    // MARK: - Resolution

    /// Resolves an operand: a value, never an INTERVAL or a bare date part (those are only arguments of the
    /// date functions that take them).
    mutating func operand(_ syntax: ExpressionSyntax) -> TypedExpression? {
        guard let value = resolve(syntax) else { return nil }
        switch value {
        case .interval:
            error(.exprMisplacedDatePart, "an INTERVAL is only an argument of DATE_ADD or DATE_SUB", syntax.span)
            return nil
        case .datePart:
            error(
                .exprMisplacedDatePart, "a date part is only an argument of DATE_DIFF, DATE_TRUNC, LAST_DAY or EXTRACT",
                syntax.span)
            return nil
        default:
            return value
        }
    }

    mutating func resolve(_ syntax: ExpressionSyntax) -> TypedExpression? {
        switch syntax {
        case .literal(let value, _):
            return .literal(value, Self.type(of: value))
        case .column(let qualifier, let name, let span):
            return column(qualifier: qualifier, name: name, span: span)
        case .parameter(let name, let span):
            guard let type = scope.parameters[name] else {
                error(
                    .exprUnknownParameter, "unknown parameter '@\(name)'", span,
                    hint: Suggestions.closest(to: name, among: scope.parameters.keys.sorted()).map { "did you mean '@\($0)'?" }
                        ?? "declare it under 'params:'")
                return nil
            }
            return .parameter(name, type)
        case .negate(let operand, let span):
            guard let value = self.operand(operand) else { return nil }
            guard let type = value.type else { return .negate(value, .int64) }
            guard TypeRules.numericTypes.contains(type) else {
                error(.exprTypeMismatch, "cannot negate \(type.rawValue)", span)
                return nil
            }
            return .negate(value, type)
        case .not(let operand, _):
            guard let value = self.operand(operand), expectBool(value, operand.span, "NOT") else { return nil }
            return .not(value)
        case .binary(let op, let left, let right, let span):
            return binary(op, left, right, span)
        case .isNull(let operand, let negated, _):
            guard let value = self.operand(operand) else { return nil }
            return .isNull(value, negated: negated)
        case .inList(let operand, let items, let negated, _):
            guard let value = self.operand(operand) else { return nil }
            var typedItems: [TypedExpression] = []
            for item in items {
                guard let typed = self.operand(item) else { return nil }
                guard comparable(value, typed, item.span, "IN") else { return nil }
                typedItems.append(typed)
            }
            return .inList(value, typedItems, negated: negated)
        case .between(let operand, let low, let high, let negated, _):
            guard let value = self.operand(operand), let lowValue = self.operand(low), let highValue = self.operand(high),
                comparable(value, lowValue, low.span, "BETWEEN"), comparable(value, highValue, high.span, "BETWEEN")
            else { return nil }
            return .between(value, lowValue, highValue, negated: negated)
        case .like(let operand, let pattern, let negated, _):
            guard let value = self.operand(operand), let patternValue = self.operand(pattern) else { return nil }
            for (typed, part) in [(value, operand), (patternValue, pattern)] where typed.type != nil && typed.type != .string {
                error(.exprTypeMismatch, "LIKE compares strings; found \(typed.type!.rawValue)", part.span)
                return nil
            }
            return .like(value, patternValue, negated: negated)
        case .caseWhen(let operand, let whens, let otherwise, _):
            return caseWhen(operand, whens, otherwise)
        case .cast(let operand, let type, let safe, let span):
            guard let value = self.operand(operand) else { return nil }
            if let from = value.type, !TypeRules.canCast(from, to: type) {
                error(
                    .exprTypeMismatch, "BigQuery cannot CAST \(from.rawValue) to \(type.rawValue)", span,
                    hint: from == .json || type == .json ? "JSON converts with JSON functions, not CAST" : nil)
                return nil
            }
            return .cast(value, type, safe: safe)
        case .call(let name, let arguments, let star, let nameSpan, let span):
            return call(name, arguments, star: star, nameSpan: nameSpan, span: span)
        case .interval(let amount, let part, _):
            guard let value = self.operand(amount) else { return nil }
            return .interval(value, part)
        case .datePart(let part, _):
            return .datePart(part)
        }
    }

    static func type(of literal: LiteralValue) -> ColumnType? {
        switch literal {
        case .integer: .int64
        // Decimal literals are exact: NUMERIC holds 9 decimals, BIGNUMERIC 38. Prices need BIGNUMERIC.
        case .decimal(let text): (text.split(separator: ".").last?.count ?? 0) > 9 ? .bignumeric : .numeric
        case .string: .string
        case .bool: .bool
        case .null: nil
        case .date: .date
        case .timestamp: .timestamp
        }
    }

    mutating func column(qualifier: String?, name: String, span: TextSpan) -> TypedExpression? {
        if let qualifier {
            guard let relation = scope.relations.first(where: { $0.alias == qualifier }) else {
                error(
                    .exprUnknownAlias, "unknown table alias '\(qualifier)'", span,
                    hint: Suggestions.hint(for: qualifier, among: scope.relations.map(\.alias))
                        ?? "tables in scope: \(Suggestions.list(scope.relations.map { "'\($0.alias)'" }, conjunction: "and"))")
                return nil
            }
            guard let column = relation.table.column(name) else {
                error(
                    .exprUnknownColumn, "table '\(relation.table.name)' (alias '\(qualifier)') has no column '\(name)'", span,
                    hint: Suggestions.hint(for: name, among: relation.table.columns.map(\.name)))
                return nil
            }
            return .column(relation: qualifier, name: name, column.type)
        }
        if let named = scope.named[name] { return named }
        if name == scope.spineColumn { return .column(relation: "", name: name, .date) }
        let matches = scope.relations.filter { $0.table.column(name) != nil }
        if matches.count == 1, let column = matches[0].table.column(name) {
            return .column(relation: matches[0].alias, name: name, column.type)
        }
        if matches.count > 1 {
            error(
                .exprAmbiguousColumn, "column '\(name)' is ambiguous", span,
                hint: "qualify it: \(Suggestions.list(matches.map { "'\($0.alias).\(name)'" }))")
            return nil
        }
        if let alias = scope.selectAliases[name] { return alias }
        let candidates = scope.relations.flatMap { $0.table.columns.map(\.name) } + scope.named.keys
            + (scope.spineColumn.map { [$0] } ?? [])
        error(
            .exprUnknownColumn, "unknown column '\(name)'", span,
            hint: Suggestions.hint(for: name, among: candidates))
        return nil
    }

    mutating func binary(
        _ op: BinaryOperator, _ left: ExpressionSyntax, _ right: ExpressionSyntax, _ span: TextSpan
    ) -> TypedExpression? {
        guard let l = self.operand(left), let r = self.operand(right) else { return nil }
        switch op {
        case .and, .or:
            guard expectBool(l, left.span, op.rawValue), expectBool(r, right.span, op.rawValue) else { return nil }
            return .binary(op, l, r, .bool)
        case .concat:
            for (value, part) in [(l, left), (r, right)] where value.type != nil && value.type != .string {
                error(.exprTypeMismatch, "'||' joins strings; found \(value.type!.rawValue)", part.span, hint: "CAST(… AS STRING)")
                return nil
            }
            return .binary(op, l, r, .string)
        case .add, .subtract, .multiply, .divide:
            for (value, part) in [(l, left), (r, right)] {
                if let type = value.type, !TypeRules.numericTypes.contains(type) {
                    let hint = type == .date ? "use DATE_ADD(date, INTERVAL n DAY) or DATE_DIFF" : nil
                    error(.exprTypeMismatch, "'\(op.rawValue)' needs numbers; found \(type.rawValue)", part.span, hint: hint)
                    return nil
                }
            }
            let type = op == .divide ? TypeRules.divisionType(l.type, r.type) : (TypeRules.commonSupertype(l.type, r.type) ?? nil) ?? .int64
            return .binary(op, l, r, type ?? .int64)
        default:
            guard comparable(l, r, span, op.rawValue) else { return nil }
            return .binary(op, l, r, .bool)
        }
    }

    mutating func comparable(_ l: TypedExpression, _ r: TypedExpression, _ span: TextSpan, _ what: String) -> Bool {
        if l.type == .json || r.type == .json {
            error(.exprTypeMismatch, "JSON values cannot be compared with '\(what)'", span)
            return false
        }
        guard TypeRules.commonSupertype(l.type, r.type) == nil else { return true }
        var hint: String?
        if (l.type == .date && r.type == .timestamp) || (l.type == .timestamp && r.type == .date) {
            hint = "convert one side: TIMESTAMP(date) or DATE(timestamp)"
        } else if l.type == .string || r.type == .string, l.type == .date || r.type == .date {
            hint = "write a date literal as DATE 'YYYY-MM-DD'"
        }
        error(.exprTypeMismatch, "cannot compare \(l.type!.rawValue) with \(r.type!.rawValue)", span, hint: hint)
        return false
    }

    mutating func expectBool(_ value: TypedExpression, _ span: TextSpan, _ what: String) -> Bool {
        guard let type = value.type, type != .bool else { return true }
        error(.exprNotBoolean, "\(what) needs a BOOL; found \(type.rawValue)", span)
        return false
    }

    mutating func caseWhen(
        _ operand: ExpressionSyntax?, _ whens: [ExpressionSyntax.CaseBranch], _ otherwise: ExpressionSyntax?
    ) -> TypedExpression? {
        var typedOperand: TypedExpression?
        if let operand {
            guard let value = self.operand(operand) else { return nil }
            typedOperand = value
        }
        var branches: [TypedExpression.Branch] = []
        var resultType: ColumnType?
        for branch in whens {
            guard let condition = self.operand(branch.condition), let result = self.operand(branch.result) else { return nil }
            if let typedOperand {
                guard comparable(typedOperand, condition, branch.condition.span, "CASE") else { return nil }
            } else {
                guard expectBool(condition, branch.condition.span, "WHEN") else { return nil }
            }
            guard let merged = TypeRules.commonSupertype(resultType, result.type) else {
                error(
                    .exprTypeMismatch, "CASE results must share a type; \(result.type!.rawValue) does not match \(resultType!.rawValue)",
                    branch.result.span)
                return nil
            }
            resultType = merged
            branches.append(.init(condition: condition, result: result))
        }
        var typedOtherwise: TypedExpression?
        if let otherwise {
            guard let value = self.operand(otherwise) else { return nil }
            guard let merged = TypeRules.commonSupertype(resultType, value.type) else {
                error(
                    .exprTypeMismatch, "CASE results must share a type; \(value.type!.rawValue) does not match \(resultType!.rawValue)",
                    otherwise.span)
                return nil
            }
            resultType = merged
            typedOtherwise = value
        }
        return .caseWhen(operand: typedOperand, whens: branches, otherwise: typedOtherwise, resultType)
    }

    mutating func call(
        _ name: String, _ arguments: [ExpressionSyntax], star: Bool, nameSpan: TextSpan, span: TextSpan
    ) -> TypedExpression? {
        guard let function = SQLFunction(rawValue: name) else {
            error(
                .exprUnknownFunction, "unknown function '\(name)'", nameSpan,
                hint: Suggestions.hint(for: name, among: SQLFunction.allCases.map(\.rawValue))
                    ?? "see Docs/EXPRESSIONS.md for the function library")
            return nil
        }
        if star {
            guard function == .count else {
                error(.exprArguments, "only COUNT takes '*'", span)
                return nil
            }
            return .countStar
        }
        var typed: [TypedExpression] = []
        for (index, argument) in arguments.enumerated() {
            guard let value = resolve(argument) else { return nil }
            switch value {
            case .interval where !(function == .dateAdd || function == .dateSub) || index != 1:
                error(.exprMisplacedDatePart, "\(name) does not take an INTERVAL here", argument.span, hint: function.signature)
                return nil
            case .datePart where !function.takesDatePart(at: index):
                error(.exprMisplacedDatePart, "\(name) does not take a date part here", argument.span, hint: function.signature)
                return nil
            default:
                break
            }
            if function.isAggregate, value.containsAggregate {
                error(.exprNestedAggregate, "\(name) cannot contain another aggregate", argument.span)
                return nil
            }
            typed.append(value)
        }
        switch function.resultType(typed) {
        case .success(let type):
            return .call(function, typed, type)
        case .failure(.count(let message)):
            error(.exprArguments, message, span, hint: function.signature)
            return nil
        case .failure(.argument(let index, let message)):
            error(.exprArguments, "argument \(index + 1) of \(name): \(message)", arguments[index].span, hint: function.signature)
            return nil
        }
    }
}
