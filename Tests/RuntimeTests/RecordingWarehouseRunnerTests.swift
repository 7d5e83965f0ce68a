import Compiler
import Foundation
import PipelineDSL
@testable import Runtime
import Testing

/// A runner whose data plane is a ``RecordingWarehouse`` and whose ledger is a ``LocalWarehouse`` in a fresh
/// temporary folder. Nothing is deployed: the fake answers every statement.
struct FakeDataPlaneRun {
    /// A procedure with one parameter of each kind of value a `with:` argument becomes.
    static let typedProcedure = SourceFile(path: "procedures/sp_scale.yaml", text: """
        procedure: sp_scale
        params: { p_from: DATE, p_limit: INT64, p_rate: FLOAT64, p_label: STRING, p_strict: BOOL }
        writes:
          - into: costs
            from: raw r
            where: r.usage_date = @p_from AND r.quantity <= @p_limit AND r.item != @p_label AND @p_strict
            select:
              cost_date: r.usage_date
              item: r.item
              cost: CAST(r.quantity * @p_rate AS BIGNUMERIC)
        """)

    static let date = "2026-03-15"

    let fake = RecordingWarehouse()
    let ledger: LocalWarehouse
    let runner: PipelineRunner
    /// The input root (`in/acme/raw_<date>.csv` holds two rows).
    let root: String

    /// Compiles ``RunnerFixture`` with `pipeline` as `pipelines/daily.yaml` and ``typedProcedure`` added.
    init(pipeline: String) throws {
        var files = RunnerFixture.files
        files[4] = SourceFile(path: "pipelines/daily.yaml", text: pipeline)
        files.append(Self.typedProcedure)
        let build = Compiler.build(files, options: CompileOptions(target: .sqlite, project: "cloudact-local", org: "acme"))
        let program = try #require(build.program, "\(build.diagnostics.all)")
        root = NSTemporaryDirectory() + "cloudact-fake-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/in/acme", withIntermediateDirectories: true)
        try "usage_date,item,quantity\n\(Self.date),a,3\n\(Self.date),b,5\n"
            .write(toFile: root + "/in/acme/raw_\(Self.date).csv", atomically: true, encoding: .utf8)
        ledger = try LocalWarehouse(folder: root + "/warehouse")
        runner = PipelineRunner(
            ledger: ledger, dataPlane: fake, program: program, options: RunnerOptions(inputRoot: root, backoffScale: 0.001))
    }

    /// Runs `daily` for ``date``.
    func run() async throws -> RunOutcome {
        try await runner.run(RunRequest(pipeline: "daily", org: "acme", date: Self.date))
    }

    /// The five implicit parameters of a run.
    func implicit(runID: String) -> [String: SQLValue] {
        [
            "org_slug": .text("acme"), "pipeline_id": .text("daily"), "credential_id": .text("default"),
            "run_id": .text(runID), "run_date": .text(Self.date),
        ]
    }

    /// The ledger's rows for `sql` (bound `@run`), each as `|`-joined text.
    func ledgerRows(_ sql: String, run runID: String) async throws -> [String] {
        let result = try await ledger.query(sql, parameters: ["run": .text(runID)])
        return result.rows.map { $0.map(\.description).joined(separator: "|") }
    }

    /// The procedures the fake was asked to call, in order.
    var calledProcedures: [String] { fake.calls(.call).map(\.name) }
}

