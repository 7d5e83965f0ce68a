internal import PipelineDSL

/// The definitions of a project after decoding, gathered for the check rules.
struct ProjectSyntax {
    var tables: [TableSyntax] = []
    var procedures: [ProcedureSyntax] = []
    var pipelines: [PipelineSyntax] = []
    /// Files read only for context; when a name is defined twice, the definition in a reported file is the
    /// one flagged.
    var contextFiles: Set<String> = []
}

/// A check rule: looks at the project, reports diagnostics. Rules do not depend on each other's results
/// except through ``CheckContext``'s lookups, so any subset can run.
protocol CheckRule {
    /// Runs the rule.
    static func check(_ context: CheckContext, diagnostics: inout Diagnostics)
}

/// What every rule can look up.
struct CheckContext {
    let project: ProjectSyntax
    /// The first table of each name (duplicates are reported by `NamesMustBeUnique`).
    let tables: [String: TableDefinition]
    let procedures: [String: ProcedureSyntax]
    /// Source files by path, for positions inside expressions.
    let files: [String: SourceFile]

    /// Names that files which failed to decode probably define. A reference to one is not reported as unknown:
    /// that would only repeat the broken file's own errors.
    let undecodedNames: Set<String>

    init(project: ProjectSyntax, files: [String: SourceFile] = [:], undecodedNames: Set<String> = []) {
        self.project = project
        self.files = files
        self.undecodedNames = undecodedNames
        var tables: [String: TableDefinition] = [:]
        for table in project.tables where tables[table.name.value] == nil {
            tables[table.name.value] = TableDefinition(syntax: table, columns: Self.columns(of: table))
        }
        self.tables = tables
        var procedures: [String: ProcedureSyntax] = [:]
        for procedure in project.procedures where procedures[procedure.name.value] == nil {
            procedures[procedure.name.value] = procedure
        }
        self.procedures = procedures
    }

    /// A table's full column list: the standard's columns, the declared ones, then field groups in the
    /// language's fixed order (lineage, hierarchy, provider groups) whatever order `fields` lists them in.
    static func columns(of table: TableSyntax) -> [ColumnDefinition] {
        var columns: [ColumnDefinition] = []
        if let standard = table.standard?.value {
            for column in FOCUSColumn.columns(of: standard) {
                columns.append(
                    ColumnDefinition(
                        name: column.name, type: column.type,
                        // Only Mandatory non-nullable columns are NOT NULL: a Conditional column that does not apply
                        // to a row stays NULL even where the specification forbids null "when present".
                        isRequired: !column.isNullable && (column.level == .mandatory || column.level == .mandatoryDeprecated),
                        origin: .standard(standard)))
            }
        }
        for column in table.columns {
            columns.append(
                ColumnDefinition(
                    name: column.name.value, type: column.type.value, isRequired: column.isRequired?.value ?? false,
                    origin: .declared(column.name.range)))
        }
        let listed = Set(table.fieldGroups.map(\.value))
        for group in FieldGroup.allCases where listed.contains(group) {
            for column in group.columns {
                columns.append(
                    ColumnDefinition(name: column.name, type: column.type, isRequired: column.required, origin: .group(group)))
            }
        }
        return columns
    }
}
