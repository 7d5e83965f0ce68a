/// The v1 YAML language: the three document kinds and everything inside them, as ``ObjectSchema`` values.
///
/// This is the single definition both the decoder and `cloudact schema` read.
public enum LanguageSchema {
    /// The column types a table may use.
    public static let columnTypes = ColumnType.allCases.map(\.rawValue)

    // MARK: - Tables

    static let column = ObjectSchema(
        "column", "a table column",
        fields: [
            FieldSchema("type", .enumeration(columnTypes), required: true, "the column's type"),
            FieldSchema("required", .boolean, "true if every row must have a value (REQUIRED in BigQuery)"),
            FieldSchema("description", .string(.text), "what the column holds"),
        ])

    static let tableOptions = ObjectSchema(
        "table options", "storage options",
        fields: [
            FieldSchema(
                "partition_expiration_days", .integer(min: 1, max: 36_500), "days after which a partition is dropped"),
            FieldSchema(
                "require_partition_filter", .boolean, "BigQuery refuses queries that do not filter the partition"),
        ])

    /// `table:` documents.
    public static let table = ObjectSchema(
        "table", "a table definition (tables/*.yaml)",
        fields: [
            FieldSchema("table", .string(.identifier), required: true, "the table's name"),
            FieldSchema("description", .string(.text), "what the table holds"),
            FieldSchema(
                "scope", .enumeration(TableScope.allCases.map(\.rawValue)),
                "org: one copy per tenant dataset {org}_{env} (default); central: the organizations dataset"),
            FieldSchema(
                "standard", .enumeration(TableStandard.allCases.map(\.rawValue)),
                "a standard whose columns the table carries (focus-1.3)"),
            FieldSchema("partition", .string(.columnName), "the DATE or TIMESTAMP column the table is partitioned by"),
            FieldSchema("cluster", .list(.string(.columnName), minItems: 1), "up to four clustering columns"),
            FieldSchema(
                "fields", .list(.enumeration(FieldGroup.allCases.map(\.rawValue)), minItems: 1),
                "standard column groups appended after the columns, in a fixed order"),
            FieldSchema(
                "columns", .map(key: .columnName, value: .anyOf([.enumeration(columnTypes), .object(column)])),
                required: true, "the columns in order: name → type, or name → { type, required, description }"),
            FieldSchema("options", .object(tableOptions), "storage options"),
        ])

    // MARK: - Procedures

    static let join = ObjectSchema(
        "join", "a join; exactly one of left, inner or cross",
        fields: [
            FieldSchema("left", .string(.tableReference), "LEFT JOIN this table (`table alias`)"),
            FieldSchema("inner", .string(.tableReference), "INNER JOIN this table (`table alias`)"),
            FieldSchema("cross", .string(.tableReference), "CROSS JOIN this table (`table alias`)"),
            FieldSchema("on", .string(.expression), "the join condition (not for cross joins)"),
        ])

    static let expectation = ObjectSchema(
        "expectation", "a condition every row must meet",
        fields: [
            FieldSchema("expect", .string(.expression), required: true, "a boolean expression true for every row"),
            FieldSchema("message", .string(.text), required: true, "what a failure means"),
            FieldSchema(
                "severity", .enumeration(ExpectationSeverity.allCases.map(\.rawValue)),
                "error (default) fails the run; warning is recorded only"),
        ])

    static let daySpine = ObjectSchema(
        "days", "a date spine: one row per day from `from` to `to` inclusive",
        fields: [
            FieldSchema("from", .string(.expression), required: true, "the first day"),
            FieldSchema("to", .string(.expression), required: true, "the last day"),
            FieldSchema("as", .string(.identifier), required: true, "the name of the day column"),
        ])

    static let hierarchyFill = ObjectSchema(
        "hierarchy", "fill the five x_hierarchy_* columns from the tenant's current org_hierarchy rows",
        fields: [
            FieldSchema("entity_id", .string(.expression), required: true, "the expression giving the entity id")
        ])

    static let write = ObjectSchema(
        "write", "one write of a procedure: a query and the table it goes into",
        fields: [
            FieldSchema("into", .string(.identifier), required: true, "the target table"),
            FieldSchema(
                "mode", .enumeration(WriteMode.allCases.map(\.rawValue)),
                "replace (default): delete this run's rows, then insert; merge: upsert on `key`; append"),
            FieldSchema("key", .list(.string(.columnName), minItems: 1), "the merge key (mode: merge)"),
            FieldSchema("from", .string(.tableReference), required: true, "the table read (`table alias`)"),
            FieldSchema("days", .object(daySpine), "cross the input with a date spine"),
            FieldSchema("join", .list(.object(join), minItems: 1), "joined tables, in order"),
            FieldSchema("where", .string(.expression), "a filter on input rows"),
            FieldSchema("with_columns", .map(key: .identifier, value: .string(.expression)), "named intermediate expressions"),
            FieldSchema("group_by", .list(.string(.expression), minItems: 1), "grouping expressions"),
            FieldSchema("having", .string(.expression), "a filter on groups"),
            FieldSchema(
                "select", .map(key: .columnName, value: .string(.expression)), required: true,
                "target column → expression"),
            FieldSchema("hierarchy", .object(hierarchyFill), "fill the hierarchy columns"),
            FieldSchema("checks", .list(.object(expectation), minItems: 1), "assertions on the written rows"),
        ])

