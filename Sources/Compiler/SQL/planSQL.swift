internal import PipelineDSL

/// Where and for whom artifacts are compiled.
public struct CompileOptions: Sendable, Hashable {
    /// The output dialect.
    public enum Target: String, Sendable, CaseIterable { case bigquery, sqlite }

    public var target: Target
    /// The BigQuery project.
    public var project: String
    /// The tenant (org slug); tenant tables live in dataset `{org}_{env}`.
    public var org: String
    /// The environment suffix of tenant datasets.
    public var env: String

    /// Creates options; the defaults are the fixed example the goldens use.
    public init(target: Target = .bigquery, project: String = "cloudact-example", org: String = "acme", env: String = "prod") {
        self.target = target
        self.project = project
        self.org = org
        self.env = env
    }

    /// Why the options cannot name datasets safely, or nil. Identifiers reach SQL only after this check.
    public var problem: String? {
        if !Self.matches(org, first: "a"..."z", rest: true, length: 3...50, allowDigitsFirst: true) {
            return "org slug '\(org)' must match ^[a-z0-9_]{3,50}$"
        }
        if !Self.matches(env, first: "a"..."z", rest: false, length: 1...20, allowDigitsFirst: false) {
            return "env '\(env)' must match ^[a-z][a-z0-9]{0,19}$"
        }
        let projectScalars = Array(project.unicodeScalars)
        let projectOK = (6...30).contains(projectScalars.count) && ("a"..."z").contains(projectScalars[0])
            && projectScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
            && projectScalars.last != "-"
        if !projectOK { return "project '\(project)' must be a GCP project id: ^[a-z][a-z0-9-]{4,28}[a-z0-9]$" }
        return nil
    }

    static func matches(
        _ text: String, first: ClosedRange<Unicode.Scalar>, rest underscore: Bool, length: ClosedRange<Int>,
        allowDigitsFirst: Bool
    ) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard length.contains(scalars.count) else { return false }
        if !allowDigitsFirst, !first.contains(scalars[0]) { return false }
        return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || (underscore && $0 == "_") }
    }

    /// The tenant dataset.
    public var tenantDataset: String { "\(org)_\(env)" }
    /// The central dataset.
    public static let centralDataset = "organizations"
}

/// Turns IR into the SQL AST. Total on checked input: it cannot fail.
struct SQLPlanner {
    let options: CompileOptions

    /// How parameters are written: procedure arguments (`_name`) or query parameters (`@name`).
    enum ParameterStyle { case procedureArgument, queryParameter }

    /// Procedure arguments get a leading underscore: our column names start with a letter, so an argument can
    /// never be shadowed by a column (in BigQuery a column with a variable's name wins inside queries).
    static func argumentName(_ parameter: String) -> String { "_" + parameter }

    func tableName(_ table: TableReferenceIR) -> SQLTableName {
        SQLTableName(
            project: options.project, dataset: table.scope == .central ? CompileOptions.centralDataset : options.tenantDataset,
            table: table.name)
    }

    func tableName(_ table: TableDefinition) -> SQLTableName {
        tableName(TableReferenceIR(name: table.name, scope: table.scope))
    }

    // MARK: - Tables

    func planTable(_ table: TableDefinition, description: String?) -> SQLCreateTable {
        let columns = table.columns.map { column -> SQLColumnDefinition in
            var description: String?
            if case .declared = column.origin {
                description = table.syntax.columns.first { $0.name.value == column.name }?.description?.value
            }
            return SQLColumnDefinition(name: column.name, type: column.type, notNull: column.isRequired, description: description)
        }
        var optionsList: [SQLOption] = []
        if let description { optionsList.append(SQLOption(key: "description", value: .string(description))) }
        if let days = table.syntax.partitionExpirationDays?.value {
            optionsList.append(SQLOption(key: "partition_expiration_days", value: .integer(String(days))))
        }
        if let require = table.syntax.requirePartitionFilter?.value {
            optionsList.append(SQLOption(key: "require_partition_filter", value: .bool(require)))
        }
        let partition = table.syntax.partition.flatMap { name in
            table.column(name.value).map { SQLPartition(column: name.value, type: $0.type) }
        }
        return SQLCreateTable(
            name: tableName(table), columns: columns, partition: partition, cluster: table.syntax.cluster.map(\.value),
            options: optionsList)
    }

    // MARK: - Procedures

