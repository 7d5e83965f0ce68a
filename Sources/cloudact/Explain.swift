import ArgumentParser
import PipelineDSL

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Explain a diagnostic code, or list them all.")

    @Argument(help: "A diagnostic code such as yaml.duplicate-key; omit to list every code.")
    var code: String?

    func run() throws {
        if let code {
            guard let text = DiagnosticID.catalog[DiagnosticID(rawValue: code)] else {
                writeStandardError("error: unknown diagnostic code '\(code)'\n")
                throw Exit.usage
            }
            print("\(code): \(text)")
            return
        }
        for (id, text) in DiagnosticID.catalog.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            print("\(id.rawValue): \(text)")
        }
    }
}