    /// `procedure:` documents.
    public static let procedure = ObjectSchema(
        "procedure", "a stored procedure (procedures/*.yaml)",
        fields: [
            FieldSchema("procedure", .string(.identifier), required: true, "the procedure's name"),
            FieldSchema("description", .string(.text), "what it does"),
            FieldSchema(
                "params", .map(key: .identifier, value: .enumeration(columnTypes)),
                "typed parameters, name → type; @org_slug @pipeline_id @credential_id @run_id @run_date are implicit"),
            FieldSchema("writes", .list(.object(write), minItems: 1), required: true, "the writes, in order"),
        ])

    // MARK: - Pipelines

    static let schedule = ObjectSchema(
        "schedule", "when the pipeline runs",
        fields: [
            FieldSchema("cron", .string(.cron), required: true, "five fields: minute hour day-of-month month day-of-week"),
            FieldSchema("timezone", .string(.timeZone), "an IANA time zone (default UTC)"),
        ])

    static let retry = ObjectSchema(
        "retry", "how a failed step is retried",
        fields: [
            FieldSchema("attempts", .integer(min: 1, max: 10), required: true, "total attempts, the first included"),
            FieldSchema("backoff", .string(.duration), "the first wait; it doubles each time, with jitter"),
        ])

    static let load = ObjectSchema(
        "load", "load a source into a raw table",
        fields: [
            FieldSchema("source", .string(.identifier), required: true, "the source connector (file, openai_usage, …)"),
            FieldSchema("into", .string(.identifier), required: true, "the raw table loaded"),
            FieldSchema("path", .string(.pathPattern), "for file sources: a path with {org} and {date}"),
            FieldSchema("format", .enumeration(LoadFormat.allCases.map(\.rawValue)), "for file sources: csv or jsonl"),
        ])

    static let checkStep = ObjectSchema(
        "check", "data-quality expectations, recorded in org_meta_dq_results",
        fields: [
            FieldSchema("table", .string(.identifier), required: true, "the table checked"),
            FieldSchema("where", .string(.expression), "the rows checked (filter on the run's partition)"),
            FieldSchema("expect", .list(.object(expectation), minItems: 1), required: true, "the expectations"),
        ])

    static let step = ObjectSchema(
        "step", "one step; exactly one of load, call or check",
        fields: [
            FieldSchema("id", .string(.identifier), required: true, "unique within the pipeline"),
            FieldSchema("name", .string(.text), "a display name"),
            FieldSchema("load", .object(load), "load a source into a raw table"),
            FieldSchema("call", .string(.identifier), "call a procedure"),
            FieldSchema("with", .map(key: .identifier, value: .anyScalar), "the procedure's arguments ($date, literals)"),
            FieldSchema("check", .object(checkStep), "run data-quality expectations"),
            FieldSchema("after", .list(.string(.identifier), minItems: 1), "steps that must finish first"),
            FieldSchema("retry", .object(retry), "retry policy"),
            FieldSchema("timeout", .string(.duration), "the step's time limit"),
            FieldSchema(
                "on_failure", .enumeration(FailurePolicy.allCases.map(\.rawValue)),
                "stop (default): fail the run; continue: record and go on"),
        ])

    /// `pipeline:` documents.
    public static let pipeline = ObjectSchema(
        "pipeline", "a pipeline (pipelines/*.yaml)",
        fields: [
            FieldSchema("pipeline", .string(.identifier), required: true, "the pipeline's id"),
            FieldSchema("name", .string(.text), required: true, "a display name"),
            FieldSchema("description", .string(.text), "what it does"),
            FieldSchema("category", .string(.category), "a category path such as genai/payg"),
            FieldSchema("provider", .string(.identifier), "the provider (openai, gcp, …)"),
            FieldSchema("schedule", .object(schedule), "when it runs"),
            FieldSchema("timeout", .string(.duration), "the run's time limit"),
            FieldSchema("steps", .list(.object(step), minItems: 1), required: true, "the steps"),
        ])

    /// The three document kinds, keyed by their first key.
    public static let documents: [(key: String, schema: ObjectSchema)] = [
        ("table", table), ("procedure", procedure), ("pipeline", pipeline),
    ]
}
