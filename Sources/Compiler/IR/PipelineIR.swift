public import PipelineDSL

/// A check step: expectations over one table, each counted as failing rows.
public struct CheckStepIR: Sendable {
    public var table: TableDefinition
    public var filter: TypedExpression?
    public var expectations: [(condition: TypedExpression, message: String, severity: ExpectationSeverity)]
}

/// A pipeline ready for planning: its steps in dependency order.
public struct PipelineIR: Sendable {
    public var syntax: PipelineSyntax
    /// Step indices in dependency order.
    public var order: [Int]
    /// Checked check steps by step index.
    public var checks: [Int: CheckStepIR]
}
