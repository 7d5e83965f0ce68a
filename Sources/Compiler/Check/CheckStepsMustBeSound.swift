internal import PipelineDSL

/// A pipeline's check steps read their table under its own name: `where` and every `expect` type-check (BOOL),
/// with the run's implicit parameters (`@org_slug`, `@run_date`, …) in scope; the read is partition-bounded
/// (`pruning.unfiltered-scan`) like any other.
enum CheckStepsMustBeSound {
    static func check(_ pipeline: PipelineSyntax, context: CheckContext, diagnostics: inout Diagnostics) -> [Int: CheckStepIR] {
        var result: [Int: CheckStepIR] = [:]
        for (index, step) in pipeline.steps.enumerated() {
            guard case .check(let check) = step.action, let table = context.tables[check.table.value] else { continue }
            var scope = ExpressionScope()
            scope.relations = [.init(alias: table.name, table: table)]
            scope.parameters = Dictionary(uniqueKeysWithValues: ProcedureChecker.implicitParameters.map { ($0.name, $0.type) })
            var failed = false
            func typed(_ scalar: YAMLScalar, role: String) -> TypedExpression? {
                var checker = ExpressionChecker(file: context.files[scalar.range.file], scalar: scalar, scope: scope)
                let value = checker.check()?.0
                diagnostics.append(contentsOf: checker.diagnostics)
                guard let value else { return nil }
                if let type = value.type, type != .bool {
                    diagnostics.error(.exprNotBoolean, "\(role) must be a BOOL condition; this is \(type.rawValue)", at: scalar.range)
                    return nil
                }
                if value.containsAggregate {
                    diagnostics.error(.exprAggregateNotAllowed, "aggregates are not allowed in \(role)", at: scalar.range)
                    return nil
                }
                return value
            }
            var filter: TypedExpression?
            if let whereScalar = check.filter {
                filter = typed(whereScalar, role: "where")
                if filter == nil { failed = true }
            }
            var expectations: [(TypedExpression, String, ExpectationSeverity)] = []
            for expectation in check.expectations {
                if let condition = typed(expectation.expect, role: "expect") {
                    expectations.append((condition, expectation.message.value, expectation.severity?.value ?? .error))
                } else {
                    failed = true
                }
            }
            // A `where` that failed to check was reported; proving pruning without it would only echo that.
            if check.filter == nil || filter != nil {
                PartitionPruningProof.proveScan(
                    table: table, alias: table.name, filter: filter, range: check.table.range, diagnostics: &diagnostics)
            }
            if !failed {
                result[index] = CheckStepIR(
                    table: table, filter: filter,
                    expectations: expectations.map { (condition: $0.0, message: $0.1, severity: $0.2) })
            }
        }
        return result
    }
}
