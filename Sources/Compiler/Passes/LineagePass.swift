internal import PipelineDSL

/// Writes the seven core lineage columns on every write whose target has the `lineage` field group, from the
/// run's parameters: `x_org_slug`, `x_pipeline_id`, `x_credential_id`, `x_pipeline_run_date`, `x_run_id`, and
/// the ingestion time (`x_ingested_at`, `x_ingestion_date`). Users cannot write them (`write.managed-column`).
enum LineagePass {
    static func values() -> [(column: String, expression: TypedExpression)] {
        [
            ("x_org_slug", .parameter("org_slug", .string)),
            ("x_pipeline_id", .parameter("pipeline_id", .string)),
            ("x_credential_id", .parameter("credential_id", .string)),
            ("x_pipeline_run_date", .parameter("run_date", .date)),
            ("x_run_id", .parameter("run_id", .string)),
            ("x_ingested_at", .call(.currentTimestamp, [], .timestamp)),
            ("x_ingestion_date", .call(.currentDate, [], .date)),
        ]
    }

    /// Adds the lineage columns and puts the select list in target column order.
    static func apply(_ write: inout WriteIR) {
        guard write.target.syntax.fieldGroups.contains(where: { $0.value == .lineage }) else { return }
        var byColumn = Dictionary(write.query.select.map { ($0.column, $0.expression) }, uniquingKeysWith: { a, _ in a })
        for (column, value) in values() { byColumn[column] = value }
        write.query.select = write.target.columns.compactMap { column in
            byColumn[column.name].map { (column.name, $0) }
        }
    }

    /// The lineage key of this run: the rows a replace deletes.
    static func keyCondition(relation: String) -> [TypedExpression] {
        values().prefix(4).map { column, value in
            .binary(.equal, .column(relation: relation, name: column, value.type ?? .string), value, .bool)
        }
    }
}
