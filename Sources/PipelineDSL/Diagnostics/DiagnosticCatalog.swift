// Every stable diagnostic code, with a one-line explanation. Docs/DIAGNOSTICS.md is generated from this list
// (`cloudact explain --all`), and a test checks that no code is used without being listed here.

extension DiagnosticID {
    // MARK: - yaml.* (compose)
    public static let yamlSyntax: DiagnosticID = "yaml.syntax"
    public static let yamlTabIndentation: DiagnosticID = "yaml.tab-indentation"
    public static let yamlAnchor: DiagnosticID = "yaml.anchor"
    public static let yamlAlias: DiagnosticID = "yaml.alias"
    public static let yamlTag: DiagnosticID = "yaml.tag"
    public static let yamlMergeKey: DiagnosticID = "yaml.merge-key"
    public static let yamlDuplicateKey: DiagnosticID = "yaml.duplicate-key"
    public static let yamlComplexKey: DiagnosticID = "yaml.complex-key"
    public static let yamlMultipleDocuments: DiagnosticID = "yaml.multiple-documents"
    public static let yamlEmptyFile: DiagnosticID = "yaml.empty-file"
    public static let yamlTooDeep: DiagnosticID = "yaml.too-deep"
    public static let yamlTooManyNodes: DiagnosticID = "yaml.too-many-nodes"
    public static let yamlTooManyErrors: DiagnosticID = "yaml.too-many-errors"
    public static let yamlFileTooLarge: DiagnosticID = "yaml.file-too-large"
    public static let yamlInvalidUTF8: DiagnosticID = "yaml.invalid-utf8"
    public static let yamlNulByte: DiagnosticID = "yaml.nul-byte"
}

extension DiagnosticID {
    // MARK: - syntax.* (decode)
    public static let syntaxUnknownDocumentKind: DiagnosticID = "syntax.unknown-document-kind"
    public static let syntaxUnknownKey: DiagnosticID = "syntax.unknown-key"
    public static let syntaxMissingKey: DiagnosticID = "syntax.missing-key"
    public static let syntaxTypeMismatch: DiagnosticID = "syntax.type-mismatch"
    public static let syntaxEmptyList: DiagnosticID = "syntax.empty-list"
    public static let syntaxInvalidIdentifier: DiagnosticID = "syntax.invalid-identifier"
    public static let syntaxInvalidValue: DiagnosticID = "syntax.invalid-value"
    public static let syntaxInvalidBoolean: DiagnosticID = "syntax.invalid-boolean"
    public static let syntaxInvalidNumber: DiagnosticID = "syntax.invalid-number"
    public static let syntaxOutOfRange: DiagnosticID = "syntax.out-of-range"
    public static let syntaxInvalidDuration: DiagnosticID = "syntax.invalid-duration"
    public static let syntaxInvalidCron: DiagnosticID = "syntax.invalid-cron"
    public static let syntaxUnknownTimeZone: DiagnosticID = "syntax.unknown-time-zone"
    public static let syntaxInvalidTableReference: DiagnosticID = "syntax.invalid-table-reference"
    public static let syntaxInvalidPath: DiagnosticID = "syntax.invalid-path"
    public static let syntaxStepAction: DiagnosticID = "syntax.step-action"
    public static let syntaxJoinKind: DiagnosticID = "syntax.join-kind"
    public static let syntaxMergeKey: DiagnosticID = "syntax.merge-key"
    public static let syntaxReservedParameter: DiagnosticID = "syntax.reserved-parameter"
    public static let syntaxColumnNameStyle: DiagnosticID = "syntax.column-name-style"
}

