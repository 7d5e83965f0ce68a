import ArgumentParser
import Compiler
import Foundation
import PipelineDSL
import Runtime

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a pipeline on the local engine for one date or a range of dates (one run per day).")

    @Argument(help: "The pipeline id.")
    var pipeline: String

    @Option(help: "Tenant org slug.")
    var org: String

    @Option(help: "The data date (YYYY-MM-DD); default: yesterday (UTC), the day a daily schedule runs for.")
    var date: String?

    @Option(help: "First date of a range.")
    var from: String?

    @Option(help: "Last date of a range (inclusive).")
    var to: String?

    @Option(help: "The credential the run uses.")
    var credential: String = "default"

    @Option(help: "The warehouse folder.")
    var warehouse: String = "warehouse"

    @Option(help: "The folder load paths are relative to.")
    var input: String = "."

    func validate() throws {
        if (from == nil) != (to == nil) { throw ValidationError("a range needs both --from and --to") }
        if date != nil && from != nil { throw ValidationError("give --date or a range, not both") }
        for value in [date, from, to].compactMap({ $0 }) where ISODate.problem(value) != nil {
            throw ValidationError("'\(value)' is not a date YYYY-MM-DD")
        }
    }

    func run() async throws {
        let session = try await openSession(org: org, warehouse: warehouse, input: input)
        let day = date ?? RunDates.yesterday()
        let results = await session.run(
            pipeline: pipeline, from: from ?? day, to: to ?? day, credentialID: credential
        ) { index, total, result in
            writeStandardError("[\(index)/\(total)] \(describe(result))\n")
        }
        let failed = results.filter { if case .success(let o) = $0 { return o.status != .completed } else { return true } }
        if !failed.isEmpty { throw ExitCode(1) }
    }
}

func describe(_ result: Result<RunOutcome, RunRefused>) -> String {
    switch result {
    case .success(let outcome):
        var line = "\(outcome.request.date) \(outcome.request.pipeline) \(outcome.status.rawValue) in \(outcome.durationMilliseconds) ms (run \(outcome.runID.prefix(8)))"
        if let message = outcome.errorMessage { line += ": \(message)" }
        return line
    case .failure(let refused):
        return "refused: \(refused)"
    }
}

/// Reads the project in the current folder, compiles it for the local engine and deploys it.
func openSession(org: String, warehouse: String, input: String) async throws -> LocalSession {
    let files: [SourceFile]
    do {
        files = try ProjectFiles.projectFiles()
    } catch {
        writeStandardError("error: \(error)\n")
        throw Exit.usage
    }
    do {
        return try await LocalSession.open(
            files: files, org: org, warehouseFolder: warehouse,
            runnerOptions: RunnerOptions(inputRoot: input),
            compilerOptions: CompilerOptions(decode: DecodeOptions(timeZones: .system()))
        ).session
    } catch let failed as BuildFailed {
        writeStandardError(DiagnosticFormatter(files: failed.files).human(failed.diagnostics))
        throw ExitCode(1)
    }
}
