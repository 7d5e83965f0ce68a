import ArgumentParser
import Foundation
import Runtime

struct Runs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List runs from the run ledger, or show one run's steps and transitions.",
        subcommands: [List.self, Show.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List runs, newest first.")

        @Option(help: "Only this org.") var org: String?
        @Option(help: "Only this status (COMPLETED, FAILED, TIMEOUT, CANCELLED, RUNNING).") var status: String?
        @Option(help: "The warehouse folder.") var warehouse: String = "warehouse"
        @Option(help: "How many.") var limit: Int = 50

        func run() async throws {
            let history = RunHistory(warehouse: try LocalWarehouse(folder: warehouse))
            for run in try await history.runs(org: org, status: status, limit: limit) {
                var line = "\(run.runID.prefix(8))  \(run.createdAt.prefix(19))  \(run.org)  \(run.pipeline)  \(run.date)  \(run.status)"
                if let ms = run.durationMilliseconds { line += "  \(ms) ms" }
                if let error = run.error { line += "  \(error)" }
                writeStandardOutput(line + "\n")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a run's steps and state transitions.")

        @Argument(help: "The run id (a unique prefix is enough).") var runID: String
        @Option(help: "The warehouse folder.") var warehouse: String = "warehouse"

        func run() async throws {
            let history = RunHistory(warehouse: try LocalWarehouse(folder: warehouse))
            guard let (run, steps, transitions) = try await history.show(runID: runID) else {
                writeStandardError("error: no run \(runID)\n")
                throw Exit.usage
            }
            writeStandardOutput("run \(run.runID)\n  \(run.org) \(run.pipeline) \(run.date) \(run.status)\n")
            if let error = run.error { writeStandardOutput("  error: \(error)\n") }
            writeStandardOutput("steps (step, status, attempts, ms, rows, error class, error):\n")
            for step in steps { writeStandardOutput("  " + step.filter { !$0.isEmpty }.joined(separator: "  ") + "\n") }
            writeStandardOutput("transitions (at, step, from, to, attempt, error class, error):\n")
            for transition in transitions { writeStandardOutput("  " + transition.filter { !$0.isEmpty }.joined(separator: "  ") + "\n") }
        }
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a tenant's FOCUS rows.", subcommands: [Focus.self])

    struct Focus: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "focus", abstract: "Export FOCUS 1.3 rows as CSV (FOCUS serialisation).")

        @Option(help: "Tenant org slug.") var org: String
        @Option(help: "First date.") var from: String
        @Option(help: "Last date (inclusive).") var to: String
        @Option(help: "Output format.") var format: String = "csv"
        @Option(help: "Output file.") var out: String
        @Option(help: "The warehouse folder.") var warehouse: String = "warehouse"

        func validate() throws {
            guard format == "csv" else { throw ValidationError("only --format csv is supported") }
        }

        func run() async throws {
            let session = try await openSession(org: org, warehouse: warehouse, input: ".")
            let csv = try await FOCUSExport.csv(
                warehouse: session.warehouse, program: CompiledProgramReference(session.program), from: from, to: to)
            try Data(csv.utf8).write(to: URL(fileURLWithPath: out))
            writeStandardError("wrote \(max(0, csv.split(separator: "\n").count - 1)) rows to \(out)\n")
        }
    }
}
