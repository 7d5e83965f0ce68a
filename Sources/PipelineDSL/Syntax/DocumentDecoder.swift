extension DocumentSyntax {
    /// Decodes a composed document into typed syntax, reporting every error of the file.
    ///
    /// - Returns: the syntax, or nil if the file had decode errors (then `diagnostics` has at least one error).
    public static func decode(
        _ document: YAMLDocument, options: DecodeOptions = DecodeOptions(), diagnostics: inout Diagnostics
    ) -> DocumentSyntax? {
        var context = DecodeContext(file: document.file, options: options)
        let result = context.document(document.root)
        diagnostics.append(contentsOf: context.diagnostics)
        if context.diagnostics.hasErrors { return nil }
        if result == nil {
            // Every path that returns nil reports an error; this keeps the contract even if one forgets.
            diagnostics.error(.syntaxTypeMismatch, "the file could not be decoded", at: document.root.range)
        }
        return result
    }

    /// Composes and decodes one file.
    public static func parse(
        _ file: SourceFile, options: DecodeOptions = DecodeOptions(), diagnostics: inout Diagnostics
    ) -> DocumentSyntax? {
        var composeDiagnostics = Diagnostics()
        let document = YAMLComposer().compose(file, diagnostics: &composeDiagnostics)
        diagnostics.append(contentsOf: composeDiagnostics)
        // A composition error stops here: decoding a tree with stand-ins (for aliases, complex keys) or cut short
        // by a syntax error would only add echoes of the same problem.
        guard let document, !composeDiagnostics.hasErrors else { return nil }
        return decode(document, options: options, diagnostics: &diagnostics)
    }
}

extension DecodeContext {
    mutating func document(_ root: YAMLNode) -> DocumentSyntax? {
        guard case .mapping(let mapping) = root else {
            diagnostics.error(
                .syntaxUnknownDocumentKind,
                "expected a mapping starting with 'table:', 'procedure:' or 'pipeline:', found \(root.kindDescription)",
                at: root.range)
            return nil
        }
        guard let first = mapping.entries.first else {
            diagnostics.error(
                .syntaxUnknownDocumentKind, "empty mapping; a definition starts with 'table:', 'procedure:' or 'pipeline:'",
                at: mapping.range)
            return nil
        }
        switch first.key.value {
        case "table": return table(root).map(DocumentSyntax.table)
        case "procedure": return procedure(root).map(DocumentSyntax.procedure)
        case "pipeline": return pipeline(root).map(DocumentSyntax.pipeline)
        default:
            let kinds = LanguageSchema.documents.map(\.key)
            let elsewhere = mapping.entries.first { kinds.contains($0.key.value) }
            diagnostics.error(
                .syntaxUnknownDocumentKind,
                "'\(first.key.value)' does not start a definition; the first key must be 'table', 'procedure' or 'pipeline'",
                at: first.key.range,
                hint: elsewhere.map { "move '\($0.key.value):' to the top of the file" }
                    ?? Suggestions.hint(for: first.key.value, among: kinds))
            return nil
        }
    }

    // MARK: - Tables