    func planProcedure(_ procedure: ProcedureIR, description: String?) -> SQLCreateProcedure {
        var body: [SQLStatement] = []
        let org = SQLExpr.variable(Self.argumentName("org_slug"))
        body.append(
            .assert(
                .binary(.equal, org, .literal(.string(options.org))),
                message: "\(procedure.name) is compiled for tenant \(options.org)"))
        let required = procedure.parameters.map { SQLExpr.isNull(.variable(Self.argumentName($0.name)), negated: true) }
        body.append(.assert(required.dropFirst().reduce(required[0]) { .binary(.and, $0, $1) }, message: "every parameter of \(procedure.name) is required"))
        for write in procedure.writes {
            body += planWrite(write)
        }
        return SQLCreateProcedure(
            name: SQLTableName(project: options.project, dataset: options.tenantDataset, table: procedure.name),
            parameters: procedure.parameters.map { SQLParameter(name: Self.argumentName($0.name), type: $0.type) },
            options: procedureOptions(description: description), body: body)
    }

    /// A procedure's OPTIONS: strict mode and the description.
    func procedureOptions(description: String?) -> [SQLOption] {
        var optionsList = [SQLOption(key: "strict_mode", value: .bool(true))]
        if let description { optionsList.append(SQLOption(key: "description", value: .string(description))) }
        return optionsList
    }

    static let targetAlias = "_target"
    static let sourceAlias = "_source"

    func planWrite(_ write: WriteIR) -> [SQLStatement] {
        let target = tableName(write.target)
        let columns = write.query.select.map(\.column)
        let checks = write.checks.map { check -> SQLStatement in
            var select = planSource(write.query, style: .procedureArgument, includeHierarchy: false)
            select.items = [.init(expression: .literal(.integer("1")), alias: nil)]
            let failing = SQLExpr.not(.function(.coalesce, [expr(check.condition, .procedureArgument), .literal(.bool(false))]))
            select.filter = select.filter.map { .binary(.and, $0, failing) } ?? failing
            return .assert(.not(.exists(select)), message: check.message)
        }
        switch write.mode {
        case .append:
            return checks + [.insert(target, columns: columns, select: planSelect(write.query, style: .procedureArgument))]
        case .replace:
            let targetColumn = { (name: String) in TypedExpression.column(relation: Self.targetAlias, name: name, write.target.column(name)?.type ?? .string) }
            var conditions = LineagePass.keyCondition(relation: Self.targetAlias)
            if let scope = write.scope { conditions.append(scopeCondition(scope, column: targetColumn(scope.partitionColumn))) }
            let filter = conditions.dropFirst().reduce(conditions[0]) { TypedExpression.binary(.and, $0, $1, .bool) }
            return [.beginTransaction] + checks + [
                .delete(target, alias: Self.targetAlias, filter: expr(filter, .procedureArgument)),
                .insert(target, columns: columns, select: planSelect(write.query, style: .procedureArgument)),
                .commitTransaction,
            ]
        case .merge:
            var on = write.key.map { key in
                SQLExpr.isNotDistinctFrom(.column(qualifier: Self.targetAlias, name: key), .column(qualifier: Self.sourceAlias, name: key))
            }
            if let scope = write.scope {
                let column = TypedExpression.column(
                    relation: Self.targetAlias, name: scope.partitionColumn, scope.partitionType)
                on.append(expr(scopeCondition(scope, column: column), .procedureArgument))
            }
            let merge = SQLMerge(
                target: target, targetAlias: Self.targetAlias, source: planSelect(write.query, style: .procedureArgument),
                sourceAlias: Self.sourceAlias, on: on.dropFirst().reduce(on[0]) { .binary(.and, $0, $1) },
                updateColumns: columns.filter { !write.key.contains($0) }, insertColumns: columns)
            return checks + [.merge(merge)]
        }
    }

    /// The partitions a write owns: `col = v`, `col BETWEEN a AND b`, or whole UTC days of a TIMESTAMP column.
    func scopeCondition(_ scope: WriteScopeIR, column: TypedExpression) -> TypedExpression {
        if scope.partitionType == .timestamp, scope.low.type == .date {
            let start = TypedExpression.call(.timestamp, [scope.low], .timestamp)
            let endDay = TypedExpression.call(.dateAdd, [scope.high, .interval(.literal(.integer("1"), .int64), .day)], .date)
            let end = TypedExpression.call(.timestamp, [endDay], .timestamp)
            return .binary(
                .and, .binary(.greaterOrEqual, column, start, .bool), .binary(.less, column, end, .bool), .bool)
        }
        if scope.low == scope.high { return .binary(.equal, column, scope.low, .bool) }
        return .between(column, scope.low, scope.high, negated: false)
    }

