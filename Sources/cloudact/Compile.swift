import ArgumentParser
import Compiler
import PipelineDSL
import Runtime

struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile the project into BigQuery SQL: table DDL, procedures and pipeline scripts.",
        discussion: """
            Without options, renders for the fixed example project 'cloudact-example' and tenant 'acme' (env prod), \
            which is what the golden files use. Files are written only when their bytes change.
            """)

    @Option(help: "Output dialect.")
    var target: String = "bigquery"

    @Option(help: "BigQuery project id.")
    var project: String = "cloudact-example"

    @Option(help: "Tenant org slug (tenant dataset is {org}_{env}).")
    var org: String = "acme"

    @Option(help: "Environment suffix of the tenant dataset.")
    var env: String = "prod"

    @Option(help: "Output folder.")
    var out: String = "build/bigquery"

    @Flag(help: "List what would change without writing.")
    var dryRun = false

    @Argument(help: "Files or folders (default: the project's tables/, procedures/, pipelines/).")
    var paths: [String] = []

    func validate() throws {
        guard let target = CompileOptions.Target(rawValue: target) else {
            throw ValidationError("unknown target '\(target)'; available: \(CompileOptions.Target.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let problem = CompileOptions(target: target, project: project, org: org, env: env).problem {
            throw ValidationError(problem)
        }
    }

    func run() throws {
        let files: [SourceFile]
        do {
            files = paths.isEmpty ? try ProjectFiles.projectFiles() : try ProjectFiles.load(paths)
        } catch {
            writeStandardError("error: \(error)\n")
            throw Exit.usage
        }
        let options = CompileOptions(target: CompileOptions.Target(rawValue: target)!, project: project, org: org, env: env)
        let result = Compiler.compile(files, options: options, compilerOptions: CompilerOptions(decode: DecodeOptions(timeZones: .system())))
        writeStandardError(DiagnosticFormatter(files: files, toolVersion: Compiler.version).human(result.diagnostics))
        if result.diagnostics.hasErrors { throw ExitCode(1) }
        do {
            for (path, change) in try ArtifactWriter.write(result.artifacts, to: out, dryRun: dryRun) where change != .unchanged {
                writeStandardOutput("\(dryRun ? "would be " : "")\(change.rawValue): \(path)\n")
            }
        } catch {
            writeStandardError("error: \(error)\n")
            throw Exit.usage
        }
        writeStandardError("\(result.artifacts.count) artifacts in \(out)\n")
    }
}