    mutating func table(_ root: YAMLNode) -> TableSyntax? {
        guard let fields = object(root, LanguageSchema.table) else { return nil }
        let name = fields["table"].flatMap { identifier($0, what: "table name") }
        let standard: Located<TableStandard>? = fields["standard"].flatMap { enumeration($0, what: "standard") }
        let allowFOCUS = standard?.value == .focus13
        var columns: [TableSyntax.Column] = []
        if let node = fields["columns"], let entries = entries(node, what: "columns") {
            if entries.isEmpty {
                diagnostics.error(.syntaxEmptyList, "the table has no columns", at: node.range)
            }
            for entry in entries {
                if let column = column(entry, allowFOCUS: allowFOCUS) { columns.append(column) }
            }
        }
        var cluster: [Located<String>] = []
        if let node = fields["cluster"], let items = list(node, what: "clustering columns") {
            for item in items {
                if let scalar = scalar(item, expected: "a column name"), let name = columnName(scalar, allowFOCUS: allowFOCUS) {
                    cluster.append(name)
                }
            }
        }
        var groups: [Located<FieldGroup>] = []
        if let node = fields["fields"], let items = list(node, what: "field groups") {
            for item in items {
                if let group: Located<FieldGroup> = enumeration(item, what: "field group") { groups.append(group) }
            }
        }
        var expiration: Located<Int>?
        var requireFilter: Located<Bool>?
        if let node = fields["options"], let options = object(node, LanguageSchema.tableOptions) {
            expiration = options["partition_expiration_days"].flatMap { integer($0, min: 1, max: 36_500) }
            requireFilter = options["require_partition_filter"].flatMap { bool($0) }
        }
        let partition = fields["partition"].flatMap { node in
            scalar(node, expected: "a column name").flatMap { columnName($0, allowFOCUS: allowFOCUS) }
        }
        guard let name else { return nil }
        return TableSyntax(
            name: name,
            description: fields["description"].flatMap { text($0) },
            scope: fields["scope"].flatMap { enumeration($0, what: "scope") },
            standard: standard,
            partition: partition,
            cluster: cluster,
            fieldGroups: groups,
            columns: columns,
            partitionExpirationDays: expiration,
            requirePartitionFilter: requireFilter,
            range: root.range)
    }

    mutating func column(_ entry: YAMLMapping.Entry, allowFOCUS: Bool) -> TableSyntax.Column? {
        let name = columnName(entry.key, allowFOCUS: allowFOCUS)
        if allowFOCUS, let name, name.value.first?.isLowercase == true, !name.value.hasPrefix("x_") {
            diagnostics.error(
                .syntaxColumnNameStyle,
                "column '\(name.value)' of a FOCUS table must be a FOCUS column (PascalCase) or start with 'x_'",
                at: entry.key.range, hint: "rename it to 'x_\(name.value)'")
        }
        // Shorthand `name: TYPE` or full `name: { type: TYPE, required: true }`.
        if case .scalar = entry.value {
            guard let type: Located<ColumnType> = enumeration(entry.value, what: "column type") else { return nil }
            guard let name else { return nil }
            return TableSyntax.Column(name: name, type: type, isRequired: nil, description: nil)
        }
        guard let fields = object(entry.value, LanguageSchema.column) else { return nil }
        let type: Located<ColumnType>? = fields["type"].flatMap { enumeration($0, what: "column type") }
        let required = fields["required"].flatMap { bool($0) }
        let description = fields["description"].flatMap { text($0) }
        guard let name, let type else { return nil }
        return TableSyntax.Column(name: name, type: type, isRequired: required, description: description)
    }

    // MARK: - Procedures

    mutating func procedure(_ root: YAMLNode) -> ProcedureSyntax? {
        guard let fields = object(root, LanguageSchema.procedure) else { return nil }
        let name = fields["procedure"].flatMap { identifier($0, what: "procedure name") }
        var parameters: [ProcedureSyntax.Parameter] = []
        if let node = fields["params"], let entries = entries(node, what: "parameters") {
            for entry in entries {
                let paramName = checkIdentifier(entry.key.value, scalar: entry.key, offset: 0, what: "parameter name")
                if let paramName, implicitParameterNames.contains(paramName) {
                    diagnostics.error(
                        .syntaxReservedParameter,
                        "'\(paramName)' is passed to every procedure by the runtime; do not declare it",
                        at: entry.key.range, hint: "use @\(paramName) directly")
                    continue
                }
                let type: Located<ColumnType>? = enumeration(entry.value, what: "parameter type")
                if let paramName, let type {
                    parameters.append(.init(name: Located(paramName, at: entry.key.range), type: type))
                }
            }
        }
        var writes: [ProcedureSyntax.Write] = []
        if let node = fields["writes"], let items = list(node, what: "writes") {
            for item in items {
                if let write = write(item) { writes.append(write) }
            }
        }
        guard let name else { return nil }
        return ProcedureSyntax(
            name: name, description: fields["description"].flatMap { text($0) }, parameters: parameters,
            writes: writes, range: root.range)
    }

