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
        tuneAllocator()
        await main(nil)
    }

    /// glibc grows a thread's heap a page range at a time (an `mprotect` call each: thousands while a large
    /// project compiles on every core) and returns freed memory as soon as it can. A command is short-lived:
    /// grow in 64 MiB steps and keep what was freed.
    /// `mallopt` is looked up at run time: Swift's Glibc module does not export `<malloc.h>`.
    static func tuneAllocator() {
        #if os(Linux)
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let topPad: Int32 = -2, trimThreshold: Int32 = -1  // M_TOP_PAD, M_TRIM_THRESHOLD
        _ = mallopt(topPad, 64 << 20)
        _ = mallopt(trimThreshold, 512 << 20)
        #endif
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
