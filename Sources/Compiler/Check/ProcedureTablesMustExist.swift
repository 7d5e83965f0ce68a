internal import PipelineDSL

/// A procedure's writes name defined tables (`into`, `from`, joins) and aliases within a write are unique.
/// (A parameter declared twice is a duplicate YAML key, reported by the composer.)
///
/// Diagnostics: `procedure.unknown-table`, `procedure.duplicate-alias`.
enum ProcedureTablesMustExist: CheckRule {
    static func check(_ context: CheckContext, diagnostics: inout Diagnostics) {
        let known = Array(context.tables.keys).sorted()
        for procedure in context.project.procedures {
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
        guard context.tables[name.value] == nil, !context.undecodedNames.contains(name.value) else { return }
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

}