extension DiagnosticID {
    // MARK: - project.*, table.*, procedure.*, pipeline.* (check)
    public static let projectDuplicateName: DiagnosticID = "project.duplicate-name"
    public static let projectNoFiles: DiagnosticID = "project.no-files"
    public static let tableDuplicateColumn: DiagnosticID = "table.duplicate-column"
    public static let tableUnknownPartitionColumn: DiagnosticID = "table.unknown-partition-column"
    public static let tablePartitionType: DiagnosticID = "table.partition-type"
    public static let tableUnknownClusterColumn: DiagnosticID = "table.unknown-cluster-column"
    public static let tableClusterCount: DiagnosticID = "table.cluster-count"
    public static let tableClusterType: DiagnosticID = "table.cluster-type"
    public static let tableDuplicateFieldGroup: DiagnosticID = "table.duplicate-field-group"
    public static let procedureUnknownTable: DiagnosticID = "procedure.unknown-table"
    public static let procedureDuplicateAlias: DiagnosticID = "procedure.duplicate-alias"
    public static let pipelineDuplicateStep: DiagnosticID = "pipeline.duplicate-step"
    public static let pipelineUnknownStep: DiagnosticID = "pipeline.unknown-step"
    public static let pipelineCycle: DiagnosticID = "pipeline.cycle"
    public static let pipelineUnknownProcedure: DiagnosticID = "pipeline.unknown-procedure"
    public static let pipelineUnknownTable: DiagnosticID = "pipeline.unknown-table"
    public static let pipelineMissingArgument: DiagnosticID = "pipeline.missing-argument"
    public static let pipelineUnknownArgument: DiagnosticID = "pipeline.unknown-argument"
    public static let pipelineArgumentType: DiagnosticID = "pipeline.argument-type"
    public static let pipelineUnknownVariable: DiagnosticID = "pipeline.unknown-variable"
    public static let pipelineDuplicateDependency: DiagnosticID = "pipeline.duplicate-dependency"

    /// Every code with a one-line explanation (SARIF rule descriptions, Docs/DIAGNOSTICS.md, `cloudact explain`).
    public static let catalog: [DiagnosticID: String] = baseCatalog.merging(compilerCatalog) { a, _ in a }

