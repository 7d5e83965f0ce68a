public import PipelineDSL

/// The result of compiling a project.
public struct CompilationResult: Sendable {
    /// The artifacts, sorted by path (empty when there are errors).
    public var artifacts: [RenderedArtifact]
    /// Everything found.
    public var diagnostics: Diagnostics
}

/// A compiled table: its definition and DDL.
public struct CompiledTable: Sendable {
    public var definition: TableDefinition
    /// `CREATE TABLE IF NOT EXISTS …` (and, for the embedded engine, its indexes).
    public var sql: String
    /// `cloudact:<version>:sha256:<hash>` of the DDL.
    public var contentHash: String
}

/// A compiled procedure: its parameters (implicit ones first) and its SQL.
public struct CompiledProcedure: Sendable {
    public var name: String
    public var parameters: [ParameterIR]
    /// BigQuery: `CREATE OR REPLACE PROCEDURE …`; embedded engine: the statement list, run in one transaction
    /// with every parameter bound as `@_name`.
    public var sql: String
    public var contentHash: String
}

/// A compiled pipeline: the checked steps in order and, per check step, its query.
public struct CompiledPipeline: Sendable {
    public var syntax: PipelineSyntax
    /// Step indices in dependency order.
    public var order: [Int]
    /// For each check step: a query returning one row per expectation (expectation, severity, failed_rows,
    /// checked_rows), with the run's parameters bound as `@org_slug`, `@run_date`, ….
    public var checkQueries: [Int: String]
    /// The whole pipeline script (BigQuery: CALLs and check queries).
    public var sql: String
    public var contentHash: String
}

/// Everything compiled for one target and tenant.
public struct CompiledProgram: Sendable {
    public var options: CompileOptions
    public var tables: [String: CompiledTable]
    public var procedures: [String: CompiledProcedure]
    public var pipelines: [String: CompiledPipeline]

    /// One file per artifact, sorted by path: `tables/…`, `procedures/…`, `pipelines/…`.
    public var artifacts: [RenderedArtifact] {
        (tables.values.map { RenderedArtifact(path: "tables/\($0.definition.name).sql", text: $0.sql) }
            + procedures.values.map { RenderedArtifact(path: "procedures/\($0.name).sql", text: $0.sql) }
            + pipelines.values.map { RenderedArtifact(path: "pipelines/\($0.syntax.id.value).sql", text: $0.sql) })
            .sorted { $0.path < $1.path }
    }
}

/// The result of building a program.
public struct BuildResult: Sendable {
    public var program: CompiledProgram?
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
        let result = build(files, options: options, compilerOptions: compilerOptions)
        let compiled = CompilationResult(artifacts: result.program?.artifacts ?? [], diagnostics: result.diagnostics)
        Parallel.releaseInBackground(consume result)
        return compiled
    }

    /// Validates and compiles into a structured program (what the runtime deploys and runs).
    public static func build(
        _ files: [SourceFile], options: CompileOptions = CompileOptions(), compilerOptions: CompilerOptions = CompilerOptions()
    ) -> BuildResult {
        var validation = validate(files, options: compilerOptions)
        var diagnostics = validation.diagnostics
        guard let project = validation.project else { return BuildResult(program: nil, diagnostics: diagnostics) }
        validation.project = nil
        if let problem = options.problem {
            diagnostics.error(.compileInvalidOption, problem, at: nil)
            return BuildResult(program: nil, diagnostics: diagnostics)
        }
        let result = BuildResult(program: program(project, options: options), diagnostics: diagnostics)
        Parallel.releaseInBackground(consume project)
        return result
    }

    /// Plans and prints a checked project. Total: checked input cannot fail here.
    static func program(_ project: CheckedProject, options: CompileOptions) -> CompiledProgram {
        let planner = SQLPlanner(options: options)
        let printer = SQLPrinter(dialect: options.target.dialect)
        // Every artifact is printed independently: spread them over the cores. The results land in dictionaries,
        // so the order they are computed in does not matter.
        var tables: [String: CompiledTable] = [:]
        for table in Parallel.map(Array(project.tables.values), { table in
            let (text, hash) = hashed(description: table.syntax.description?.value) { description in
                printer.print([.createTable(planner.planTable(table, description: description))])
            }
            return CompiledTable(definition: table, sql: text, contentHash: hash)
        }) {
            tables[table.definition.name] = table
        }
        var procedures: [String: CompiledProcedure] = [:]
        for procedure in Parallel.map(Array(project.procedureIRs.values), { procedure in
            // As `hashed`, but the body (the same in both prints) is planned and rendered once.
            var plan = planner.planProcedure(procedure, description: procedure.description)
            let body = printer.renderBody(of: plan)
            let marker = contentMarker(printer.print(plan, renderedBody: body))
            plan.options = planner.procedureOptions(description: procedure.description.map { "\($0) | \(marker)" } ?? marker)
            return CompiledProcedure(
                name: procedure.name, parameters: procedure.parameters, sql: printer.print(plan, renderedBody: body),
                contentHash: marker)
        }) {
            procedures[procedure.name] = procedure
        }
        var pipelines: [String: CompiledPipeline] = [:]
        for compiled in Parallel.map(Array(project.pipelineIRs.values), { pipeline in
            // Each check step's query is printed once: alone (the runtime runs it) and, reused, in the script.
            let (statements, checkStatements) = planner.planPipelineStatements(pipeline, procedures: project.procedureIRs)
            var checkQueries: [Int: String] = [:]
            var printed: [Int: String] = [:]
            for (index, check) in pipeline.checks {
                if let position = checkStatements[index], case .select(let select) = statements[position] {
                    let query = printer.print([.select(select)])
                    checkQueries[index] = query
                    printed[position] = query
                } else {
                    checkQueries[index] = printer.print([.select(planner.planCheck(check))])
                }
            }
            let body = printer.print(statements, reusing: printed)
            let header = "Pipeline \(pipeline.syntax.id.value): \(pipeline.syntax.name.value)\n"
                + "Run by the runtime with query parameters @org_slug @pipeline_id @credential_id @run_id @run_date and the $variables it passes."
            let unmarked = printer.print([.comment(header)]) + "\n" + body
            let marker = contentMarker(unmarked)
            return CompiledPipeline(
                syntax: pipeline.syntax, order: pipeline.order, checkQueries: checkQueries,
                sql: printer.print([.comment(marker)]) + unmarked, contentHash: marker)
        }) {
            pipelines[compiled.syntax.id.value] = compiled
        }
        return CompiledProgram(options: options, tables: tables, procedures: procedures, pipelines: pipelines)
    }

    /// `cloudact:<version>:sha256:<hash of text>`.
    static func contentMarker(_ text: String) -> String {
        "cloudact:\(version):sha256:\(SHA256.hex(text))"
    }

    /// Renders once without the marker, hashes that text, and renders again with the marker appended to the
    /// description.
    static func hashed(description: String?, render: (String?) -> String) -> (text: String, marker: String) {
        let unmarked = render(description)
        let marker = contentMarker(unmarked)
        return (render(description.map { "\($0) | \(marker)" } ?? marker), marker)
    }
}

extension CompileOptions.Target {
    /// The dialect the target is printed in.
    public var dialect: SQLDialect {
        switch self {
        case .bigquery: .bigQuery
        case .sqlite: .sqlite
        }
    }
}
