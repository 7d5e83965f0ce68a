import ArgumentParser
import Foundation
import Runtime

/// `cloudact bench engine`: the embedded engine's benchmark (Docs/BENCHMARKS.md). Hidden: it is for
/// measuring in a release build, not for users.
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks (run in a release build).", shouldDisplay: false, subcommands: [Engine.self])

    struct Engine: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pricing + FOCUS conversion of N raw rows vs a plain INSERT … SELECT copy.")

        @Option(help: "Raw usage rows.") var rows: Int = 1_000_000
        @Option(help: "Accounts; the rows spread over accounts × 24 daily keys (≥ rows / 24: every row its own key).")
        var accounts: Int = 1_000
        @Option(help: "Scratch warehouse folder (deleted first).") var warehouse: String = "/tmp/cloudact-bench-engine"

        func validate() throws {
            guard rows > 0, accounts > 0 else { throw ValidationError("--rows and --accounts must be positive") }
        }

        func run() async throws {
            try? FileManager.default.removeItem(atPath: warehouse)
            let result = try await EngineBenchmark.run(files: try ProjectFiles.projectFiles(), rows: rows, accounts: accounts, folder: warehouse)
            writeStandardOutput(
                """
                rows: \(result.rows) raw records over \(accounts * 24) daily keys
                copy (INSERT INTO … SELECT): \(String(format: "%.3f", result.copySeconds)) s
                pricing (sp_genai_payg_price_usage): \(String(format: "%.3f", result.pricingSeconds)) s, \(result.costRows) rows
                FOCUS (sp_genai_payg_to_focus): \(String(format: "%.3f", result.focusSeconds)) s, \(result.focusRows) rows
                ratio (pricing + FOCUS) / copy: \(String(format: "%.2f", result.ratio))

                """)
        }
    }
}