    mutating func write(_ node: YAMLNode) -> ProcedureSyntax.Write? {
        guard let fields = object(node, LanguageSchema.write) else { return nil }
        let into = fields["into"].flatMap { identifier($0, what: "table name") }
        let mode: Located<WriteMode>? = fields["mode"].flatMap { enumeration($0, what: "write mode") }
        var key: [Located<String>] = []
        if let keyNode = fields["key"], let items = list(keyNode, what: "key columns") {
            for item in items {
                if let scalar = scalar(item, expected: "a column name"), let name = columnName(scalar, allowFOCUS: true) {
                    key.append(name)
                }
            }
        }
        if mode?.value == .merge, fields["key"] == nil {
            diagnostics.error(
                .syntaxMergeKey, "a merge write needs a 'key'", at: mode!.range,
                hint: "add 'key: [column, …]': the columns that identify a row")
        }
        if let keyNode = fields["key"], mode?.value != .merge {
            diagnostics.error(
                .syntaxMergeKey, "'key' is only used with 'mode: merge'", at: fields.key("key")?.range ?? keyNode.range,
                hint: "add 'mode: merge', or remove 'key'")
        }
        let from = fields["from"].flatMap { tableReference($0) }
        var days: ProcedureSyntax.DaySpine?
        if let daysNode = fields["days"], let spine = object(daysNode, LanguageSchema.daySpine) {
            let start = spine["from"].flatMap { expression($0) }
            let end = spine["to"].flatMap { expression($0) }
            let name = spine["as"].flatMap { identifier($0, what: "column name") }
            if let start, let end, let name { days = .init(from: start, to: end, name: name) }
        }
        var joins: [ProcedureSyntax.Join] = []
        if let joinNode = fields["join"], let items = list(joinNode, what: "joins") {
            for item in items {
                if let join = join(item) { joins.append(join) }
            }
        }
        var withColumns: [ProcedureSyntax.NamedExpression] = []
        if let node = fields["with_columns"], let entries = entries(node, what: "named expressions") {
            for entry in entries {
                let name = checkIdentifier(entry.key.value, scalar: entry.key, offset: 0, what: "name")
                if let name, let expression = expression(entry.value) {
                    withColumns.append(.init(name: Located(name, at: entry.key.range), expression: expression))
                }
            }
        }
        var groupBy: [ExpressionSource] = []
        if let node = fields["group_by"], let items = list(node, what: "grouping expressions") {
            groupBy = items.compactMap { expression($0) }
        }
        var select: [ProcedureSyntax.NamedExpression] = []
        if let node = fields["select"], let entries = entries(node, what: "selected columns") {
            if entries.isEmpty { diagnostics.error(.syntaxEmptyList, "'select' is empty", at: node.range) }
            for entry in entries {
                let name = columnName(entry.key, allowFOCUS: true)
                if let name, let expression = expression(entry.value) {
                    select.append(.init(name: name, expression: expression))
                }
            }
        }
        var hierarchyEntity: ExpressionSource?
        if let node = fields["hierarchy"], let hierarchy = object(node, LanguageSchema.hierarchyFill) {
            hierarchyEntity = hierarchy["entity_id"].flatMap { expression($0) }
        }
        var checks: [ExpectationSyntax] = []
        if let node = fields["checks"], let items = list(node, what: "checks") {
            checks = items.compactMap { expectation($0) }
        }
        let filter = fields["where"].flatMap { expression($0) }
        let having = fields["having"].flatMap { expression($0) }
        guard let into, let from else { return nil }
        return ProcedureSyntax.Write(
            into: into, mode: mode, key: key, from: from, days: days, joins: joins, filter: filter,
            withColumns: withColumns, groupBy: groupBy, having: having, select: select,
            hierarchyEntityID: hierarchyEntity, checks: checks, range: node.range)
    }

