internal import PipelineDSL

/// Every table, procedure and pipeline name is unique across the project: they share one namespace, because
/// tables and procedures are deployed side by side in the same dataset and pipelines are addressed by id.
///
/// Diagnostic: `project.duplicate-name` at the second definition, with a note at the first.
enum NamesMustBeUnique: CheckRule {
    static func check(_ context: CheckContext, diagnostics: inout Diagnostics) {
        var seen: [String: (kind: String, range: SourceRange)] = [:]
        let definitions: [(String, Located<String>)] =
            context.project.tables.map { ("table", $0.name) } + context.project.procedures.map { ("procedure", $0.name) }
            + context.project.pipelines.map { ("pipeline", $0.id) }
        // Report in file order (context files first), so the "first" definition is the earliest one.
        let contextFiles = context.project.contextFiles
        func key(_ name: Located<String>) -> (Int, String, SourcePosition) {
            (contextFiles.contains(name.range.file) ? 0 : 1, name.range.file, name.range.start)
        }
        for (kind, name) in definitions.sorted(by: { key($0.1) < key($1.1) }) {
            if let first = seen[name.value] {
                diagnostics.append(.duplicateName(name, kind: kind, first: first))
            } else {
                seen[name.value] = (kind, name.range)
            }
        }
    }
}

extension Diagnostic {
    fileprivate static func duplicateName(
        _ name: Located<String>, kind: String, first: (kind: String, range: SourceRange)
    ) -> Diagnostic {
        .error(
            .projectDuplicateName,
            "\(kind) '\(name.value)' is already defined as a \(first.kind)", at: name.range,
            notes: [.init("first defined here", at: first.range)],
            hint: "tables, procedures and pipelines share one namespace; rename one of them")
    }
}
