internal import PipelineDSL

/// A table's columns are unique (declared columns may not clash with standard or group columns), its
/// partition column exists and is DATE or TIMESTAMP, and it clusters on at most four existing columns of
/// clusterable types (BigQuery's rules).
///
/// Diagnostics: `table.duplicate-column`, `table.duplicate-field-group`, `table.unknown-partition-column`,
/// `table.partition-type`, `table.unknown-cluster-column`, `table.cluster-count`, `table.cluster-type`.
enum TableColumnsMustBeValid: CheckRule {
    static func check(_ context: CheckContext, diagnostics: inout Diagnostics) {
        for table in context.project.tables {
            let definition = TableDefinition(syntax: table, columns: CheckContext.columns(of: table))
            checkDuplicates(definition, diagnostics: &diagnostics)
            checkPartition(definition, diagnostics: &diagnostics)
            checkCluster(definition, diagnostics: &diagnostics)
        }
    }

    static func checkDuplicates(_ table: TableDefinition, diagnostics: inout Diagnostics) {
        var seenGroups: [FieldGroup: SourceRange] = [:]
        for group in table.syntax.fieldGroups {
            if let first = seenGroups[group.value] {
                diagnostics.append(.duplicateGroup(group, first: first))
            } else {
                seenGroups[group.value] = group.range
            }
        }
        var seen: [String: ColumnDefinition] = [:]
        // Standard and group columns are fixed; a declared column that repeats one is the user's to rename.
        for column in table.columns {
            if let first = seen[column.name] {
                if case .declared(let range) = column.origin {
                    diagnostics.append(.duplicateColumn(column.name, at: range, first: first))
                } else if case .declared(let range) = first.origin {
                    diagnostics.append(.duplicateColumn(column.name, at: range, first: column))
                }
            } else {
                seen[column.name] = column
            }
        }
    }

    static func checkPartition(_ table: TableDefinition, diagnostics: inout Diagnostics) {
        guard let partition = table.syntax.partition else { return }
        guard let column = table.column(partition.value) else {
            diagnostics.append(.unknownColumn(partition, role: "partition", in: table))
            return
        }
        if column.type != .date && column.type != .timestamp {
            diagnostics.append(
                .error(
                    .tablePartitionType,
                    "partition column '\(partition.value)' is \(column.type.rawValue); it must be DATE or TIMESTAMP",
                    at: partition.range, hint: "partition by the row's usage or cost date"))
        }
    }

    static func checkCluster(_ table: TableDefinition, diagnostics: inout Diagnostics) {
        if table.syntax.cluster.count > 4 {
            diagnostics.append(
                .error(
                    .tableClusterCount, "BigQuery clusters on at most 4 columns; found \(table.syntax.cluster.count)",
                    at: table.syntax.cluster[4].range, hint: "keep the four most selective filter columns"))
        }
        for name in table.syntax.cluster {
            guard let column = table.column(name.value) else {
                diagnostics.append(.unknownColumn(name, role: "clustering", in: table))
                continue
            }
            if column.type == .float64 || column.type == .json {
                diagnostics.append(
                    .error(
                        .tableClusterType, "cannot cluster on '\(name.value)': BigQuery does not cluster on \(column.type.rawValue)",
                        at: name.range))
            }
        }
    }
}

extension Diagnostic {
    fileprivate static func duplicateGroup(_ group: Located<FieldGroup>, first: SourceRange) -> Diagnostic {
        .error(
            .tableDuplicateFieldGroup, "field group '\(group.value.rawValue)' is listed twice", at: group.range,
            notes: [.init("first listed here", at: first)])
    }

    fileprivate static func duplicateColumn(_ name: String, at range: SourceRange, first: ColumnDefinition) -> Diagnostic {
        let note: Note
        switch first.origin {
        case .declared(let firstRange): note = .init("first defined here", at: firstRange)
        case .standard(let standard): note = .init("'\(name)' is a column of the \(standard.rawValue) standard")
        case .group(let group): note = .init("'\(name)' is added by the '\(group.rawValue)' field group")
        }
        return .error(.tableDuplicateColumn, "column '\(name)' is defined twice", at: range, notes: [note])
    }

    fileprivate static func unknownColumn(_ name: Located<String>, role: String, in table: TableDefinition) -> Diagnostic {
        .error(
            role == "partition" ? .tableUnknownPartitionColumn : .tableUnknownClusterColumn,
            "\(role) column '\(name.value)' is not a column of table '\(table.name)'", at: name.range,
            hint: Suggestions.hint(for: name.value, among: table.columns.map(\.name)))
    }
}
