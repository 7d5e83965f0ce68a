internal import PipelineDSL

/// FOCUS 1.3: a write into a `standard: focus-1.3` table writes every Mandatory column
/// (`focus.missing-mandatory`, at `into`, listing them). Types are checked like any column
/// (`write.column-type`); enumerated values are checked where the select is resolved (`focus.invalid-value`,
/// `focus.unproven-value`), because that is where the literals' positions are known.
enum FOCUSRules {
    static func check(_ write: WriteIR, diagnostics: inout Diagnostics) {
        guard let standard = write.target.syntax.standard?.value else { return }
        let written = Set(write.query.select.map(\.column))
        let missing = FOCUSColumn.columns(of: standard).filter {
            ($0.level == .mandatory || $0.level == .mandatoryDeprecated) && !written.contains($0.name)
        }
        guard !missing.isEmpty else { return }
        let names = missing.map(\.name)
        diagnostics.error(
            .focusMissingMandatory,
            "FOCUS 1.3 Mandatory column\(names.count == 1 ? "" : "s") not written: \(names.joined(separator: ", "))",
            at: write.intoRange, hint: "every row of a FOCUS table carries these; write NULL only where the column is nullable")
    }
}
