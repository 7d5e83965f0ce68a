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

    /// A command is short-lived and allocates a lot at once (a large project's trees, plans and SQL). By default
    /// glibc grows each thread's heap a page range at a time (an `mprotect` call each, thousands per compile),
    /// returns freed memory as soon as it can, and backs the heap with 4 KiB pages, each a fault on first use
    /// (about 13,000 faults, a sixth of a 1,000-pipeline compile on a virtual machine). So: grow in 64 MiB
    /// steps, keep what was freed, and let malloc ask for transparent huge pages (`glibc.malloc.hugetlb=1`: a
    /// tunable glibc reads only at start-up, hence one re-exec of the binary with it set; a `GLIBC_TUNABLES`
    /// the user set is left alone, and so is a system without transparent huge pages).
    /// `mallopt` is looked up at run time: Swift's Glibc module does not export `<malloc.h>`.
    static func tuneAllocator() {
        #if os(Linux)
        if getenv("GLIBC_TUNABLES") == nil, transparentHugePagesAvailable {
            setenv("GLIBC_TUNABLES", "glibc.malloc.hugetlb=1", 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
            // Still here: the re-exec failed; carry on without huge pages.
        }
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2  // M_TRIM_THRESHOLD, M_TOP_PAD
        _ = mallopt(topPad, 64 << 20)
        _ = mallopt(trimThreshold, 512 << 20)
        #endif
    }

    /// True if the kernel gives transparent huge pages to memory that asks for them (`always` or `madvise`).
    static var transparentHugePagesAvailable: Bool {
        guard let setting = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8) else {
            return false
        }
        return setting.contains("[always]") || setting.contains("[madvise]")
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
