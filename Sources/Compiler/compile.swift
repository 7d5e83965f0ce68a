public import PipelineDSL

/// The result of compiling a project.
public struct CompilationResult: Sendable {
    /// The artifacts, sorted by path (empty when there are errors).
    public var artifacts: [RenderedArtifact]
    /// Everything found.
    public var diagnostics: Diagnostics
}

extension Compiler {
    /// Validates the project and, if it has no errors, compiles every table, procedure and pipeline for one
    /// tenant into SQL artifacts. Same input and compiler version give identical bytes.
    ///
    /// Each table and procedure carries `cloudact:<version>:sha256:<hash>` at the end of its description, and
    /// each pipeline script in its header: the hash of the artifact's text without that marker, so `sync` can
    /// tell an object that changed from one edited out of band.
    public static func compile(
        _ files: [SourceFile], options: CompileOptions = CompileOptions(), compilerOptions: CompilerOptions = CompilerOptions()
    ) -> CompilationResult {
        let validation = validate(files, options: compilerOptions)
        guard let project = validation.project else {
            return CompilationResult(artifacts: [], diagnostics: validation.diagnostics)
        }
        var diagnostics = validation.diagnostics
        if let problem = options.problem {
            diagnostics.error(.compileInvalidOption, problem, at: nil)
            return CompilationResult(artifacts: [], diagnostics: diagnostics)
        }
        let planner = SQLPlanner(options: options)
        let printer = SQLPrinter(dialect: .bigQuery)
        var artifacts: [RenderedArtifact] = []
        for table in project.tables.values {
            let text = hashed(description: table.syntax.description?.value) { description in
                printer.print([.createTable(planner.planTable(table, description: description))])
            }
            artifacts.append(RenderedArtifact(path: "tables/\(table.name).sql", text: text))
        }
        for procedure in project.procedureIRs.values {
            let text = hashed(description: procedure.description) { description in
                printer.print([.createProcedure(planner.planProcedure(procedure, description: description))])
            }
            artifacts.append(RenderedArtifact(path: "procedures/\(procedure.name).sql", text: text))
        }
        for pipeline in project.pipelineIRs.values {
            let body = printer.print(planner.planPipeline(pipeline, procedures: project.procedureIRs))
            let header = "Pipeline \(pipeline.syntax.id.value): \(pipeline.syntax.name.value)\n"
                + "Run by the runtime with query parameters @org_slug @pipeline_id @credential_id @run_id @run_date and the $variables it passes."
            let unmarked = printer.print([.comment(header)]) + "\n" + body
            let marker = printer.print([.comment(contentMarker(unmarked))])
            artifacts.append(RenderedArtifact(path: "pipelines/\(pipeline.syntax.id.value).sql", text: marker + unmarked))
        }
        artifacts.sort { $0.path < $1.path }
        return CompilationResult(artifacts: artifacts, diagnostics: diagnostics)
    }

    /// `cloudact:<version>:sha256:<hash of text>`.
    static func contentMarker(_ text: String) -> String {
        "cloudact:\(version):sha256:\(SHA256.hex(text))"
    }

    /// Renders once without the marker, hashes that text, and renders again with the marker appended to the
    /// description.
    static func hashed(description: String?, render: (String?) -> String) -> String {
        let unmarked = render(description)
        let marker = contentMarker(unmarked)
        return render(description.map { "\($0) | \(marker)" } ?? marker)
    }
}