    /// FROM, the date spine, joins and WHERE of a write's query.
    func planSource(_ query: QueryIR, style: ParameterStyle, includeHierarchy: Bool) -> SQLSelect {
        var select = SQLSelect(items: [], from: .table(tableName(query.from.table), alias: query.from.alias))
        if let spine = query.spine {
            select.joins.append(
                SQLJoin(kind: .cross, item: .dateSpine(from: expr(spine.from, style), to: expr(spine.to, style), alias: spine.name)))
        }
        for join in query.joins where includeHierarchy || join.source.alias != HierarchyPass.alias {
            let kind: SQLJoin.Kind =
                switch join.kind {
                case .left: .left
                case .inner: .inner
                case .cross: .cross
                }
            select.joins.append(
                SQLJoin(
                    kind: kind, item: .table(tableName(join.source.table), alias: join.source.alias),
                    on: join.condition.map { expr($0, style) }))
        }
        select.filter = query.filter.map { expr($0, style) }
        return select
    }

    func planSelect(_ query: QueryIR, style: ParameterStyle) -> SQLSelect {
        if let hierarchy = query.hierarchyAfterAggregation { return planAggregateThenHierarchy(query, hierarchy, style: style) }
        var select = planSource(query, style: style, includeHierarchy: true)
        select.items = query.select.map { .init(expression: expr($0.expression, style), alias: $0.column) }
        select.groupBy = query.groupBy.map { expr($0, style) }
        select.having = query.having.map { expr($0, style) }
        return select
    }

    /// An aggregated write grouped by its hierarchy entity: the aggregation in a derived table that also yields the
    /// entity, then the hierarchy join on its rows. The select list keeps the target's column order.
    func planAggregateThenHierarchy(_ query: QueryIR, _ late: LateHierarchyJoinIR, style: ParameterStyle) -> SQLSelect {
        let hierarchyColumns = Set(HierarchyPass.columns.map(\.target))
        var inner = planSource(query, style: style, includeHierarchy: false)
        inner.items = query.select.filter { !hierarchyColumns.contains($0.column) }.map {
            .init(expression: expr($0.expression, style), alias: $0.column)
        }
        inner.items.append(.init(expression: expr(late.entity, style), alias: HierarchyPass.groupedEntityColumn))
        inner.groupBy = query.groupBy.map { expr($0, style) }
        inner.having = query.having.map { expr($0, style) }
        let aggregate = HierarchyPass.aggregateAlias
        var outer = SQLSelect(items: [], from: .subquery(inner, alias: aggregate))
        outer.items = query.select.map { item in
            hierarchyColumns.contains(item.column)
                ? .init(expression: expr(item.expression, style), alias: item.column)
                : .init(expression: .column(qualifier: aggregate, name: item.column), alias: item.column)
        }
        outer.joins = [
            SQLJoin(
                kind: .left, item: .table(tableName(late.join.source.table), alias: late.join.source.alias),
                on: late.join.condition.map { expr($0, style) })
        ]
        return outer
    }

    // MARK: - Pipelines

    func planPipeline(_ pipeline: PipelineIR, procedures: [String: ProcedureIR]) -> [SQLStatement] {
        planPipelineStatements(pipeline, procedures: procedures).statements
    }

    /// The pipeline script and, for each check step (by step index), the index of its SELECT in the script.
    func planPipelineStatements(
        _ pipeline: PipelineIR, procedures: [String: ProcedureIR]
    ) -> (statements: [SQLStatement], checkStatements: [Int: Int]) {
        var statements: [SQLStatement] = []
        var checkStatements: [Int: Int] = [:]
        for index in pipeline.order {
            let step = pipeline.syntax.steps[index]
            let title = "step \(step.id.value)" + (step.name.map { ": \($0.value)" } ?? "")
            switch step.action {
            case .load(let load):
                var line = "\(title)\nload \(load.source.value)"
                if let path = load.path { line += " \(path.value)" }
                if let format = load.format { line += " (\(format.value.rawValue))" }
                line += " into \(load.into.value); run by the runtime"
                statements.append(.comment(line))
            case .call(let name, let arguments):
                guard let procedure = procedures[name.value] else { continue }
                statements.append(.comment(title))
                let values = procedure.parameters.map { parameter -> SQLExpr in
                    if parameter.isImplicit { return .queryParameter(parameter.name) }
                    guard let argument = arguments.first(where: { $0.name.value == parameter.name }) else { return .literal(.null) }
                    return argumentValue(argument.value, type: parameter.type)
                }
                statements.append(
                    .call(SQLTableName(project: options.project, dataset: options.tenantDataset, table: procedure.name), arguments: values))
            case .check:
                guard let check = pipeline.checks[index] else { continue }
                statements.append(.comment(title))
                checkStatements[index] = statements.count
                statements.append(.select(planCheck(check)))
            }
        }
        return (statements, checkStatements)
    }

