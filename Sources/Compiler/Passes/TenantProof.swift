internal import PipelineDSL

/// Proves that a tenant's procedure touches only its own data.
///
/// Every table reference of the IR resolves to the tenant dataset (`scope: org`) or to `organizations`
/// (`scope: central`); the SQL planner has no other way to name a table, so no other dataset can appear. On top
/// of that: a tenant procedure never writes a central table (`tenant.central-write`, at `into`), and a read of a
/// central table that holds rows of many tenants (it has an `org_slug` or `x_org_slug` column) is filtered on
/// `= @org_slug` in `where` or in its join's `on` (`tenant.unfiltered-central-read`, at the table). The compiled
/// procedure also asserts at run time that it is called for the tenant it was compiled for.
enum TenantProof {
    static let orgColumns = ["org_slug", "x_org_slug"]

    static func prove(_ write: WriteIR, tables: [String: TableDefinition], diagnostics: inout Diagnostics) {
        if write.target.scope == .central {
            diagnostics.error(
                .tenantCentralWrite, "a tenant procedure cannot write the central table '\(write.target.name)'",
                at: write.intoRange, hint: "central tables are maintained by the platform; write a tenant table instead")
        }
        let whereConjuncts = write.query.filter?.conjuncts ?? []
        let sources = [(write.query.from, [TypedExpression]())] + write.query.joins.map { ($0.source, $0.condition?.conjuncts ?? []) }
        for (source, onConjuncts) in sources where source.table.scope == .central {
            guard let table = tables[source.table.name],
                let orgColumn = orgColumns.first(where: { table.column($0) != nil })
            else { continue }
            if !(whereConjuncts + onConjuncts).contains(where: { isOrgFilter($0, alias: source.alias, column: orgColumn) }) {
                diagnostics.error(
                    .tenantUnfilteredCentralRead,
                    "'\(table.name)' holds every tenant's rows; this read does not filter '\(orgColumn)' to the tenant",
                    at: source.range, hint: "add '\(source.alias).\(orgColumn) = @org_slug'")
            }
        }
    }

    static func isOrgFilter(_ conjunct: TypedExpression, alias: String, column: String) -> Bool {
        let target = TypedExpression.column(relation: alias, name: column, .string)
        let org = TypedExpression.parameter("org_slug", .string)
        if case .binary(.equal, let l, let r, _) = conjunct { return (l == target && r == org) || (l == org && r == target) }
        return false
    }
}
