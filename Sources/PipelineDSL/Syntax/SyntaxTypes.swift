/// A decoded value and the range it was written at.
public struct Located<Value: Sendable>: Sendable {
    /// The value.
    public var value: Value
    /// Where it was written (for a mapping key's value: the value, not the key).
    public var range: SourceRange

    /// Creates a located value.
    public init(_ value: Value, at range: SourceRange) {
        self.value = value
        self.range = range
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

// MARK: - Enumerations of the language

/// A column or parameter type.
public enum ColumnType: String, Sendable, Hashable, CaseIterable, Codable {
    case string = "STRING"
    case int64 = "INT64"
    case numeric = "NUMERIC"
    case bignumeric = "BIGNUMERIC"
    case float64 = "FLOAT64"
    case bool = "BOOL"
    case date = "DATE"
    case timestamp = "TIMESTAMP"
    case json = "JSON"
}

/// Where a table lives.
public enum TableScope: String, Sendable, Hashable, CaseIterable {
    /// One copy per tenant dataset `{org}_{env}`.
    case org
    /// One copy in the central `organizations` dataset.
    case central
}

/// A standard whose columns a table carries.
public enum TableStandard: String, Sendable, Hashable, CaseIterable {
    case focus13 = "focus-1.3"
}

/// A group of standard columns appended to a table.
public enum FieldGroup: String, Sendable, Hashable, CaseIterable {
    case lineage, hierarchy, genai, cloud, subscription

    /// The group's columns, in order.
    public var columns: [(name: String, type: ColumnType, required: Bool)] {
        switch self {
        case .lineage:
            [
                ("x_org_slug", .string, true), ("x_pipeline_id", .string, true), ("x_credential_id", .string, true),
                ("x_pipeline_run_date", .date, true), ("x_run_id", .string, true), ("x_ingested_at", .timestamp, true),
                ("x_ingestion_date", .date, true),
            ]
        case .hierarchy:
            [
                ("x_hierarchy_entity_id", .string, false), ("x_hierarchy_entity_name", .string, false),
                ("x_hierarchy_level_code", .string, false), ("x_hierarchy_path", .string, false),
                ("x_hierarchy_path_names", .string, false),
            ]
        case .genai:
            [("x_genai_provider", .string, false), ("x_genai_account_id", .string, false)]
        case .cloud:
            [("x_cloud_provider", .string, false), ("x_cloud_account_id", .string, false)]
        case .subscription:
            [("x_subscription_provider", .string, false)]
        }
    }
}

/// How a write changes its target.
public enum WriteMode: String, Sendable, Hashable, CaseIterable {
    case replace, merge, append
}

/// What a failed expectation does.
public enum ExpectationSeverity: String, Sendable, Hashable, CaseIterable {
    case error, warning
}

/// The format of a file source.
public enum LoadFormat: String, Sendable, Hashable, CaseIterable {
    case csv, jsonl
}

/// What a failed step does to its run.
public enum FailurePolicy: String, Sendable, Hashable, CaseIterable {
    case stop, `continue`
}

/// A length of time written `30s`, `10m` or `2h`.
public struct DurationValue: Sendable, Hashable, CustomStringConvertible {
    /// The length in seconds.
    public var seconds: Int
    /// The text as written.
    public var description: String
}

// MARK: - Documents

/// One decoded file.
public enum DocumentSyntax: Sendable {
    case table(TableSyntax)
    case procedure(ProcedureSyntax)
    case pipeline(PipelineSyntax)

    /// The definition's name (its first key's value).
    public var name: Located<String> {
        switch self {
        case .table(let t): t.name
        case .procedure(let p): p.name
        case .pipeline(let p): p.id
        }
    }

    /// "table", "procedure" or "pipeline".
    public var kind: String {
        switch self {
        case .table: "table"
        case .procedure: "procedure"
        case .pipeline: "pipeline"
        }
    }
}

/// A `table:` document.
public struct TableSyntax: Sendable {
    public struct Column: Sendable {
        public var name: Located<String>
        public var type: Located<ColumnType>
        public var isRequired: Located<Bool>?
        public var description: Located<String>?
    }

    public var name: Located<String>
    public var description: Located<String>?
    public var scope: Located<TableScope>?
    public var standard: Located<TableStandard>?
    public var partition: Located<String>?
    public var cluster: [Located<String>]
    public var fieldGroups: [Located<FieldGroup>]
    public var columns: [Column]
    public var partitionExpirationDays: Located<Int>?
    public var requirePartitionFilter: Located<Bool>?
    /// The whole document.
    public var range: SourceRange
}

/// `table alias`, as written after `from:` or in a join.
public struct TableReference: Sendable, Hashable {
    public var table: Located<String>
    public var alias: Located<String>?
}

/// An expression as written: the scalar's text, style and range, so the compiler can map an offset inside the
/// text back to a line and column.
public typealias ExpressionSource = YAMLScalar

/// A `procedure:` document.
public struct ProcedureSyntax: Sendable {
    public struct Parameter: Sendable {
        public var name: Located<String>
        public var type: Located<ColumnType>
    }

    public struct Join: Sendable {
        public enum Kind: String, Sendable { case left, inner, cross }
        public var kind: Located<Kind>
        public var table: TableReference
        public var on: ExpressionSource?
    }

    public struct NamedExpression: Sendable {
        public var name: Located<String>
        public var expression: ExpressionSource
    }

    public struct DaySpine: Sendable {
        public var from: ExpressionSource
        public var to: ExpressionSource
        public var name: Located<String>
    }

    public struct Write: Sendable {
        public var into: Located<String>
        public var mode: Located<WriteMode>?
        public var key: [Located<String>]
        public var from: TableReference
        public var days: DaySpine?
        public var joins: [Join]
        public var filter: ExpressionSource?
        public var withColumns: [NamedExpression]
        public var groupBy: [ExpressionSource]
        public var having: ExpressionSource?
        public var select: [NamedExpression]
        public var hierarchyEntityID: ExpressionSource?
        public var checks: [ExpectationSyntax]
        public var range: SourceRange
    }

    public var name: Located<String>
    public var description: Located<String>?
    public var parameters: [Parameter]
    public var writes: [Write]
    public var range: SourceRange
}

/// One expectation (`expect`, `message`, `severity`).
public struct ExpectationSyntax: Sendable {
    public var expect: ExpressionSource
    public var message: Located<String>
    public var severity: Located<ExpectationSeverity>?
}

/// A `pipeline:` document.
public struct PipelineSyntax: Sendable {
    public struct Schedule: Sendable {
        public var cron: Located<CronExpression>
        public var timeZone: Located<String>?
    }

    public struct Retry: Sendable {
        public var attempts: Located<Int>
        public var backoff: Located<DurationValue>?
    }

    public struct Load: Sendable {
        public var source: Located<String>
        public var into: Located<String>
        public var path: Located<String>?
        public var format: Located<LoadFormat>?
    }

    public struct Argument: Sendable {
        public var name: Located<String>
        public var value: YAMLScalar
    }

    public struct Check: Sendable {
        public var table: Located<String>
        public var filter: ExpressionSource?
        public var expectations: [ExpectationSyntax]
    }

    public enum Action: Sendable {
        case load(Load)
        case call(procedure: Located<String>, arguments: [Argument])
        case check(Check)
    }

    public struct Step: Sendable {
        public var id: Located<String>
        public var name: Located<String>?
        public var action: Action
        public var after: [Located<String>]
        public var retry: Retry?
        public var timeout: Located<DurationValue>?
        public var onFailure: Located<FailurePolicy>?
        public var range: SourceRange
    }

    public var id: Located<String>
    public var name: Located<String>
    public var description: Located<String>?
    public var category: Located<String>?
    public var provider: Located<String>?
    public var schedule: Schedule?
    public var timeout: Located<DurationValue>?
    public var steps: [Step]
    public var range: SourceRange
}