    static let baseCatalog: [DiagnosticID: String] = [
        .yamlSyntax: "the file is not valid YAML (libyaml's problem and context are shown)",
        .yamlTabIndentation: "a tab character is used for indentation; YAML indents with spaces",
        .yamlAnchor: "anchors (&name) are not supported in definition files",
        .yamlAlias: "aliases (*name) are not supported in definition files",
        .yamlTag: "explicit tags (!!str, !custom) are not supported; types come from the schema",
        .yamlMergeKey: "merge keys (<<) are not supported",
        .yamlDuplicateKey: "a mapping has the same key twice",
        .yamlComplexKey: "a mapping key is a list or mapping instead of a plain string",
        .yamlMultipleDocuments: "a file holds more than one YAML document (---)",
        .yamlEmptyFile: "the file holds no definition",
        .yamlTooDeep: "nesting exceeds 64 levels",
        .yamlTooManyNodes: "the file has more YAML nodes than the front end accepts",
        .yamlTooManyErrors: "so many errors that composition stopped",
        .yamlFileTooLarge: "the file exceeds 4 MiB",
        .yamlInvalidUTF8: "the file is not valid UTF-8",
        .yamlNulByte: "the file contains a NUL byte",
        .syntaxUnknownDocumentKind: "the first key is not table, procedure or pipeline",
        .syntaxUnknownKey: "a key the language does not define",
        .syntaxMissingKey: "a required key is missing",
        .syntaxTypeMismatch: "a value has the wrong shape (scalar, list or mapping)",
        .syntaxEmptyList: "a list or mapping that needs items is empty",
        .syntaxInvalidIdentifier: "a name is not lower_snake_case (or FOCUS PascalCase where allowed)",
        .syntaxInvalidValue: "a value is not one of the allowed choices",
        .syntaxInvalidBoolean: "a boolean is not written true or false",
        .syntaxInvalidNumber: "a number is not a plain whole number",
        .syntaxOutOfRange: "a number or duration is outside its allowed range",
        .syntaxInvalidDuration: "a duration is not written like 30s, 10m or 2h",
        .syntaxInvalidCron: "a cron expression is malformed (the error points inside it)",
        .syntaxUnknownTimeZone: "a time zone is not in the IANA database",
        .syntaxInvalidTableReference: "a table reference is not 'table' or 'table alias'",
        .syntaxInvalidPath: "a path pattern uses a placeholder other than {org} and {date}",
        .syntaxStepAction: "a step has no action or more than one of load, call and check",
        .syntaxJoinKind: "a join does not have exactly one of left, inner, cross, or misuses 'on'",
        .syntaxMergeKey: "a merge write lacks 'key', or 'key' is used without merge",
        .syntaxReservedParameter: "a procedure declares a parameter the runtime always passes",
        .syntaxColumnNameStyle: "a FOCUS table has a non-FOCUS column whose name does not start with x_",
        .projectDuplicateName: "two definitions share a name",
        .projectNoFiles: "no definition files were found",
        .tableDuplicateColumn: "a column is defined twice, or clashes with a standard field group column",
        .tableUnknownPartitionColumn: "the partition column is not a column of the table",
        .tablePartitionType: "the partition column is not DATE or TIMESTAMP",
        .tableUnknownClusterColumn: "a clustering column is not a column of the table",
        .tableClusterCount: "more than four clustering columns",
        .tableClusterType: "a clustering column has a type BigQuery cannot cluster on",
        .tableDuplicateFieldGroup: "a field group is listed twice",
        .procedureUnknownTable: "a write reads or writes a table that is not defined",
        .procedureDuplicateAlias: "two tables in one write share an alias",
        .pipelineDuplicateStep: "two steps of a pipeline share an id",
        .pipelineUnknownStep: "'after' names a step that does not exist",
        .pipelineCycle: "steps depend on each other in a cycle",
        .pipelineUnknownProcedure: "a step calls a procedure that is not defined",
        .pipelineUnknownTable: "a step loads or checks a table that is not defined",
        .pipelineMissingArgument: "a call does not pass a parameter the procedure declares",
        .pipelineUnknownArgument: "a call passes an argument the procedure does not declare",
        .pipelineArgumentType: "an argument's literal does not fit the parameter's type",
        .pipelineUnknownVariable: "a $variable the runtime does not provide",
        .pipelineDuplicateDependency: "'after' lists the same step twice",
    ]
}

extension DiagnosticID {
    // MARK: - expr.*, write.* (expressions and writes)
    public static let exprSyntax: DiagnosticID = "expr.syntax"
    public static let exprUnknownColumn: DiagnosticID = "expr.unknown-column"
    public static let exprUnknownAlias: DiagnosticID = "expr.unknown-alias"
    public static let exprAmbiguousColumn: DiagnosticID = "expr.ambiguous-column"
    public static let exprUnknownParameter: DiagnosticID = "expr.unknown-parameter"
    public static let exprUnknownFunction: DiagnosticID = "expr.unknown-function"
    public static let exprArguments: DiagnosticID = "expr.arguments"
    public static let exprTypeMismatch: DiagnosticID = "expr.type-mismatch"
    public static let exprNotBoolean: DiagnosticID = "expr.not-boolean"
    public static let exprAggregateNotAllowed: DiagnosticID = "expr.aggregate-not-allowed"
    public static let exprNestedAggregate: DiagnosticID = "expr.nested-aggregate"
    public static let exprUngroupedColumn: DiagnosticID = "expr.ungrouped-column"
    public static let exprMisplacedDatePart: DiagnosticID = "expr.misplaced-date-part"
    public static let writeUnknownColumn: DiagnosticID = "write.unknown-column"
    public static let writeManagedColumn: DiagnosticID = "write.managed-column"
    public static let writeColumnType: DiagnosticID = "write.column-type"
    public static let writeMissingColumn: DiagnosticID = "write.missing-column"
    public static let writeMergeKey: DiagnosticID = "write.merge-key"
    public static let writeCheckSeverity: DiagnosticID = "write.check-severity"
    public static let writeNeedsLineage: DiagnosticID = "write.needs-lineage"
    public static let hierarchyTargetLacksFields: DiagnosticID = "hierarchy.target-lacks-fields"
    public static let hierarchyNotFilled: DiagnosticID = "hierarchy.not-filled"
    // MARK: - pruning.*, tenant.*, focus.* (passes)
    public static let pruningUnfilteredScan: DiagnosticID = "pruning.unfiltered-scan"
    public static let pruningUnboundedTarget: DiagnosticID = "pruning.unbounded-target"
    public static let tenantCentralWrite: DiagnosticID = "tenant.central-write"
    public static let tenantUnfilteredCentralRead: DiagnosticID = "tenant.unfiltered-central-read"
    public static let focusMissingMandatory: DiagnosticID = "focus.missing-mandatory"
    public static let focusInvalidValue: DiagnosticID = "focus.invalid-value"
    public static let focusUnprovenValue: DiagnosticID = "focus.unproven-value"

