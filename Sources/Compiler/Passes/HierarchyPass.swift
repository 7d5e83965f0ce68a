internal import PipelineDSL

/// Fills the five `x_hierarchy_*` columns of a write that declares `hierarchy: { entity_id: … }` by a LEFT JOIN
/// to the tenant's current `org_hierarchy` rows. Rows whose entity is unknown keep NULL hierarchy columns
/// (and are still written: cost is never dropped for want of a hierarchy entry).
enum HierarchyPass {
    /// The alias of the joined hierarchy table. User aliases start with a letter, so it cannot collide.
    static let alias = "_hierarchy"

    /// Target column → `org_hierarchy` column.
    static let columns: [(target: String, source: String)] = [
        ("x_hierarchy_entity_id", "entity_id"), ("x_hierarchy_entity_name", "entity_name"),
        ("x_hierarchy_level_code", "level_code"), ("x_hierarchy_path", "path"), ("x_hierarchy_path_names", "path_names"),
    ]

    /// The alias of an aggregated write's grouped rows when the hierarchy is joined after the aggregation.
    static let aggregateAlias = "_aggregate"
    /// The column of those rows that carries the hierarchy entity.
    static let groupedEntityColumn = "_hierarchy_entity_id"

    static func fill(_ query: inout QueryIR, entity: TypedExpression, table: TableDefinition, aggregated: Bool) {
        let source = SourceIR(
            alias: alias, table: TableReferenceIR(name: table.name, scope: table.scope), range: query.from.range)
        func column(_ name: String) -> TypedExpression {
            .column(relation: alias, name: name, table.column(name)?.type ?? .string)
        }
        func condition(entity: TypedExpression) -> TypedExpression {
            .binary(
                .and,
                .binary(
                    .and, .binary(.equal, column("org_slug"), .parameter("org_slug", .string), .bool),
                    .binary(.equal, column("entity_id"), entity, .bool), .bool),
                .isNull(column("end_date"), negated: false), .bool)
        }
        query.joins.append(JoinIR(kind: .left, source: source, condition: condition(entity: entity)))
        // Grouped by the entity: each group has one entity, so joining its hierarchy row to the group equals
        // joining it to every input row and grouping by the hierarchy columns too.
        let afterAggregation = aggregated && query.groupBy.contains(entity)
        if afterAggregation {
            let grouped = TypedExpression.column(relation: aggregateAlias, name: groupedEntityColumn, entity.type ?? .string)
            query.hierarchyAfterAggregation = LateHierarchyJoinIR(
                entity: entity, join: JoinIR(kind: .left, source: source, condition: condition(entity: grouped)))
        }
        for (target, sourceColumn) in columns {
            query.select.append((target, column(sourceColumn)))
            if aggregated && !afterAggregation { query.groupBy.append(column(sourceColumn)) }
        }
    }
}