    mutating func join(_ node: YAMLNode) -> ProcedureSyntax.Join? {
        guard let fields = object(node, LanguageSchema.join) else { return nil }
        let kinds: [ProcedureSyntax.Join.Kind] = [.left, .inner, .cross]
        let present = kinds.filter { fields.has($0.rawValue) }
        guard let kind = present.first else {
            diagnostics.error(
                .syntaxJoinKind, "a join needs one of 'left', 'inner' or 'cross'", at: node.range,
                hint: "for example: - left: genai_payg_pricing p")
            return nil
        }
        if present.count > 1, let second = fields.key(present[1].rawValue) {
            diagnostics.error(
                .syntaxJoinKind, "a join has exactly one of 'left', 'inner' or 'cross'; found '\(kind.rawValue)' and '\(present[1].rawValue)'",
                at: second.range, hint: "split it into two joins")
            return nil
        }
        let on = fields["on"].flatMap { expression($0) }
        if kind == .cross, let onKey = fields.key("on") {
            diagnostics.error(.syntaxJoinKind, "a cross join takes no 'on'", at: onKey.range, hint: "use 'inner' with 'on', or remove 'on'")
        }
        if kind != .cross, fields["on"] == nil, let kindKey = fields.key(kind.rawValue) {
            diagnostics.error(.syntaxJoinKind, "a \(kind.rawValue) join needs 'on'", at: kindKey.range,
                hint: "add 'on: <condition>', or use 'cross'")
        }
        guard let kindKey = fields.key(kind.rawValue), let table = fields[kind.rawValue].flatMap({ tableReference($0) })
        else { return nil }
        return ProcedureSyntax.Join(kind: Located(kind, at: kindKey.range), table: table, on: on)
    }

    mutating func expectation(_ node: YAMLNode) -> ExpectationSyntax? {
        guard let fields = object(node, LanguageSchema.expectation) else { return nil }
        let expect = fields["expect"].flatMap { expression($0) }
        let message = fields["message"].flatMap { text($0) }
        let severity: Located<ExpectationSeverity>? = fields["severity"].flatMap { enumeration($0, what: "severity") }
        guard let expect, let message else { return nil }
        return ExpectationSyntax(expect: expect, message: message, severity: severity)
    }

    // MARK: - Pipelines

    mutating func pipeline(_ root: YAMLNode) -> PipelineSyntax? {
        guard let fields = object(root, LanguageSchema.pipeline) else { return nil }
        let id = fields["pipeline"].flatMap { identifier($0, what: "pipeline id") }
        let name = fields["name"].flatMap { text($0) }
        var schedule: PipelineSyntax.Schedule?
        if let node = fields["schedule"], let scheduleFields = object(node, LanguageSchema.schedule) {
            let expression = scheduleFields["cron"].flatMap { self.cron($0) }
            let zone = scheduleFields["timezone"].flatMap { timeZone($0) }
            if let expression { schedule = .init(cron: expression, timeZone: zone) }
        }
        var steps: [PipelineSyntax.Step] = []
        if let node = fields["steps"], let items = list(node, what: "steps") {
            for item in items {
                if let step = step(item) { steps.append(step) }
            }
        }
        let pipeline = PipelineSyntax(
            id: id ?? Located("", at: root.range),
            name: name ?? Located("", at: root.range),
            description: fields["description"].flatMap { text($0) },
            category: fields["category"].flatMap { category($0) },
            provider: fields["provider"].flatMap { identifier($0, what: "provider") },
            schedule: schedule,
            timeout: fields["timeout"].flatMap { duration($0) },
            steps: steps,
            range: root.range)
        guard id != nil, name != nil else { return nil }
        return pipeline
    }

