import ArgumentParser
import Foundation
import PipelineDSL
import Runtime

struct Samples: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write deterministic provider-shaped sample inputs.")

    @Option(help: "Tenant org slug.") var org: String
    @Option(help: "First date.") var from: String
    @Option(help: "Last date (inclusive).") var to: String
    @Option(help: "Folder that receives samples/…") var out: String = "."

    func run() throws {
        let files = try SampleGenerator(org: org).write(to: out, from: from, to: to)
        writeStandardError("wrote \(files.count) files\n")
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a month of samples for 'acme', run every pipeline locally, and print a cost summary.")

    @Option(help: "Tenant org slug.") var org: String = "acme"
    @Option(help: "First date.") var from: String = "2026-10-01"
    @Option(help: "Last date (inclusive).") var to: String = "2026-10-31"
    @Option(help: "The warehouse folder.") var warehouse: String = "warehouse"

    func run() async throws {
        let files = try ProjectFiles.projectFiles()
        let summary: Runtime.Demo.Summary
        do {
            summary = try await Runtime.Demo.run(
                files: files, org: org, from: from, to: to, root: ".", warehouseFolder: warehouse
            ) { line in writeStandardError(line + "\n") }
        } catch let failed as BuildFailed {
            writeStandardError(DiagnosticFormatter(files: failed.files).human(failed.diagnostics))
            throw ExitCode(1)
        }
        func table(_ title: String, _ lines: [Runtime.Demo.Line]) {
            writeStandardOutput("\n\(title)\n")
            let width = max(10, lines.map(\.label.count).max() ?? 0)
            for line in lines {
                let label = line.label.padding(toLength: width, withPad: " ", startingAt: 0)
                writeStandardOutput("  \(label)  \(String(format: "%14.2f", line.cost)) USD\n")
            }
            writeStandardOutput("  \("total".padding(toLength: width, withPad: " ", startingAt: 0))  \(String(format: "%14.2f", lines.reduce(0) { $0 + $1.cost })) USD\n")
        }
        writeStandardOutput("\(summary.runs) runs, \(summary.failedRuns) not completed; FOCUS 1.3 BilledCost for \(org), \(from) to \(to):\n")
        table("by provider", summary.byProvider)
        table("by service category", summary.byServiceCategory)
        table("by hierarchy path", summary.byHierarchyPath)
        if summary.failedRuns > 0 { throw ExitCode(1) }
    }
}
