public import PipelineDSL

/// Options for the compiler's entry points.
public struct CompilerOptions: Sendable {
    /// Options for decoding (the time zone database).
    public var decode: DecodeOptions

    /// Creates options.
    public init(decode: DecodeOptions = DecodeOptions()) {
        self.decode = decode
    }
}

/// The result of validating a project.
public struct ValidationResult: Sendable {
    /// Everything found, in report order (formatters sort).
    public var diagnostics: Diagnostics
    /// The checked project, when there were no errors.
    public var project: CheckedProject?
}

/// The compiler's entry points. The CLI, the server and the runtime call these and nothing else.
public enum Compiler {
    /// The compiler version, part of every artifact's content hash.
    public static let version = "0.1.0"

    /// Composes, decodes and checks a set of files as one project.
    ///
    /// Every file is composed and decoded (collecting all of their errors); project checks then run on the
    /// files that decoded, so one broken file does not hide errors in the others. Cross-file checks that would
    /// only repeat a decode error (a call to a procedure whose file failed to decode) are skipped.
    ///
    /// - Parameters:
    ///   - files: the files to validate; their diagnostics are reported.
    ///   - context: more files of the same project (for example the rest of the project when one pipeline is
    ///     validated): they resolve references and are checked, but only `files`' diagnostics are reported.
    ///   - options: decoding options.
    public static func validate(
        _ files: [SourceFile], context: [SourceFile] = [], options: CompilerOptions = CompilerOptions()
    ) -> ValidationResult {
        var diagnostics = Diagnostics()
        if files.isEmpty {
            diagnostics.error(
                .projectNoFiles, "no definition files found", at: nil,
                hint: "pass files or folders, or run in a project with tables/, procedures/ and pipelines/")
            return ValidationResult(diagnostics: diagnostics, project: nil)
        }
        let reported = Set(files.map(\.path))
        var sources: [String: SourceFile] = [:]
        for file in context + files { sources[file.path] = file }
        var project = ProjectSyntax()
        project.contextFiles = Set(context.map(\.path)).subtracting(reported)
        var undecodedNames: Set<String> = []
        let contextOnly = context.filter { !reported.contains($0.path) }
        let ordered = contextOnly.sorted(by: { $0.path < $1.path }) + files.sorted(by: { $0.path < $1.path })
        // Files compose and decode independently: do them concurrently, then merge in file order so the
        // diagnostics and definitions come out exactly as a sequential loop would give them.
        let parsed = Parallel.map(ordered) { file in
            var fileDiagnostics = Diagnostics()
            let syntax = DocumentSyntax.parse(file, options: options.decode, diagnostics: &fileDiagnostics)
            return (syntax, fileDiagnostics)
        }
        for (file, (syntax, fileDiagnostics)) in zip(ordered, parsed) {
            diagnostics.append(contentsOf: fileDiagnostics)
            switch syntax {
            case .table(let table): project.tables.append(table)
            case .procedure(let procedure): project.procedures.append(procedure)
            case .pipeline(let pipeline): project.pipelines.append(pipeline)
            case nil: undecodedNames.insert(guessName(of: file))
            }
        }
        let checked = check(project, files: sources, skippingReferencesTo: undecodedNames, diagnostics: &diagnostics)
        if !project.contextFiles.isEmpty {
            diagnostics = Diagnostics(diagnostics.all.filter { $0.range.map { reported.contains($0.file) } ?? true })
        }
        return ValidationResult(diagnostics: diagnostics, project: diagnostics.hasErrors ? nil : checked)
    }

