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
        let formatter = DiagnosticFormatter(files: files, toolVersion: Compiler.version)
        print(formatter.format(result.diagnostics, as: format.formatterFormat), terminator: "")
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

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of the three document kinds (for the YAML language server).",
        discussion: """
            Save it and point your editor at it, e.g. in VS Code's settings: \
            "yaml.schemas": { "./cloudact.schema.json": ["tables/*.yaml", "procedures/*.yaml", "pipelines/*.yaml"] }
            """)

    func run() throws {
        print(JSONSchemaGenerator.generate(), terminator: "")
    }
}

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