    /// Explanations of the expression, write and pass codes.
    static let compilerCatalog: [DiagnosticID: String] = [
        .exprSyntax: "an expression does not parse (the error points at the character)",
        .exprUnknownColumn: "an expression names a column no table in scope has",
        .exprUnknownAlias: "an expression qualifies a column with an alias that is not in scope",
        .exprAmbiguousColumn: "an unqualified column exists in more than one table in scope",
        .exprUnknownParameter: "an @parameter the procedure does not declare",
        .exprUnknownFunction: "a function the expression language does not have",
        .exprArguments: "a function gets the wrong number or types of arguments",
        .exprTypeMismatch: "operands of an operator have incompatible types",
        .exprNotBoolean: "a condition (where, on, having, expect) is not BOOL",
        .exprAggregateNotAllowed: "an aggregate where none is allowed (where, on, group_by)",
        .exprNestedAggregate: "an aggregate inside another aggregate",
        .exprUngroupedColumn: "a column in an aggregated select that is neither grouped nor aggregated",
        .exprMisplacedDatePart: "a date part or INTERVAL outside the function that takes it",
        .writeUnknownColumn: "a selected column the target table lacks",
        .writeManagedColumn: "a selected column the compiler writes itself (lineage, hierarchy)",
        .writeColumnType: "a selected expression's type does not fit the target column",
        .writeMissingColumn: "a required target column is not written",
        .writeMergeKey: "a merge key column is not a written target column",
        .writeCheckSeverity: "a procedure check with severity warning (procedure checks always fail the run)",
        .writeNeedsLineage: "a replace or merge into a table without the lineage fields",
        .hierarchyTargetLacksFields: "a write fills the hierarchy but the target has no hierarchy fields",
        .hierarchyNotFilled: "a target has hierarchy fields the write leaves NULL",
        .pruningUnfilteredScan: "a partitioned table is read without a filter on its partition column by a parameter",
        .pruningUnboundedTarget: "a replace or merge target's partition values are not bounded by parameters",
        .tenantCentralWrite: "a tenant procedure writes a central table",
        .tenantUnfilteredCentralRead: "a tenant procedure reads a multi-tenant central table without filtering on its org",
        .focusMissingMandatory: "a FOCUS 1.3 Mandatory column is not written",
        .focusInvalidValue: "a FOCUS enumerated column receives a value outside its allowed list",
        .focusUnprovenValue: "a FOCUS enumerated column receives a value that is not a literal or a choice of literals",
        .compileInvalidOption: "a compile option (org, env, project) is not a safe identifier",
    ]
}

extension DiagnosticID {
    public static let compileInvalidOption: DiagnosticID = "compile.invalid-option"
}
