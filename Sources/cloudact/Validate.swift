import ArgumentParser
import Compiler
import PipelineDSL
import Runtime

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check definition files and report every problem with its position.",
        discussion: """
            Without paths, validates the project in the current folder (tables/, procedures/, pipelines/). \
            With paths, validates those files and folders; the rest of the project is read so that references \
            resolve, but only the named files are reported.
            Exit status: 0 clean, 1 errors (or warnings with --strict), 2 usage or I/O errors.
            """)

    @Argument(help: "Files or folders to validate.")
    var paths: [String] = []

    @Option(help: "Output format: human, json, sarif or github.")
    var format: OutputFormat = .human

    @Flag(help: "Treat warnings as errors for the exit status.")
    var strict = false

    func run() throws {
        let files: [SourceFile]
        let context: [SourceFile]
        do {
            files = paths.isEmpty ? try ProjectFiles.projectFiles() : try ProjectFiles.load(paths)
            context = paths.isEmpty || !ProjectFiles.isProject() ? [] : try ProjectFiles.projectFiles()
        } catch {
            writeStandardError("error: \(error)\n")
            throw Exit.usage
        }
        let options = CompilerOptions(decode: DecodeOptions(timeZones: .system()))
        let result = Compiler.validate(files, context: context, options: options)
        // Context files too: notes may point into them.
        let formatter = DiagnosticFormatter(files: context + files, toolVersion: Compiler.version)
        writeStandardOutput(formatter.format(result.diagnostics, as: format.formatterFormat))
        if format == .human {
            writeStandardError(summary(result.diagnostics, fileCount: files.count))
        }
        if result.diagnostics.hasErrors || (strict && result.diagnostics.warningCount > 0) {
            throw ExitCode(1)
        }
        if files.isEmpty { throw Exit.usage }
    }

    func summary(_ diagnostics: Diagnostics, fileCount: Int) -> String {
        let files = "\(fileCount) file\(fileCount == 1 ? "" : "s")"
        if diagnostics.isEmpty { return "ok: \(files), no problems\n" }
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        return "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(files)\n"
    }
}