    /// Runs every check rule over decoded definitions.
    static func check(
        _ project: ProjectSyntax, files: [String: SourceFile], skippingReferencesTo undecoded: Set<String>,
        diagnostics: inout Diagnostics
    ) -> CheckedProject {
        let context = CheckContext(project: project, files: files, undecodedNames: undecoded)
        NamesMustBeUnique.check(context, diagnostics: &diagnostics)
        TableColumnsMustBeValid.check(context, diagnostics: &diagnostics)
        var referenceDiagnostics = Diagnostics()
        ProcedureTablesMustExist.check(context, diagnostics: &referenceDiagnostics)
        var pipelines: [String: CheckedPipeline] = [:]
        var pipelineIRs: [String: PipelineIR] = [:]
        // Pipelines and procedures are checked concurrently, each into its own diagnostics; the merges below
        // walk them in project order, so the report is the same as a sequential run's.
        let checkedPipelines = Parallel.map(project.pipelines) { pipeline in
            var own = Diagnostics()
            var references = Diagnostics()
            let order = StepsMustFormADAG.check(pipeline, diagnostics: &own)
            StepsMustReferenceDefinitions.check(pipeline, context: context, diagnostics: &references)
            let checks = CheckStepsMustBeSound.check(pipeline, context: context, diagnostics: &own)
            return (order: order, checks: checks, diagnostics: own, references: references)
        }
        for (pipeline, result) in zip(project.pipelines, checkedPipelines) {
            diagnostics.append(contentsOf: result.diagnostics)
            referenceDiagnostics.append(contentsOf: result.references)
            if let order = result.order, pipelines[pipeline.id.value] == nil {
                pipelines[pipeline.id.value] = CheckedPipeline(syntax: pipeline, order: order)
                pipelineIRs[pipeline.id.value] = PipelineIR(syntax: pipeline, order: order, checks: result.checks)
            }
        }
        @Sendable func checkProcedure(_ procedure: ProcedureSyntax) -> (ir: ProcedureIR?, diagnostics: Diagnostics) {
            var checker = ProcedureChecker(context: context, procedure: procedure)
            var own = Diagnostics()
            let ir = checker.check()
            own.append(contentsOf: checker.diagnostics)
            guard var ir else { return (nil, own) }
            runPasses(&ir, tables: context.tables, diagnostics: &own)
            return (ir, own)
        }
        // Only the first procedure of each name is checked up front; a later one of the same name is checked
        // (below, in order) only if every earlier one failed, as the sequential rule says.
        var firstOfName: Set<String> = []
        let isFirst = project.procedures.map { firstOfName.insert($0.name.value).inserted }
        let checkedProcedures = Parallel.map(project.procedures.count) { index in
            isFirst[index] ? checkProcedure(project.procedures[index]) : nil
        }
        var procedureIRs: [String: ProcedureIR] = [:]
        for (index, procedure) in project.procedures.enumerated() where procedureIRs[procedure.name.value] == nil {
            let result = checkedProcedures[index] ?? checkProcedure(procedure)
            diagnostics.append(contentsOf: result.diagnostics)
            if let ir = result.ir { procedureIRs[procedure.name.value] = ir }
        }
        diagnostics.append(contentsOf: referenceDiagnostics)
        return CheckedProject(
            tables: context.tables, procedures: context.procedures, pipelines: pipelines, procedureIRs: procedureIRs,
            pipelineIRs: pipelineIRs)
    }

    /// The IR → IR passes, in order: lineage columns, partition-pruning proof (which also scopes replace and
    /// merge writes), tenant proof, FOCUS rules. Each reports its own diagnostics.
    static func runPasses(_ procedure: inout ProcedureIR, tables: [String: TableDefinition], diagnostics: inout Diagnostics) {
        for index in procedure.writes.indices {
            LineagePass.apply(&procedure.writes[index])
            _ = PartitionPruningProof.prove(&procedure.writes[index], tables: tables, diagnostics: &diagnostics)
            TenantProof.prove(procedure.writes[index], tables: tables, diagnostics: &diagnostics)
            FOCUSRules.check(procedure.writes[index], diagnostics: &diagnostics)
        }
    }

    /// The name a file that failed to decode would have defined: its first key's value if readable, else its
    /// file name. Used only to avoid echo errors.
    static func guessName(of file: SourceFile) -> String {
        let name = file.path.split(separator: "/").last.map(String.init) ?? file.path
        return name.split(separator: ".").first.map(String.init) ?? name
    }
}
