internal import PipelineDSL

/// A procedure's writes name defined tables (`into`, `from`, joins), aliases within a write are unique, and
/// parameters are declared once.
///
/// Diagnostics: `procedure.unknown-table`, `procedure.duplicate-alias`, `procedure.duplicate-parameter`.
enum ProcedureTablesMustExist: CheckRule {
    static func check(_ context: CheckContext, diagnostics: inout Diagnostics) {
        let known = Array(context.tables.keys).sorted()
        for procedure in context.project.procedures {
            var parameters: [String: SourceRange] = [:]
            for parameter in procedure.parameters {
                if let first = parameters[parameter.name.value] {
                    diagnostics.append(.duplicateParameter(parameter.name, first: first))
                } else {
                    parameters[parameter.name.value] = parameter.name.range
                }
            }
            for write in procedure.writes {
                checkTable(write.into, context: context, known: known, diagnostics: &diagnostics)
                var aliases: [String: SourceRange] = [:]
                let references = [write.from] + write.joins.map(\.table)
                for reference in references {
                    checkTable(reference.table, context: context, known: known, diagnostics: &diagnostics)
                    let alias = reference.alias ?? reference.table
                    if let first = aliases[alias.value] {
                        diagnostics.append(.duplicateAlias(alias, first: first))
                    } else {
                        aliases[alias.value] = alias.range
                    }
                }
            }
        }
    }

    static func checkTable(
        _ name: Located<String>, context: CheckContext, known: [String], diagnostics: inout Diagnostics
    ) {
        guard context.tables[name.value] == nil else { return }
        diagnostics.append(.unknownTable(name, known: known))
    }
}

extension Diagnostic {
    fileprivate static func unknownTable(_ name: Located<String>, known: [String]) -> Diagnostic {
        .error(
            .procedureUnknownTable, "unknown table '\(name.value)'", at: name.range,
            hint: Suggestions.hint(for: name.value, among: known) ?? "define it in tables/\(name.value).yaml")
    }

    fileprivate static func duplicateAlias(_ alias: Located<String>, first: SourceRange) -> Diagnostic {
        .error(
            .procedureDuplicateAlias, "alias '\(alias.value)' is used twice in one write", at: alias.range,
            notes: [.init("first used here", at: first)], hint: "give each table of a write its own alias")
    }

    fileprivate static func duplicateParameter(_ name: Located<String>, first: SourceRange) -> Diagnostic {
        .error(
            .procedureDuplicateParameter, "parameter '\(name.value)' is declared twice", at: name.range,
            notes: [.init("first declared here", at: first)])
    }
}
