internal import PipelineDSL

/// Resolves names and checks types in a procedure's writes, producing the procedure's IR.
///
/// Rules (each with its code): expressions parse and type-check (`expr.*`); conditions are BOOL; aggregates
/// only in select and having, never nested; in an aggregated write every selected column is grouped or
/// aggregated; every selected column exists in the target (`write.unknown-column`), is not one the compiler
/// writes (`write.managed-column`) and has a fitting type (`write.column-type`, numeric widening INT64 →
/// NUMERIC → BIGNUMERIC → FLOAT64); required target columns are written (`write.missing-column`); merge keys are
/// written columns (`write.merge-key`); replace and merge targets carry the lineage fields
/// (`write.needs-lineage`); FOCUS enumerated columns receive allowed literals (`focus.invalid-value`,
/// `focus.unproven-value`).
struct ProcedureChecker {
    let context: CheckContext
    let procedure: ProcedureSyntax
    var diagnostics = Diagnostics()

    /// The parameters every procedure has, in the order the compiled procedure declares them.
    static let implicitParameters: [ParameterIR] = [
        ParameterIR(name: "org_slug", type: .string, isImplicit: true),
        ParameterIR(name: "pipeline_id", type: .string, isImplicit: true),
        ParameterIR(name: "credential_id", type: .string, isImplicit: true),
        ParameterIR(name: "run_id", type: .string, isImplicit: true),
        ParameterIR(name: "run_date", type: .date, isImplicit: true),
    ]

    init(context: CheckContext, procedure: ProcedureSyntax) {
        self.context = context
        self.procedure = procedure
    }

    var parameters: [ParameterIR] {
        Self.implicitParameters + procedure.parameters.map { ParameterIR(name: $0.name.value, type: $0.type.value, isImplicit: false) }
    }

    mutating func check() -> ProcedureIR? {
        var writes: [WriteIR] = []
        for write in procedure.writes {
            if let ir = check(write) { writes.append(ir) }
        }
        guard !diagnostics.hasErrors else { return nil }
        return ProcedureIR(
            name: procedure.name.value, description: procedure.description?.value, parameters: parameters, writes: writes)
    }

    // MARK: - Expressions

    /// Checks one expression scalar in a scope.
    mutating func expression(
        _ scalar: YAMLScalar, in scope: ExpressionScope, role: String, mustBeBool: Bool = false, allowAggregates: Bool = false
    ) -> TypedExpression? {
        var checker = ExpressionChecker(file: context.files[scalar.range.file], scalar: scalar, scope: scope)
        let result = checker.check()
        diagnostics.append(contentsOf: checker.diagnostics)
        guard let (typed, _) = result else { return nil }
        if mustBeBool, let type = typed.type, type != ColumnType.bool {
            diagnostics.error(.exprNotBoolean, "\(role) must be a BOOL condition; this is \(type.rawValue)", at: scalar.range)
            return nil
        }
        if !allowAggregates, typed.containsAggregate {
            diagnostics.error(
                .exprAggregateNotAllowed, "aggregates are not allowed in \(role)", at: scalar.range,
                hint: role == "where" ? "filter groups with 'having'" : nil)
            return nil
        }
        return typed
    }

    // MARK: - Writes

    func source(_ reference: TableReference) -> (ExpressionScope.Relation, SourceIR)? {
        guard let table = context.tables[reference.table.value] else { return nil }  // reported by ProcedureTablesMustExist
        let alias = reference.alias?.value ?? reference.table.value
        return (
            ExpressionScope.Relation(alias: alias, table: table),
            SourceIR(alias: alias, table: TableReferenceIR(name: table.name, scope: table.scope), range: reference.table.range)
        )
    }