@Suite("Pipeline runner on a recording data plane")
struct RecordingWarehouseRunnerTests {
    @Test("procedures are called in 'after' order with typed arguments and the implicit parameters")
    func callOrderAndArguments() async throws {
        let run = try FakeDataPlaneRun(pipeline: """
            pipeline: daily
            name: Daily
            steps:
              - id: price
                call: sp_price
                with: { p_day: $date }
                after: [scale]
              - id: scale
                call: sp_scale
                with: { p_from: $month_start, p_limit: 10, p_rate: 0.5, p_label: zzz, p_strict: true }
            """)
        let outcome = try await run.run()
        #expect(outcome.status == .completed, "\(outcome)")
        #expect(outcome.steps.map(\.stepID) == ["scale", "price"])
        let calls = run.fake.calls(.call)
        #expect(calls.map(\.name) == ["sp_scale", "sp_price"])
        #expect(calls.allSatisfy { $0.dataset == "acme_prod" && $0.token == outcome.runID })
        let implicit = run.implicit(runID: outcome.runID)
        #expect(calls.first?.values == implicit.merging([
            "p_from": .text("2026-03-01"), "p_limit": .integer(10), "p_rate": .real(0.5), "p_label": .text("zzz"),
            "p_strict": .integer(1),
        ]) { $1 })
        #expect(calls.last?.values == implicit.merging(["p_day": .text(FakeDataPlaneRun.date)]) { $1 })
        // The ledger stays local: nothing but the two calls reached the data plane.
        #expect(run.fake.calls.map(\.kind) == [.call, .call])
        #expect(try await run.ledgerRows(
            "SELECT status FROM organizations.org_meta_pipeline_runs WHERE run_id = @run", run: outcome.runID) == ["COMPLETED"])
    }

    @Test("an engine error twice, then success: the step completes after 3 attempts, each recorded in the ledger")
    func engineErrorsAreRetried() async throws {
        let run = try FakeDataPlaneRun(pipeline: """
            pipeline: daily
            name: Daily
            steps:
              - id: price
                call: sp_price
                with: { p_day: $date }
                retry: { attempts: 5, backoff: 1s }
            """)
        run.fake.script("sp_price", .engineError("database is locked"), .engineError("database is locked"), .succeed)
        let outcome = try await run.run()
        #expect(outcome.status == .completed, "\(outcome)")
        #expect(outcome.steps.map(\.attempts) == [3])
        #expect(run.calledProcedures == ["sp_price", "sp_price", "sp_price"])
        #expect(Set(run.fake.calls(.call).map(\.values)).count == 1, "every attempt gets the same arguments")
        #expect(try await run.ledgerRows(
            "SELECT status, attempts FROM organizations.org_meta_step_logs WHERE run_id = @run", run: outcome.runID)
            == ["COMPLETED|3"])
        #expect(try await run.ledgerRows(
            """
            SELECT to_status, COALESCE(error_class, '-'), COALESCE(error_message, '-')
            FROM organizations.org_meta_state_transitions WHERE run_id = @run AND step_id = 'price' ORDER BY sequence
            """, run: outcome.runID)
            == ["RUNNING|-|-", "RUNNING|SQLError|database is locked", "RUNNING|SQLError|database is locked", "COMPLETED|-|-"])
    }

    @Test("a failed assertion is not retried, fails the run with its message and skips what waits for it")
    func assertionIsNotRetried() async throws {
        let run = try FakeDataPlaneRun(pipeline: """
            pipeline: daily
            name: Daily
            steps:
              - id: price
                call: sp_price
                with: { p_day: $date }
                retry: { attempts: 3, backoff: 1s }
              - id: scale
                call: sp_scale
                with: { p_from: $date, p_limit: 1, p_rate: 1, p_label: x, p_strict: false }
                after: [price]
            """)
        run.fake.script("sp_price", .assertionFailure("an item without a price"))
        let outcome = try await run.run()
        #expect(outcome.status == .failed)
        #expect(outcome.errorClass == "AssertionFailed")
        #expect(outcome.errorMessage == "step price: an item without a price")
        #expect(outcome.steps.map(\.status) == [.failed, .skipped])
        #expect(outcome.steps.map(\.attempts) == [1, 0])
        #expect(run.calledProcedures == ["sp_price"])
        #expect(try await run.ledgerRows(
            "SELECT status, error_class, error_message FROM organizations.org_meta_pipeline_runs WHERE run_id = @run",
            run: outcome.runID) == ["FAILED|AssertionFailed|step price: an item without a price"])
        #expect(try await run.ledgerRows(
            "SELECT step_id, status, attempts FROM organizations.org_meta_step_logs WHERE run_id = @run ORDER BY step_id",
            run: outcome.runID) == ["price|FAILED|1", "scale|SKIPPED|0"])
    }

    @Test("a step past its own timeout is interrupted by run id and retried, since a timeout may be transient")
    func stepTimeoutInterruptsAndRetries() async throws {
        let run = try FakeDataPlaneRun(pipeline: """
            pipeline: daily
            name: Daily
            steps:
              - id: price
                call: sp_price
                with: { p_day: $date }
                timeout: 1s
                retry: { attempts: 2, backoff: 1s }
            """)
        run.fake.script("sp_price", .sleep(.seconds(30)), .succeed)
        let outcome = try await run.run()
        #expect(outcome.status == .completed, "\(outcome)")
        #expect(outcome.steps.map(\.attempts) == [2])
        #expect(run.fake.calls.map(\.kind) == [.call, .interrupt, .call])
        #expect(run.fake.calls(.interrupt).map(\.token) == [outcome.runID])
        #expect(try await run.ledgerRows(
            """
            SELECT error_class, error_message FROM organizations.org_meta_state_transitions
            WHERE run_id = @run AND step_id = 'price' AND error_class IS NOT NULL
            """, run: outcome.runID) == ["Timeout|step price exceeded its timeout of 1s"])
    }

    @Test("a run past its timeout interrupts its running statement by run id and ends TIMEOUT")
    func runTimeoutInterrupts() async throws {
        let run = try FakeDataPlaneRun(pipeline: """
            pipeline: daily
            name: Daily
            timeout: 1s
            steps:
              - id: price
                call: sp_price
                with: { p_day: $date }
              - id: scale
                call: sp_scale
                with: { p_from: $date, p_limit: 1, p_rate: 1, p_label: x, p_strict: false }
                after: [price]
            """)
        run.fake.script("sp_price", .sleep(.seconds(30)))
        let outcome = try await run.run()
        #expect(outcome.status == .timeout)
        #expect(outcome.errorClass == "Timeout")
        #expect(outcome.errorMessage == "the run exceeded its timeout of 1s")
        // Only the interrupt (SQLITE_INTERRUPT) ends the step CANCELLED; an uninterrupted sleep would complete it.
        // What waits for it never reaches the data plane.
        #expect(outcome.steps.map(\.status) == [.cancelled, .skipped])
        #expect(run.calledProcedures == ["sp_price"])
        #expect(run.fake.calls(.interrupt).map(\.token) == [outcome.runID])
        #expect(try await run.ledgerRows(
            "SELECT status FROM organizations.org_meta_pipeline_runs WHERE run_id = @run", run: outcome.runID) == ["TIMEOUT"])
        #expect(try await run.ledgerRows(
            "SELECT run_id FROM organizations.org_meta_quota_leases WHERE run_id = @run AND released_at IS NULL",
            run: outcome.runID).isEmpty)
    }

    @Test("cancelling a run interrupts its running statement by run id and ends it CANCELLED")
    func cancellationInterrupts() async throws {
        let run = try FakeDataPlaneRun(pipeline: """
            pipeline: daily
            name: Daily
            steps:
              - id: price
                call: sp_price
                with: { p_day: $date }
              - id: scale
                call: sp_scale
                with: { p_from: $date, p_limit: 1, p_rate: 1, p_label: x, p_strict: false }
                after: [price]
            """)
        run.fake.script("sp_price", .sleep(.seconds(30)))
        async let running = run.run()
        // The call's token is the run id; once the call is recorded, the fake counts it as running.
        var token: String?
        for _ in 0..<3000 where token == nil {
            try await Task.sleep(for: .milliseconds(10))
            token = run.fake.calls(.call).first?.token
        }
        let runID = try #require(token)
        await run.runner.cancel(runID: runID)
        let outcome = try await running
        #expect(outcome.runID == runID)
        #expect(outcome.status == .cancelled)
        // Only the interrupt ends the step CANCELLED; an uninterrupted sleep would complete it.
        #expect(outcome.steps.map(\.status) == [.cancelled, .skipped])
        #expect(run.fake.calls.map(\.kind) == [.call, .interrupt])
        #expect(run.fake.calls(.interrupt).map(\.token) == [runID])
        #expect(try await run.ledgerRows(
            "SELECT status FROM organizations.org_meta_pipeline_runs WHERE run_id = @run", run: runID) == ["CANCELLED"])
    }

    @Test("on_failure: continue runs independent steps, skips dependents and completes the run")
    func continueOnFailure() async throws {
        let run = try FakeDataPlaneRun(pipeline: """
            pipeline: daily
            name: Daily
            steps:
              - id: scale
                call: sp_scale
                with: { p_from: $date, p_limit: 1, p_rate: 1, p_label: x, p_strict: false }
                on_failure: continue
              - id: after_scale
                call: sp_price
                with: { p_day: $previous_date }
                after: [scale]
              - id: independent
                call: sp_price
                with: { p_day: $date }
            """)
        run.fake.script("sp_scale", .assertionFailure("scale must be positive"))
        let outcome = try await run.run()
        #expect(outcome.status == .completed, "\(outcome)")
        #expect(Dictionary(uniqueKeysWithValues: outcome.steps.map { ($0.stepID, $0.status) })
            == ["scale": .failed, "after_scale": .skipped, "independent": .completed])
        // sp_price ran once, for `independent` ($date), never for `after_scale` ($previous_date).
        let priced = run.fake.calls(.call).filter { $0.name == "sp_price" }
        #expect(priced.map { $0.values["p_day"] } == [.text(FakeDataPlaneRun.date)])
        #expect(run.fake.calls(.call).filter { $0.name == "sp_scale" }.count == 1)
        #expect(try await run.ledgerRows(
            "SELECT status, error_message FROM organizations.org_meta_step_logs WHERE run_id = @run AND step_id = 'after_scale'",
            run: outcome.runID) == ["SKIPPED|step scale did not complete"])
    }

    @Test("a check step queries the data plane with the implicit parameters; failed rows fail it without a retry")
    func failedCheckIsNotRetried() async throws {
        let run = try FakeDataPlaneRun(pipeline: """
            pipeline: daily
            name: Daily
            steps:
              - id: check
                check:
                  table: costs
                  where: cost_date = @run_date
                  expect:
                    - expect: cost >= 0
                      message: negative cost
                retry: { attempts: 3, backoff: 1s }
            """)
        run.fake.answerQueries(
            containing: "costs", columns: ["expectation", "severity", "failed", "checked"],
            rows: [[.text("negative cost"), .text("error"), .integer(2), .integer(10)]])
        let outcome = try await run.run()
        #expect(outcome.status == .failed)
        #expect(outcome.errorClass == "CheckFailed")
        #expect(outcome.errorMessage == "step check: negative cost: 2 of 10 rows")
        let queries = run.fake.calls(.query)
        #expect(queries.count == 1)
        #expect(queries.first?.values == run.implicit(runID: outcome.runID))
        #expect(queries.first?.token == outcome.runID)
        #expect(try await run.ledgerRows(
            "SELECT expectation, failed_rows, checked_rows, passed FROM organizations.org_meta_dq_results WHERE run_id = @run",
            run: outcome.runID) == ["negative cost|2|10|0"])
    }

    @Test("a load replaces the rows it owns through the data plane")
    func loadReplacesOwnedRows() async throws {
        let run = try FakeDataPlaneRun(pipeline: """
            pipeline: daily
            name: Daily
            steps:
              - id: load
                load: { source: file, path: "in/{org}/raw_{date}.csv", format: csv, into: raw }
            """)
        let outcome = try await run.run()
        #expect(outcome.status == .completed, "\(outcome)")
        #expect(outcome.steps.first?.rowsWritten == 2)
        let loads = run.fake.calls(.replaceRows)
        #expect(loads.count == 1)
        let load = try #require(loads.first)
        #expect(load.name == "raw")
        #expect(load.dataset == "acme_prod")
        #expect(load.token == outcome.runID)
        #expect(load.values == [
            "x_org_slug": .text("acme"), "x_pipeline_id": .text("daily"), "x_credential_id": .text("default"),
            "x_pipeline_run_date": .text(FakeDataPlaneRun.date),
        ])
        let item = try #require(load.columns.firstIndex(of: "item"))
        #expect(load.rows.map { $0[item] } == [.text("a"), .text("b")])
    }
}