    /// One row per expectation: its message, severity, failing and checked row counts.
    func planCheck(_ check: CheckStepIR) -> SQLSelect {
        let branches = check.expectations.map { expectation -> SQLSelect in
            let failing = SQLExpr.not(.function(.coalesce, [expr(expectation.condition, .queryParameter), .literal(.bool(false))]))
            return SQLSelect(
                items: [
                    .init(expression: .literal(.string(expectation.message)), alias: "expectation"),
                    .init(expression: .literal(.string(expectation.severity.rawValue)), alias: "severity"),
                    .init(expression: .function(.countIf, [failing]), alias: "failed_rows"),
                    .init(expression: .countStar, alias: "checked_rows"),
                ],
                from: .table(tableName(check.table), alias: check.table.name),
                filter: check.filter.map { expr($0, .queryParameter) })
        }
        var first = branches[0]
        first.unionAll = Array(branches.dropFirst())
        return first
    }

    /// A pipeline argument as SQL: `$variable` becomes the query parameter of that name; literals are typed.
    func argumentValue(_ scalar: YAMLScalar, type: ColumnType) -> SQLExpr {
        if scalar.style == .plain, scalar.value.hasPrefix("$") { return .queryParameter(String(scalar.value.dropFirst())) }
        if scalar.isNull { return .cast(.literal(.null), type, safe: false, from: nil) }
        switch type {
        case .string: return .literal(.string(scalar.value))
        case .int64: return .literal(.integer(scalar.value))
        case .numeric, .bignumeric: return .literal(.decimal(scalar.value, type))
        case .float64: return .cast(.literal(.string(scalar.value)), .float64, safe: false, from: .string)
        case .bool: return .literal(.bool(scalar.value == "true"))
        case .date: return .literal(.date(scalar.value))
        case .timestamp: return .literal(.timestamp(scalar.value))
        case .json: return .literal(.json(scalar.value))
        }
    }

    // MARK: - Expressions

    func expr(_ expression: TypedExpression, _ style: ParameterStyle) -> SQLExpr {
        switch expression {
        case .literal(let value, let type):
            switch value {
            case .integer(let text): return .literal(.integer(text))
            case .decimal(let text): return .literal(.decimal(text, type ?? .numeric))
            case .string(let text): return .literal(.string(text))
            case .bool(let flag): return .literal(.bool(flag))
            case .null: return .literal(.null)
            case .date(let text): return .literal(.date(text))
            case .timestamp(let text): return .literal(.timestamp(text))
            }
        case .column(let relation, let name, _):
            return relation.isEmpty ? .spineDay(name) : .column(qualifier: relation, name: name)
        case .parameter(let name, _):
            return style == .procedureArgument ? .variable(Self.argumentName(name)) : .queryParameter(name)
        case .negate(let operand, _): return .negate(expr(operand, style))
        case .not(let operand): return .not(expr(operand, style))
        case .binary(let op, let l, let r, _): return .binary(op, expr(l, style), expr(r, style))
        case .isNull(let operand, let negated): return .isNull(expr(operand, style), negated: negated)
        case .inList(let operand, let items, let negated):
            return .inList(expr(operand, style), items.map { expr($0, style) }, negated: negated)
        case .between(let operand, let low, let high, let negated):
            return .between(expr(operand, style), expr(low, style), expr(high, style), negated: negated)
        case .like(let operand, let pattern, let negated): return .like(expr(operand, style), expr(pattern, style), negated: negated)
        case .caseWhen(let operand, let whens, let otherwise, _):
            return .caseWhen(
                operand: operand.map { expr($0, style) },
                whens: whens.map { SQLWhen(condition: expr($0.condition, style), result: expr($0.result, style)) },
                otherwise: otherwise.map { expr($0, style) })
        case .cast(let operand, let type, let safe): return .cast(expr(operand, style), type, safe: safe, from: operand.type)
        case .call(.timestamp, let arguments, _) where arguments.count == 1 && arguments[0].type == .date:
            return .dateToTimestamp(expr(arguments[0], style))
        case .call(.date, let arguments, _) where arguments.count == 1 && arguments[0].type == .timestamp:
            return .timestampToDate(expr(arguments[0], style))
        case .call(let function, let arguments, _): return .function(function, arguments.map { expr($0, style) })
        case .countStar: return .countStar
        case .interval(let amount, let part): return .interval(expr(amount, style), part)
        case .datePart(let part): return .datePart(part)
        }
    }
}