    mutating func step(_ node: YAMLNode) -> PipelineSyntax.Step? {
        guard let fields = object(node, LanguageSchema.step) else { return nil }
        let id = fields["id"].flatMap { identifier($0, what: "step id") }
        // In the order written, so "found X and Y" points at the later one.
        let actionKeys = fields.mapping.entries.map(\.key.value).filter { ["load", "call", "check"].contains($0) }
        var action: PipelineSyntax.Action?
        if actionKeys.isEmpty {
            diagnostics.error(
                .syntaxStepAction, "step\(id.map { " '\($0.value)'" } ?? "") does nothing; add one of 'load', 'call' or 'check'",
                at: id?.range ?? node.range)
        } else if actionKeys.count > 1, let second = fields.key(actionKeys[1]) {
            diagnostics.error(
                .syntaxStepAction, "a step does one thing; found '\(actionKeys[0])' and '\(actionKeys[1])'",
                at: second.range, hint: "split it into two steps and order them with 'after'")
        } else if let loadNode = fields["load"] {
            if let load = object(loadNode, LanguageSchema.load) {
                let source = load["source"].flatMap { identifier($0, what: "source") }
                let into = load["into"].flatMap { identifier($0, what: "table name") }
                let path = load["path"].flatMap { pathPattern($0) }
                let format: Located<LoadFormat>? = load["format"].flatMap { enumeration($0, what: "format") }
                if let source, let into { action = .load(.init(source: source, into: into, path: path, format: format)) }
            }
        } else if let callNode = fields["call"] {
            let procedure = identifier(callNode, what: "procedure name")
            var arguments: [PipelineSyntax.Argument] = []
            if let withNode = fields["with"], let entries = entries(withNode, what: "arguments") {
                for entry in entries {
                    let name = checkIdentifier(entry.key.value, scalar: entry.key, offset: 0, what: "parameter name")
                    if let name, let value = scalar(entry.value, expected: "a value ($date, a literal)") {
                        arguments.append(.init(name: Located(name, at: entry.key.range), value: value))
                    }
                }
            }
            if let procedure { action = .call(procedure: procedure, arguments: arguments) }
        } else if let checkNode = fields["check"], let check = object(checkNode, LanguageSchema.checkStep) {
            let table = check["table"].flatMap { identifier($0, what: "table name") }
            let filter = check["where"].flatMap { expression($0) }
            var expectations: [ExpectationSyntax] = []
            if let expectNode = check["expect"], let items = list(expectNode, what: "expectations") {
                expectations = items.compactMap { expectation($0) }
            }
            if let table { action = .check(.init(table: table, filter: filter, expectations: expectations)) }
        }
        if let withKey = fields.key("with"), !fields.has("call") {
            diagnostics.error(.syntaxStepAction, "'with' passes arguments to 'call'; this step has no 'call'", at: withKey.range)
        }
        var after: [Located<String>] = []
        if let node = fields["after"], let items = list(node, what: "step ids") {
            after = items.compactMap { identifier($0, what: "step id") }
        }
        var retry: PipelineSyntax.Retry?
        if let node = fields["retry"], let retryFields = object(node, LanguageSchema.retry) {
            let attempts = retryFields["attempts"].flatMap { integer($0, min: 1, max: 10) }
            let backoff = retryFields["backoff"].flatMap { duration($0) }
            if let attempts { retry = .init(attempts: attempts, backoff: backoff) }
        }
        let timeout = fields["timeout"].flatMap { duration($0) }
        let onFailure: Located<FailurePolicy>? = fields["on_failure"].flatMap { enumeration($0, what: "failure policy") }
        guard let id, let action else { return nil }
        return PipelineSyntax.Step(
            id: id, name: fields["name"].flatMap { text($0) }, action: action, after: after, retry: retry,
            timeout: timeout, onFailure: onFailure, range: node.range)
    }
}
