public import PipelineDSL

/// A table as the IR sees it: its definition and where it lives.
public struct TableReferenceIR: Sendable, Hashable {
    /// The table's name.
    public var name: String
    /// `org` (the tenant dataset) or `central` (`organizations`).
    public var scope: TableScope

    public init(name: String, scope: TableScope) {
        self.name = name
        self.scope = scope
    }
}

/// A typed procedure parameter.
public struct ParameterIR: Sendable, Hashable {
    public var name: String
    public var type: ColumnType
    /// True for the five parameters the runtime always passes.
    public var isImplicit: Bool
}

/// One relation a write reads: a table under an alias.
public struct SourceIR: Sendable {
    public var alias: String
    public var table: TableReferenceIR
    /// The alias as written (for diagnostics).
    public var range: SourceRange
}

/// A join of a write's query.
public struct JoinIR: Sendable {
    public enum Kind: String, Sendable { case left = "LEFT", inner = "INNER", cross = "CROSS" }
    public var kind: Kind
    public var source: SourceIR
    public var condition: TypedExpression?
}

/// A date spine: one row per day from `from` to `to` inclusive, as column `name`.
public struct DaySpineIR: Sendable {
    public var from: TypedExpression
    public var to: TypedExpression
    public var name: String
}

/// The query of a write, as a relational block: FROM, joins, spine, WHERE, GROUP BY, HAVING, SELECT.
public struct QueryIR: Sendable {
    public var from: SourceIR
    public var joins: [JoinIR]
    public var spine: DaySpineIR?
    public var filter: TypedExpression?
    public var groupBy: [TypedExpression]
    public var having: TypedExpression?
    /// Target column → expression, in target-table column order.
    public var select: [(column: String, expression: TypedExpression)]
    /// Set for an aggregated write whose hierarchy entity is one of its GROUP BY expressions: the hierarchy join
    /// is then applied to the aggregated rows instead of the input rows (same result, one lookup per group and a
    /// narrower GROUP BY).
    public var hierarchyAfterAggregation: LateHierarchyJoinIR? = nil
}

/// The hierarchy join of an aggregated write, applied to its groups.
public struct LateHierarchyJoinIR: Sendable {
    /// The grouped entity expression, carried out of the aggregation as ``HierarchyPass/groupedEntityColumn``.
    public var entity: TypedExpression
    /// The join; its condition reads the entity from ``HierarchyPass/aggregateAlias``.
    public var join: JoinIR
}

/// An assertion on the rows a write reads.
public struct CheckIR: Sendable {
    public var condition: TypedExpression
    public var message: String
}

/// The rows a `replace` deletes or a `merge` matches: the run's lineage key and the target's partition range.
public struct WriteScopeIR: Sendable {
    /// The partition column of the target.
    public var partitionColumn: String
    /// The partition column's type (DATE or TIMESTAMP).
    public var partitionType: ColumnType
    /// The first and last partition value the write can produce (equal for a one-day write), as DATE or
    /// TIMESTAMP-typed constant expressions.
    public var low: TypedExpression
    public var high: TypedExpression
    /// True if the target has the lineage columns (the delete is then also scoped to this run's key).
    public var byLineageKey: Bool
}

/// One write, ready for planning.
public struct WriteIR: Sendable {
    public var target: TableDefinition
    public var mode: WriteMode
    public var key: [String]
    public var query: QueryIR
    public var checks: [CheckIR]
    /// Set by the pruning proof for replace and merge writes to partitioned targets.
    public var scope: WriteScopeIR?
    /// Where `into:` names the target (for diagnostics).
    public var intoRange: SourceRange
    /// Where each selected column is written (for diagnostics).
    public var selectRanges: [String: SourceRange]
    /// True if the write fills the hierarchy columns from `org_hierarchy`.
    public var fillsHierarchy: Bool
}

/// A procedure, ready for planning.
public struct ProcedureIR: Sendable {
    public var name: String
    public var description: String?
    /// Implicit parameters first, then the declared ones, in declaration order.
    public var parameters: [ParameterIR]
    public var writes: [WriteIR]
}