    mutating func check(_ write: ProcedureSyntax.Write) -> WriteIR? {
        guard let target = context.tables[write.into.value], let (fromRelation, fromSource) = source(write.from) else {
            return nil
        }
        var scope = ExpressionScope()
        scope.parameters = Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.type) })
        scope.relations = [fromRelation]
        var failed = false

        var spine: DaySpineIR?
        if let days = write.days {
            let from = expression(days.from, in: scope, role: "days.from")
            let to = expression(days.to, in: scope, role: "days.to")
            for (value, scalar) in [(from, days.from), (to, days.to)] where value != nil && value?.type != .date && value?.type != nil {
                diagnostics.error(.exprTypeMismatch, "a date spine bound must be a DATE; this is \(value!.type!.rawValue)", at: scalar.range)
                failed = true
            }
            if let from, let to { spine = DaySpineIR(from: from, to: to, name: days.name.value) } else { failed = true }
            scope.spineColumn = days.name.value
        }

        var joins: [JoinIR] = []
        for join in write.joins {
            guard let (relation, joinSource) = source(join.table) else {
                failed = true
                continue
            }
            scope.relations.append(relation)
            var condition: TypedExpression?
            if let on = join.on {
                condition = expression(on, in: scope, role: "on", mustBeBool: true)
                if condition == nil { failed = true }
            }
            let kind: JoinIR.Kind =
                switch join.kind.value {
                case .left: .left
                case .inner: .inner
                case .cross: .cross
                }
            joins.append(JoinIR(kind: kind, source: joinSource, condition: condition))
        }

        var filter: TypedExpression?
        if let whereScalar = write.filter {
            filter = expression(whereScalar, in: scope, role: "where", mustBeBool: true)
            if filter == nil { failed = true }
        }

        for named in write.withColumns {
            // Each named expression sees the ones before it.
            if let value = expression(named.expression, in: scope, role: "with_columns", allowAggregates: true) {
                scope.named[named.name.value] = value
            } else {
                failed = true
            }
        }

        // Select, in target column order.
        var selected: [String: TypedExpression] = [:]
        var selectRanges: [String: SourceRange] = [:]
        let managed = managedColumns(of: target, fillsHierarchy: write.hierarchyEntityID != nil)
        for item in write.select {
            let name = item.name.value
            selectRanges[name] = item.name.range
            guard let column = target.column(name) else {
                diagnostics.error(
                    .writeUnknownColumn, "table '\(target.name)' has no column '\(name)'", at: item.name.range,
                    hint: Suggestions.hint(for: name, among: target.columns.map(\.name)))
                failed = true
                continue
            }
            if managed.contains(name) {
                diagnostics.error(
                    .writeManagedColumn, "'\(name)' is written by the compiler; remove it from select", at: item.name.range,
                    hint: name.hasPrefix("x_hierarchy_") ? "the hierarchy columns come from 'hierarchy: { entity_id: … }'"
                        : "lineage columns come from the run's parameters")
                failed = true
                continue
            }
            guard let value = expression(item.expression, in: scope, role: "select", allowAggregates: true) else {
                failed = true
                continue
            }
            if !TypeRules.isAssignable(value.type, to: column.type) {
                diagnostics.error(
                    .writeColumnType,
                    "column '\(name)' is \(column.type.rawValue) but the expression is \(value.type!.rawValue)",
                    at: item.expression.range, hint: castHint(from: value.type!, to: column.type))
                failed = true
                continue
            }
            if let standard = target.syntax.standard?.value, let focus = FOCUSColumn.column(name, of: standard),
                let allowed = focus.allowedValues
            {
                checkAllowedValues(item.expression, column: focus, allowed: allowed)
            }
            selected[name] = value
        }
        for (name, value) in selected { scope.selectAliases[name] = value }

        var groupBy: [TypedExpression] = []
        for item in write.groupBy {
            if let value = expression(item, in: scope, role: "group_by") { groupBy.append(value) } else { failed = true }
        }
        var having: TypedExpression?
        if let havingScalar = write.having {
            having = expression(havingScalar, in: scope, role: "having", mustBeBool: true, allowAggregates: true)
            if having == nil { failed = true }
        }

        let isAggregated = !groupBy.isEmpty || selected.values.contains { $0.containsAggregate } || having != nil
        if isAggregated {
            for item in write.select {
                guard let value = selected[item.name.value] else { continue }
                if let column = ungroupedColumn(value, groupBy: groupBy) {
                    diagnostics.error(
                        .exprUngroupedColumn,
                        "'\(column)' is neither grouped nor aggregated in column '\(item.name.value)'", at: item.expression.range,
                        hint: "add it to group_by, or wrap it in an aggregate such as ANY_VALUE(\(column))")
                    failed = true
                }
            }
        }

        if let having, let havingScalar = write.having, let column = ungroupedColumn(having, groupBy: groupBy) {
            diagnostics.error(
                .exprUngroupedColumn, "'\(column)' is neither grouped nor aggregated in 'having'", at: havingScalar.range,
                hint: "filter rows with 'where', or aggregate it")
            failed = true
        }
        checkRequiredColumns(write, target: target, selected: selected, managed: managed)
        let mode = write.mode?.value ?? .replace
        if mode == .merge {
            for key in write.key where selected[key.value] == nil {
                diagnostics.error(
                    .writeMergeKey, "merge key '\(key.value)' is not a selected column of the write", at: key.range)
                failed = true
            }
        }
        let hasLineage = target.syntax.fieldGroups.contains { $0.value == .lineage }
        if mode != .append, !hasLineage {
            diagnostics.error(
                .writeNeedsLineage,
                "a \(mode.rawValue) write needs the lineage fields on '\(target.name)' to know which rows this run owns",
                at: write.mode?.range ?? write.into.range,
                hint: "add 'fields: [lineage]' to the table, or use 'mode: append'")
            failed = true
        }
        if write.hierarchyEntityID != nil, !target.syntax.fieldGroups.contains(where: { $0.value == .hierarchy }) {
            diagnostics.error(
                .hierarchyTargetLacksFields, "'\(target.name)' has no hierarchy fields to fill", at: write.into.range,
                hint: "add 'hierarchy' to the table's fields, or remove 'hierarchy:' from the write")
            failed = true
        } else if write.hierarchyEntityID == nil, target.syntax.fieldGroups.contains(where: { $0.value == .hierarchy }),
            !selected.keys.contains(where: { $0.hasPrefix("x_hierarchy_") })
        {
            diagnostics.warning(
                .hierarchyNotFilled, "the hierarchy columns of '\(target.name)' stay NULL for this write", at: write.into.range,
                hint: "add 'hierarchy: { entity_id: <expression> }' to attribute rows to the org hierarchy")
        }
        var hierarchyEntity: TypedExpression?
        if let entity = write.hierarchyEntityID {
            hierarchyEntity = expression(entity, in: scope, role: "hierarchy.entity_id")
            if context.tables["org_hierarchy"] == nil, !context.undecodedNames.contains("org_hierarchy") {
                diagnostics.error(
                    .procedureUnknownTable, "filling the hierarchy needs the central table 'org_hierarchy'", at: entity.range,
                    hint: "define it in tables/org_hierarchy.yaml")
                failed = true
            }
            if let type = hierarchyEntity?.type, type != .string {
                diagnostics.error(.exprTypeMismatch, "the hierarchy entity id must be a STRING; this is \(type.rawValue)", at: entity.range)
                failed = true
            }
            if hierarchyEntity == nil { failed = true }
        }

        var checks: [CheckIR] = []
        for check in write.checks {
            if check.severity?.value == .warning, let severity = check.severity {
                diagnostics.error(
                    .writeCheckSeverity, "a procedure check always fails the run; 'severity: warning' has no effect here",
                    at: severity.range, hint: "use a pipeline 'check' step for warnings")
                failed = true
            }
            if let condition = expression(check.expect, in: scope, role: "expect", mustBeBool: true) {
                checks.append(CheckIR(condition: condition, message: check.message.value))
            } else {
                failed = true
            }
        }
        guard !failed else { return nil }

        var selectList: [(column: String, expression: TypedExpression)] = []
        for column in target.columns {
            if let value = selected[column.name] { selectList.append((column.name, value)) }
        }
        var query = QueryIR(
            from: fromSource, joins: joins, spine: spine, filter: filter, groupBy: groupBy, having: having, select: selectList)
        if let hierarchyEntity, let hierarchyTable = context.tables["org_hierarchy"] {
            HierarchyPass.fill(&query, entity: hierarchyEntity, table: hierarchyTable, aggregated: isAggregated)
        }
        return WriteIR(
            target: target, mode: mode, key: write.key.map(\.value), query: query, checks: checks, scope: nil,
            intoRange: write.into.range, selectRanges: selectRanges, fillsHierarchy: hierarchyEntity != nil)
    }

    /// Columns the compiler writes: lineage always; hierarchy when the write fills it.
    func managedColumns(of target: TableDefinition, fillsHierarchy: Bool) -> Set<String> {
        var names: Set<String> = []
        for column in target.columns {
            if case .group(let group) = column.origin, group == .lineage || (group == .hierarchy && fillsHierarchy) {
                names.insert(column.name)
            }
        }
        return names
    }

    func castHint(from: ColumnType, to: ColumnType) -> String {
        if TypeRules.numericTypes.contains(from), TypeRules.numericTypes.contains(to) {
            return "narrowing \(from.rawValue) to \(to.rawValue) can lose precision; write CAST(… AS \(to.rawValue)) if you mean it"
        }
        if from == .date && to == .timestamp { return "use TIMESTAMP(…)" }
        if from == .timestamp && to == .date { return "use DATE(…)" }
        return "convert it with CAST(… AS \(to.rawValue))"
    }

    /// The first column read outside an aggregate and outside a grouped expression, if any.
    func ungroupedColumn(_ value: TypedExpression, groupBy: [TypedExpression]) -> String? {
        if groupBy.contains(value) { return nil }
        if value.containsAggregate {
            if case .countStar = value { return nil }
            if case .call(let function, _, _) = value, function.isAggregate { return nil }
        }
        if case .column(let relation, let name, _) = value { return relation.isEmpty ? name : "\(relation).\(name)" }
        for child in value.children {
            if let column = ungroupedColumn(child, groupBy: groupBy) { return column }
        }
        return nil
    }

    mutating func checkRequiredColumns(
        _ write: ProcedureSyntax.Write, target: TableDefinition, selected: [String: TypedExpression], managed: Set<String>
    ) {
        var missing: [String] = []
        for column in target.columns where column.isRequired && selected[column.name] == nil && !managed.contains(column.name) {
            if case .standard = column.origin { continue }  // FOCUS columns: reported by the FOCUS rule
            missing.append(column.name)
        }
        if !missing.isEmpty {
            diagnostics.error(
                .writeMissingColumn,
                "required column\(missing.count == 1 ? "" : "s") of '\(target.name)' not written: \(missing.map { "'\($0)'" }.joined(separator: ", "))",
                at: write.into.range, hint: "add \(missing.count == 1 ? "it" : "them") under 'select'")
        }
    }

    /// FOCUS enumerated columns take only allowed values: the expression's possible results must all be
    /// literals (directly, or as CASE/IF/COALESCE branches), each in the allowed list.
    mutating func checkAllowedValues(_ scalar: YAMLScalar, column: FOCUSColumn, allowed: [String]) {
        guard case .success(let syntax) = ExpressionParser.parse(scalar.value) else { return }
        let file = context.files[scalar.range.file]
        func range(_ span: TextSpan) -> SourceRange {
            file?.range(in: scalar, valueOffset: span.offset, length: span.length) ?? scalar.range
        }
        for outcome in Self.outcomes(of: syntax) {
            switch outcome {
            case .literal(.string(let value), let span):
                if !allowed.contains(value) {
                    diagnostics.error(
                        .focusInvalidValue, "'\(value)' is not an allowed \(column.name)", at: range(span),
                        hint: Suggestions.hint(for: value, among: allowed)
                            ?? "allowed: \(allowed.prefix(8).map { "'\($0)'" }.joined(separator: ", "))\(allowed.count > 8 ? ", …" : "")")
                }
            case .literal(.null, _) where column.isNullable:
                break
            case .literal(.null, let span):
                let implicit = span == syntax.span && { if case .caseWhen = syntax { return true } else { return false } }()
                diagnostics.error(
                    .focusUnprovenValue,
                    implicit
                        ? "\(column.name) cannot be NULL, but this CASE has no ELSE (an implicit NULL)"
                        : "\(column.name) cannot be NULL",
                    at: range(span),
                    hint: implicit ? "add ELSE 'Allowed value'" : "write one of its allowed values")
            default:
                diagnostics.error(
                    .focusUnprovenValue,
                    "\(column.name) takes only its allowed values; this part is not a literal the compiler can check",
                    at: range(outcome.span), hint: "map source values with CASE … WHEN … THEN 'Allowed value' … END")
            }
        }
    }

    /// The sub-expressions whose value can become the expression's value.
    static func outcomes(of syntax: ExpressionSyntax) -> [ExpressionSyntax] {
        switch syntax {
        case .caseWhen(_, let whens, let otherwise, _):
            return whens.flatMap { outcomes(of: $0.result) } + (otherwise.map(outcomes(of:)) ?? [.literal(.null, syntax.span)])
        case .call("IF", let arguments, _, _, _) where arguments.count == 3:
            return outcomes(of: arguments[1]) + outcomes(of: arguments[2])
        case .call("COALESCE", let arguments, _, _, _), .call("IFNULL", let arguments, _, _, _):
            // A NULL argument is skipped by COALESCE; only the last argument's NULL can come out.
            let values = arguments.enumerated().filter { index, argument in
                if case .literal(.null, _) = argument { return index == arguments.count - 1 }
                return true
            }
            return values.flatMap { outcomes(of: $0.element) }
        default:
            return [syntax]
        }
    }
}
