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

    static func fill(_ query: inout QueryIR, entity: TypedExpression, table: TableDefinition, aggregated: Bool) {
        let source = SourceIR(
            alias: alias, table: TableReferenceIR(name: table.name, scope: table.scope), range: query.from.range)
        func column(_ name: String) -> TypedExpression {
            .column(relation: alias, name: name, table.column(name)?.type ?? .string)
        }
        let condition: TypedExpression = .binary(
            .and,
            .binary(
                .and, .binary(.equal, column("org_slug"), .parameter("org_slug", .string), .bool),
                .binary(.equal, column("entity_id"), entity, .bool), .bool),
            .isNull(column("end_date"), negated: false), .bool)
        query.joins.append(JoinIR(kind: .left, source: source, condition: condition))
        for (target, sourceColumn) in columns {
            query.select.append((target, column(sourceColumn)))
            if aggregated { query.groupBy.append(column(sourceColumn)) }
        }
    }
}
