import ArgumentParser
import Compiler
import Foundation
import PipelineDSL
import Runtime

@main
struct CloudAct: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cloudact",
        abstract: "CloudAct Pipelines: check, compile and run cost-data pipelines written in YAML.",
        version: Compiler.version,
        subcommands: [Demo.self, Validate.self, Compile.self, Run.self, Runs.self, Export.self, Samples.self, Schema.self, Explain.self, Bench.self]
    )

    static func main() async {
        ProcessTuning.prepareForShortLivedCommand()
        await main(nil)
    }
}

/// `--format` values; the formatter owns the formats, the CLI only parses the name.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case human, json, sarif, github

    var formatterFormat: DiagnosticFormatter.Format { DiagnosticFormatter.Format(rawValue: rawValue)! }
}

/// Exit statuses: 0 clean, 1 errors (or warnings with --strict), 2 usage or I/O.
enum Exit {
    static let usage = ExitCode(2)
}

func writeStandardOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

func writeStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
