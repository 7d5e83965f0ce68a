import Compiler
import PipelineDSL
import Testing
import TestSupport

@Suite("Project checks")
struct CheckTests {
    let examples = exampleProjectFiles()

    /// Validates a marked file in the context of the example project and compares diagnostics with markers.
    func check(
        _ marked: String, path: String = "pipelines/test.yaml", _ expected: [ExpectedDiagnostic],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let source = MarkedSource(marked)
        let result = Compiler.validate([SourceFile(path: path, text: source.text)], context: examples)
        expectDiagnostics(result.diagnostics, in: source, expected, sourceLocation: sourceLocation)
    }

    @Test("the example project validates clean and yields a step order")
    func examplesAreClean() throws {
        #expect(examples.count >= 5)
        let result = Compiler.validate(examples)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.all)")
        let project = try #require(result.project)
        let pipeline = try #require(project.pipelines["genai_payg_openai"])
        #expect(pipeline.order == [0, 1, 2, 3])
        let raw = try #require(project.tables["genai_payg_usage_raw"])
        #expect(raw.columns.map(\.name).suffix(2) == ["x_genai_provider", "x_genai_account_id"])
        #expect(raw.column("x_org_slug")?.isRequired == true)
    }

    @Test("a cycle is reported once at the entry closing it, with its path")
    func cycle() throws {
        let source = MarkedSource("""
            pipeline: p
            name: P
            steps:
              - { id: a, call: sp_genai_payg_price_usage, with: { p_cost_date: $date }, after: [c] }
              - { id: b, call: sp_genai_payg_price_usage, with: { p_cost_date: $date }, after: [1️⃣a] }
              - { id: c, call: sp_genai_payg_price_usage, with: { p_cost_date: $date }, after: [b] }
            """)
        let result = Compiler.validate([SourceFile(path: "pipelines/p.yaml", text: source.text)], context: examples)
        expectDiagnostics(result.diagnostics, in: source, [.init("1️⃣", .pipelineCycle)])
        #expect(result.diagnostics.all.first?.message.hasSuffix("a → c → b → a") == true)
    }

    @Test("a step waiting for itself is a cycle")
    func selfCycle() {
        check("pipeline: p\nname: P\nsteps:\n  - { id: a, load: { source: file, into: genai_payg_usage_raw }, after: [1️⃣a] }\n", [
            .init("1️⃣", .pipelineCycle, message: "waits for itself")
        ])
    }

    @Test("step ids are unique and 'after' names existing steps")
    func stepReferences() {
        check("""
            pipeline: p
            name: P
            steps:
              - { id: load, load: { source: file, into: genai_payg_usage_raw } }
              - { id: 1️⃣load, load: { source: file, into: genai_payg_usage_raw } }
              - { id: price, call: sp_genai_payg_price_usage, with: { p_cost_date: $date }, after: [2️⃣lod, load, 3️⃣load] }
            """, [
                .init("1️⃣", .pipelineDuplicateStep), .init("2️⃣", .pipelineUnknownStep),
                .init("3️⃣", .pipelineDuplicateDependency),
            ])
    }

    @Test("calls name defined procedures and pass exactly their parameters")
    func arguments() {
        check("""
            pipeline: p
            name: P
            steps:
              - { id: a, call: 1️⃣sp_genai_payg_price_usag }
              - { id: b, call: 2️⃣sp_genai_payg_price_usage }
              - { id: c, call: sp_genai_payg_price_usage, with: { p_cost_date: $date, 3️⃣p_extra: 1 } }
              - { id: d, call: sp_genai_payg_price_usage, with: { p_cost_date: 4️⃣$dat } }
              - { id: e, call: sp_genai_payg_price_usage, with: { p_cost_date: 5️⃣$org_slug } }
              - { id: f, call: sp_genai_payg_price_usage, with: { p_cost_date: 6️⃣2026-02-30 } }
              - { id: g, call: sp_genai_payg_price_usage, with: { p_cost_date: "2026-02-28" } }
            """, [
                .init("1️⃣", .pipelineUnknownProcedure), .init("2️⃣", .pipelineMissingArgument),
                .init("3️⃣", .pipelineUnknownArgument), .init("4️⃣", .pipelineUnknownVariable),
                .init("5️⃣", .pipelineArgumentType), .init("6️⃣", .pipelineArgumentType),
            ])
    }

    @Test("load and check steps name defined tables")
    func tables() {
        check("""
            pipeline: p
            name: P
            steps:
              - { id: a, load: { source: file, into: 1️⃣genai_usage_raw } }
              - id: b
                check: { table: 2️⃣nope, expect: [{ expect: "x > 0", message: m }] }
            """, [.init("1️⃣", .pipelineUnknownTable), .init("2️⃣", .pipelineUnknownTable)])
    }

    @Test("names are unique across tables, procedures and pipelines")
    func duplicateNames() {
        check("table: 1️⃣genai_payg_openai\ncolumns: { a: STRING }\n", path: "tables/zz.yaml", [
            .init("1️⃣", .projectDuplicateName)
        ])
    }

    @Test("partition and cluster columns exist and have usable types")
    func tableRules() {
        check("""
            table: t
            partition: 1️⃣day
            cluster: [a, 2️⃣b, 6️⃣c, d, 7️⃣e]
            fields: [lineage, 3️⃣lineage]
            columns:
              a: STRING
              c: FLOAT64
              d: STRING
              e: STRING
              5️⃣x_org_slug: STRING
            """, path: "tables/t.yaml", [
                .init("1️⃣", .tableUnknownPartitionColumn), .init("2️⃣", .tableUnknownClusterColumn),
                .init("3️⃣", .tableDuplicateFieldGroup), .init("5️⃣", .tableDuplicateColumn),
                .init("6️⃣", .tableClusterType), .init("7️⃣", .tableClusterCount),
            ])
    }

    @Test("a FOCUS table may partition on a standard column")
    func focusPartition() {
        check("table: f\nstandard: focus-1.3\npartition: ChargePeriodStart\ncluster: [ServiceProviderName]\ncolumns: { x_note: STRING }\n",
            path: "tables/f.yaml", [])
        check("table: f\nstandard: focus-1.3\npartition: 1️⃣BilledCost\ncolumns: { x_note: STRING }\n",
            path: "tables/f.yaml", [.init("1️⃣", .tablePartitionType)])
    }

    @Test("procedures read and write defined tables, aliases are unique")
    func procedureTables() {
        check("""
            procedure: sp_t
            writes:
              - into: 1️⃣costs
                from: genai_payg_usage_raw u
                join:
                  - { left: 2️⃣pricing p, on: "p.a = u.a" }
                  - { inner: genai_payg_pricing 3️⃣u, on: "u.a = u.a" }
                select: { a: u.a }
            """, path: "procedures/sp_t.yaml", [
                .init("1️⃣", .procedureUnknownTable), .init("2️⃣", .procedureUnknownTable),
                .init("3️⃣", .procedureDuplicateAlias),
            ])
    }

    @Test("only the named files are reported when validating with context")
    func contextIsNotReported() {
        let broken = SourceFile(path: "pipelines/broken.yaml", text: "pipeline: [\n")
        let good = SourceFile(path: "pipelines/x.yaml", text: "pipeline: x\nname: X\nsteps:\n  - { id: a, load: { source: file, into: genai_payg_usage_raw } }\n")
        let result = Compiler.validate([good], context: examples + [broken])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.all)")
    }

    @Test("a reference to a definition whose file failed to decode is not reported twice")
    func noEchoErrors() {
        let brokenProcedure = SourceFile(path: "procedures/sp_new.yaml", text: "procedure: sp_new\nwrites: 3\n")
        let pipeline = SourceFile(path: "pipelines/x.yaml", text: "pipeline: x\nname: X\nsteps:\n  - { id: a, call: sp_new }\n")
        let result = Compiler.validate([brokenProcedure, pipeline], context: examples)
        #expect(result.diagnostics.all.map(\.id) == [.syntaxTypeMismatch])
    }

    @Test("no files is a project-level error")
    func noFiles() {
        #expect(Compiler.validate([]).diagnostics.all.map(\.id) == [.projectNoFiles])
    }
}
