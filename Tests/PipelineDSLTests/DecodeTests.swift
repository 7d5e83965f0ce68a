@testable import PipelineDSL
import Testing
import TestSupport

@Suite("Decoding typed syntax")
struct DecodeTests {
    func check(_ marked: String, _ expected: [ExpectedDiagnostic], sourceLocation: SourceLocation = #_sourceLocation) {
        let source = MarkedSource(marked)
        let (_, diagnostics) = parseDiagnostics(source)
        expectDiagnostics(diagnostics, in: source, expected, sourceLocation: sourceLocation)
    }

    let pipelineHead = "pipeline: p\nname: P\n"

    @Test("a valid pipeline decodes with every field and its range")
    func validPipeline() throws {
        let text = """
            pipeline: demo
            name: Demo
            schedule: { cron: "*/15 2-4 1,15 JAN-MAR MON-FRI", timezone: Europe/Berlin }
            timeout: 2h
            steps:
              - id: a
                load: { source: file, into: raw, path: "in/{org}/{date}.csv", format: csv }
                retry: { attempts: 3, backoff: 30s }
              - id: b
                call: sp_x
                with: { p_date: $date, p_n: 3 }
                after: [a]
                on_failure: continue
            """
        var diagnostics = Diagnostics()
        let syntax = DocumentSyntax.parse(SourceFile(path: "p.yaml", text: text), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        guard case .pipeline(let pipeline) = syntax else {
            Issue.record("expected a pipeline")
            return
        }
        #expect(pipeline.id.value == "demo")
        #expect(pipeline.timeout?.value.seconds == 7200)
        #expect(pipeline.steps.count == 2)
        #expect(pipeline.steps[0].retry?.backoff?.value.seconds == 30)
        #expect(pipeline.steps[1].after.map(\.value) == ["a"])
        #expect(pipeline.steps[1].onFailure?.value == .continue)
        #expect(pipeline.steps[1].after[0].range.start.line == 12)
        let cron = try #require(pipeline.schedule?.cron.value)
        #expect(cron.minute.contains(45) && !cron.minute.contains(10))
        #expect(cron.hour.contains(3) && !cron.hour.contains(5))
        #expect(cron.month.contains(2) && !cron.month.contains(4))
        #expect(cron.dayOfWeek.contains(1) && !cron.dayOfWeek.contains(0))
    }

    @Test("an unknown key suggests the closest valid key")
    func unknownKey() {
        check(pipelineHead + "1️⃣schedul: { cron: \"0 2 * * *\" }\nsteps:\n  - { id: a, call: sp }\n", [
            .init("1️⃣", .syntaxUnknownKey, message: "'schedul'")
        ])
    }

    @Test("a missing required key points at the start of the mapping")
    func missingKey() {
        check("1️⃣pipeline: p\nsteps:\n  - 2️⃣{ call: sp }\n", [
            .init("1️⃣", .syntaxMissingKey, message: "'name'"),
            .init("2️⃣", .syntaxMissingKey, message: "'id'"),
        ])
    }

    @Test("a wrong type points at the value")
    func wrongType() {
        check(pipelineHead + "steps: 1️⃣{ id: a }\n", [.init("1️⃣", .syntaxTypeMismatch, message: "a list of steps")])
    }

    @Test("YAML 1.1 booleans are not booleans, with a hint")
    func booleans() {
        let source = MarkedSource("table: t\ncolumns:\n  a: { type: INT64, required: 1️⃣yes }\n  b: { type: INT64, required: 2️⃣'true' }\n")
        let (_, diagnostics) = parseDiagnostics(source)
        expectDiagnostics(diagnostics, in: source, [
            .init("1️⃣", .syntaxInvalidBoolean), .init("2️⃣", .syntaxInvalidBoolean),
        ])
        #expect(diagnostics.all[0].hint?.contains("use true") == true)
        #expect(diagnostics.all[1].hint?.contains("remove the quotes") == true)
    }

    @Test("durations take one unit")
    func durations() {
        check(pipelineHead + "timeout: 1️⃣90\nsteps:\n  - { id: a, call: sp, timeout: 2️⃣1h30m }\n  - { id: b, call: sp, timeout: 3️⃣25h }\n", [
            .init("1️⃣", .syntaxInvalidDuration), .init("2️⃣", .syntaxInvalidDuration), .init("3️⃣", .syntaxOutOfRange),
        ])
    }

    @Test("cron errors point inside the string")
    func cron() {
        check(pipelineHead + "schedule: { cron: \"0 2 * 1️⃣13 *\" }\nsteps:\n  - { id: a, call: sp }\n", [
            .init("1️⃣", .syntaxInvalidCron, message: "month")
        ])
        check(pipelineHead + "schedule:\n  cron: '*/5 * * * MON-1️⃣FRX'\nsteps:\n  - { id: a, call: sp }\n", [
            .init("1️⃣", .syntaxInvalidCron)
        ])
        check(pipelineHead + "schedule: { cron: \"0 2 * * * 1️⃣5\" }\nsteps:\n  - { id: a, call: sp }\n", [
            .init("1️⃣", .syntaxInvalidCron, message: "too many fields")
        ])
        check(pipelineHead + "schedule: { cron: \"1️⃣30-10 * * * *\" }\nsteps:\n  - { id: a, call: sp }\n", [
            .init("1️⃣", .syntaxInvalidCron, message: "backwards")
        ])
        check(pipelineHead + "schedule: { cron: \"0 */1️⃣0 * * *\" }\nsteps:\n  - { id: a, call: sp }\n", [
            .init("1️⃣", .syntaxInvalidCron, message: "step")
        ])
    }

    @Test("time zones come from the zone database, with a suggestion")
    func timeZones() {
        check(pipelineHead + "schedule: { cron: \"0 2 * * *\", timezone: 1️⃣America/New_Yrok }\nsteps:\n  - { id: a, call: sp }\n", [
            .init("1️⃣", .syntaxUnknownTimeZone)
        ])
    }

    @Test("identifiers are lower_snake_case and the error points at the bad character")
    func identifiers() {
        check("pipeline: 1️⃣Genai\nname: x\nsteps:\n  - { id: ok_2, call: sp }\n  - { id: bad2️⃣-id, call: sp }\n", [
            .init("1️⃣", .syntaxInvalidIdentifier), .init("2️⃣", .syntaxInvalidIdentifier),
        ])
    }

    @Test("a table reference error points at the word")
    func tableReference() {
        check("procedure: p\nwrites:\n  - into: t\n    from: \"usage_raw 1️⃣Ü\"\n    select: { a: x }\n", [
            .init("1️⃣", .syntaxInvalidIdentifier)
        ])
        check("procedure: p\nwrites:\n  - into: t\n    from: 1️⃣a b c\n    select: { a: x }\n", [
            .init("1️⃣", .syntaxInvalidTableReference)
        ])
    }

    @Test("a step does exactly one thing")
    func stepAction() {
        check(pipelineHead + "steps:\n  - id: 1️⃣a\n    after: [b]\n  - id: b\n    call: sp\n    2️⃣load: { source: file, into: t }\n", [
            .init("1️⃣", .syntaxStepAction), .init("2️⃣", .syntaxStepAction),
        ])
    }

    @Test("joins need exactly one kind and 'on' unless cross")
    func joins() {
        check("""
            procedure: p
            writes:
              - into: t
                from: a x
                join:
                  - 1️⃣left: b y
                  - cross: c z
                    2️⃣on: "z.k = x.k"
                  - 3️⃣{ on: "1 = 1" }
                select: { a: x.a }
            """, [.init("1️⃣", .syntaxJoinKind), .init("2️⃣", .syntaxJoinKind), .init("3️⃣", .syntaxJoinKind)])
    }

    @Test("merge writes need a key and only merge writes take one")
    func mergeKey() {
        check("procedure: p\nwrites:\n  - into: t\n    mode: 1️⃣merge\n    from: a\n    select: { a: a.x }\n  - into: t\n    2️⃣key: [a]\n    from: a\n    select: { a: a.x }\n", [
            .init("1️⃣", .syntaxMergeKey), .init("2️⃣", .syntaxMergeKey),
        ])
    }

    @Test("implicit parameters cannot be declared")
    func reservedParameter() {
        check("procedure: p\nparams: { 1️⃣run_date: DATE, p_x: 2️⃣DAT }\nwrites:\n  - { into: t, from: a, select: { a: a.x } }\n", [
            .init("1️⃣", .syntaxReservedParameter), .init("2️⃣", .syntaxInvalidValue, message: "'DAT'"),
        ])
    }

    @Test("FOCUS tables take PascalCase and x_ columns; others take snake_case")
    func focusColumnNames() {
        check("table: c\nstandard: focus-1.3\ncolumns:\n  x_extra: STRING\n  1️⃣extra: STRING\n", [
            .init("1️⃣", .syntaxColumnNameStyle)
        ])
        check("table: c\ncolumns:\n  1️⃣BilledCost: BIGNUMERIC\n", [.init("1️⃣", .syntaxInvalidIdentifier)])
    }

    @Test("a path pattern only knows {org} and {date}")
    func pathPattern() {
        check(pipelineHead + "steps:\n  - id: a\n    load: { source: file, into: t, path: \"in/1️⃣{orgs}/x.csv\" }\n", [
            .init("1️⃣", .syntaxInvalidPath)
        ])
    }

    @Test("an unknown first key names the document kinds")
    func documentKind() {
        check("1️⃣pipline: x\n", [.init("1️⃣", .syntaxUnknownDocumentKind)])
        check("1️⃣- a\n", [.init("1️⃣", .syntaxUnknownDocumentKind)])
    }

    @Test("every error of a file is reported, not just the first")
    func collectsAll() {
        let source = MarkedSource(
            "pipeline: p\n1️⃣nme: x\ntimeout: 2️⃣5x\nsteps:\n  - { id: a, call: sp, on_failure: 3️⃣fail, retry: { attempts: 4️⃣11 } }\n")
        let (syntax, diagnostics) = parseDiagnostics(source)
        #expect(syntax == nil)
        #expect(diagnostics.errorCount == 5)
        #expect(diagnostics.all.contains { $0.id == .syntaxMissingKey })
    }

    @Test("dates are real calendar dates")
    func dates() {
        #expect(ISODate.problem("2024-02-29") == nil)
        #expect(ISODate.problem("2023-02-29") != nil)
        #expect(ISODate.problem("2024-13-01") != nil)
        #expect(ISODate.problem("2024-1-01") != nil)
        #expect(ISODate.problem("1900-02-29") != nil)
        #expect(ISODate.problem("2000-02-29") == nil)
    }
}
