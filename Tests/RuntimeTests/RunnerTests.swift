import Compiler
import Foundation
import PipelineDSL
@testable import Runtime
import Testing

/// A small project: raw usage loaded from CSV, priced into a daily cost table, checked.
enum RunnerFixture {
    static let files: [SourceFile] = [
        SourceFile(path: "tables/raw.yaml", text: """
            table: raw
            partition: usage_date
            fields: [lineage]
            columns:
              usage_date: { type: DATE, required: true }
              item: { type: STRING, required: true }
              quantity: { type: INT64, required: true }
            """),
        SourceFile(path: "tables/prices.yaml", text: """
            table: prices
            scope: central
            columns:
              item: { type: STRING, required: true }
              unit_price: { type: BIGNUMERIC, required: true }
            """),
        SourceFile(path: "tables/costs.yaml", text: """
            table: costs
            partition: cost_date
            fields: [lineage]
            columns:
              cost_date: { type: DATE, required: true }
              item: { type: STRING, required: true }
              cost: { type: BIGNUMERIC, required: true }
            """),
        SourceFile(path: "procedures/sp_price.yaml", text: """
            procedure: sp_price
            params: { p_day: DATE }
            writes:
              - into: costs
                from: raw r
                join:
                  - left: prices p
                    on: p.item = r.item
                where: r.usage_date = @p_day AND r.x_credential_id = @credential_id
                select:
                  cost_date: r.usage_date
                  item: r.item
                  cost: r.quantity * p.unit_price
                checks:
                  - expect: p.unit_price IS NOT NULL
                    message: an item without a price
            """),
        SourceFile(path: "pipelines/daily.yaml", text: """
            pipeline: daily
            name: Daily costs
            timeout: 1h
            steps:
              - id: load
                load: { source: file, path: "in/{org}/raw_{date}.csv", format: csv, into: raw }
              - id: price
                call: sp_price
                with: { p_day: $date }
                after: [load]
              - id: check
                check:
                  table: costs
                  where: cost_date = @run_date
                  expect:
                    - expect: cost >= 0
                      message: negative cost
                after: [price]
            """),
    ]

    /// A fresh folder with a warehouse, prices and one raw file per given date.
    static func session(
        dates: [String] = ["2026-03-01"], rows: String = "usage_date,item,quantity\n{date},a,3\n{date},b,5\n",
        options: RunnerOptions? = nil, plan: Plan = .scale
    ) async throws -> (LocalSession, String) {
        let root = NSTemporaryDirectory() + "cloudact-runner-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/in/acme", withIntermediateDirectories: true)
        for date in dates {
            try rows.replacingOccurrences(of: "{date}", with: date)
                .write(toFile: root + "/in/acme/raw_\(date).csv", atomically: true, encoding: .utf8)
        }
        try "item,unit_price\na,0.25\nb,1.5\n".write(toFile: root + "/prices.csv", atomically: true, encoding: .utf8)
        var runnerOptions = options ?? RunnerOptions()
        runnerOptions.inputRoot = root
        let (session, _) = try await LocalSession.open(
            files: files, org: "acme", warehouseFolder: root + "/warehouse", runnerOptions: runnerOptions)
        _ = try await session.seed(table: "prices", from: root + "/prices.csv", format: .csv)
        try await session.setPlan(plan)
        return (session, root)
    }

    /// The rows of a tenant table, without the columns that differ between runs, as a sorted multiset.
    static func rows(_ session: LocalSession, _ table: String) async throws -> [String] {
        let result = try await session.warehouse.query("SELECT * FROM acme_prod.\(table)", parameters: [:])
        let keep = result.columns.enumerated().filter { !["x_run_id", "x_ingested_at", "x_ingestion_date"].contains($0.element) }
        return result.rows.map { row in keep.map { row[$0.offset].description }.joined(separator: "|") }.sorted()
    }

    static func count(_ session: LocalSession, _ sql: String) async throws -> Int64 {
        try await session.warehouse.query(sql, parameters: [:]).rows.first?.first?.integer ?? -1
    }
}

@Suite("Pipeline runner")
struct RunnerTests {
    @Test("running twice for the same org and date leaves identical tables and two run records")
    func idempotent() async throws {
        let (session, _) = try await RunnerFixture.session()
        let first = try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: "2026-03-01"))
        #expect(first.status == .completed, "\(first)")
        let raw1 = try await RunnerFixture.rows(session, "raw")
        let costs1 = try await RunnerFixture.rows(session, "costs")
        let second = try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: "2026-03-01"))
        #expect(second.status == .completed)
        #expect(try await RunnerFixture.rows(session, "raw") == raw1)
        #expect(try await RunnerFixture.rows(session, "costs") == costs1)
        #expect(costs1.count == 2)
        #expect(costs1.contains { $0.hasPrefix("2026-03-01|a|0.75|") })
        #expect(costs1.contains { $0.hasPrefix("2026-03-01|b|7.5|") })
        #expect(try await RunnerFixture.count(session, "SELECT COUNT(*) FROM organizations.org_meta_pipeline_runs WHERE status = 'COMPLETED'") == 2)
        #expect(try await RunnerFixture.count(session, "SELECT COUNT(*) FROM organizations.org_meta_dq_results WHERE passed = 1") == 2)
    }

    @Test("a second credential adds its rows without touching the first credential's")
    func credentials() async throws {
        let (session, _) = try await RunnerFixture.session()
        _ = try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: "2026-03-01", credentialID: "one"))
        let before = try await RunnerFixture.rows(session, "costs")
        _ = try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: "2026-03-01", credentialID: "two"))
        let after = try await RunnerFixture.rows(session, "costs")
        #expect(after.count == 4)
        #expect(Set(before).isSubset(of: Set(after)))
    }

    @Test("a failed assertion rolls the procedure back, fails the run and releases the lease")
    func assertionRollsBack() async throws {
        let (session, _) = try await RunnerFixture.session(rows: "usage_date,item,quantity\n{date},a,3\n{date},zzz,1\n")
        let outcome = try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: "2026-03-01"))
        #expect(outcome.status == .failed)
        #expect(outcome.errorMessage?.contains("an item without a price") == true, "\(outcome.errorMessage ?? "")")
        #expect(outcome.steps.map(\.status) == [.completed, .failed, .skipped])
        #expect(try await RunnerFixture.rows(session, "costs").isEmpty)
        #expect(try await RunnerFixture.count(session, "SELECT COUNT(*) FROM organizations.org_meta_quota_leases WHERE released_at IS NULL") == 0)
    }

    @Test("a malformed input file fails its load step naming file, line and column, and loads nothing")
    func malformedInput() async throws {
        let (session, _) = try await RunnerFixture.session(rows: "usage_date,item,quantity\n{date},a,3\n{date},b,lots\n")
        let outcome = try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: "2026-03-01"))
        #expect(outcome.status == .failed)
        let message = outcome.steps.first?.errorMessage ?? ""
        #expect(message.contains("raw_2026-03-01.csv:3:"), "\(message)")
        #expect(outcome.steps.first?.errorClass == "LoadError")
        #expect(try await RunnerFixture.rows(session, "raw").isEmpty)
    }

    @Test("50 concurrent triggers for an org limited to 5: exactly 5 run, 45 are refused, no lease is left")
    func concurrencyLimit() async throws {
        let gate = Gate()
        let dates = (1...28).map { String(format: "2026-02-%02d", $0) } + (1...22).map { String(format: "2026-03-%02d", $0) }
        let (session, _) = try await RunnerFixture.session(
            dates: dates, options: RunnerOptions(beforeStep: { _ in await gate.wait() }), plan: .professional)
        let results = await withTaskGroup(of: Result<RunOutcome, RunRefused>.self, returning: [Result<RunOutcome, RunRefused>].self) { group in
            for date in dates {
                group.addTask {
                    do throws(RunRefused) {
                        return .success(try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: date)))
                    } catch {
                        await gate.refused()
                        return .failure(error)
                    }
                }
            }
            // Hold the admitted runs inside their first step until every trigger has been decided.
            await gate.openWhen(refusals: 45, timeoutSeconds: 20)
            var all: [Result<RunOutcome, RunRefused>] = []
            for await result in group { all.append(result) }
            return all
        }
        let completed = results.filter { if case .success(let o) = $0 { return o.status == .completed } else { return false } }
        let refused = results.compactMap { if case .failure(let r) = $0 { return r } else { return nil } }
        #expect(completed.count == 5)
        #expect(refused.count == 45)
        #expect(refused.allSatisfy { $0.reason == .concurrencyLimit })
        #expect(refused.first?.message.contains("professional plan") == true)
        #expect(try await RunnerFixture.count(session, "SELECT COUNT(*) FROM organizations.org_meta_quota_leases WHERE released_at IS NULL") == 0)
    }

    @Test("the daily quota refuses the seventh run of a starter org")
    func dailyQuota() async throws {
        let dates = (1...7).map { String(format: "2026-03-%02d", $0) }
        let (session, _) = try await RunnerFixture.session(dates: dates, plan: .starter)
        var refusals: [RunRefused] = []
        for date in dates {
            do throws(RunRefused) {
                _ = try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: date))
            } catch {
                refusals.append(error)
            }
        }
        #expect(refusals.map(\.reason) == [.dailyQuota])
    }

    @Test("a run whose process died ends FAILED when its lease expires, and its lease no longer counts")
    func leaseExpiry() async throws {
        let (session, _) = try await RunnerFixture.session()
        try await session.warehouse.execute(
            """
            INSERT INTO organizations.org_meta_pipeline_runs (run_id, org_slug, pipeline_id, credential_id, data_date, status, trigger, created_at)
            VALUES ('crashed', 'acme', 'daily', 'default', '2026-03-01', 'RUNNING', 'manual', '2000-01-01T00:00:00.000000Z');
            INSERT INTO organizations.org_meta_quota_leases (lease_id, org_slug, run_id, acquired_at, expires_at)
            VALUES ('crashed', 'acme', 'crashed', '2000-01-01T00:00:00.000000Z', '2000-01-01T01:00:00.000000Z');
            """, parameters: [:])
        // The duplicate guard would refuse the date while 'crashed' is RUNNING; reaping its lease frees it.
        let outcome = try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: "2026-03-01"))
        #expect(outcome.status == .completed)
        let status = try await session.warehouse.query(
            "SELECT status, error_class FROM organizations.org_meta_pipeline_runs WHERE run_id = 'crashed'", parameters: [:])
        #expect(status.rows.first?.map(\.description) == ["FAILED", "LeaseExpired"])
    }

    @Test("a run over its time limit ends TIMEOUT and releases its lease")
    func runTimeout() async throws {
        var files = RunnerFixture.files
        files[4] = SourceFile(
            path: "pipelines/daily.yaml",
            text: String(decoding: files[4].bytes, as: UTF8.self).replacingOccurrences(of: "timeout: 1h", with: "timeout: 1s"))
        let root = NSTemporaryDirectory() + "cloudact-timeout-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/in/acme", withIntermediateDirectories: true)
        try "usage_date,item,quantity\n2026-03-01,a,1\n".write(toFile: root + "/in/acme/raw_2026-03-01.csv", atomically: true, encoding: .utf8)
        let (session, _) = try await LocalSession.open(
            files: files, org: "acme", warehouseFolder: root + "/warehouse",
            runnerOptions: RunnerOptions(inputRoot: root, leaseGrace: 1, beforeStep: { _ in try? await Task.sleep(nanoseconds: 1_500_000_000) }))
        let outcome = try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: "2026-03-01"))
        #expect(outcome.status == .timeout)
        #expect(try await RunnerFixture.count(session, "SELECT COUNT(*) FROM organizations.org_meta_quota_leases WHERE released_at IS NULL") == 0)
        #expect(try await RunnerFixture.count(session, "SELECT COUNT(*) FROM organizations.org_meta_pipeline_runs WHERE status = 'TIMEOUT'") == 1)
    }

    @Test("every run and step transition is recorded in order")
    func transitions() async throws {
        let (session, _) = try await RunnerFixture.session()
        let outcome = try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: "2026-03-01"))
        let rows = try await session.warehouse.query(
            "SELECT COALESCE(step_id, '-'), COALESCE(from_status, '-'), to_status FROM organizations.org_meta_state_transitions WHERE run_id = @r ORDER BY sequence",
            parameters: ["r": .text(outcome.runID)])
        let lines = rows.rows.map { $0.map(\.description).joined(separator: " ") }
        #expect(lines.first == "- - PENDING")
        #expect(lines.dropFirst().first == "- PENDING RUNNING")
        #expect(lines.last == "- RUNNING COMPLETED")
        #expect(lines.contains("price RUNNING COMPLETED"))
    }
}

/// Holds runs inside a step until the test has seen every trigger decided.
actor Gate {
    private var opened = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var refusals = 0

    func wait() async {
        if opened { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func refused() { refusals += 1 }

    func openWhen(refusals expected: Int, timeoutSeconds: Int) async {
        for _ in 0..<(timeoutSeconds * 100) where refusals < expected {
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        opened = true
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }
}

@Suite("Pipeline runner: failures and retries")
struct RunnerFailureTests {
    /// The fixture with a different pipeline definition.
    func session(pipeline: String, rows: String = "usage_date,item,quantity\n2026-03-01,a,3\n") async throws -> LocalSession {
        var files = RunnerFixture.files
        files[4] = SourceFile(path: "pipelines/daily.yaml", text: pipeline)
        let root = NSTemporaryDirectory() + "cloudact-failures-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/in/acme", withIntermediateDirectories: true)
        try rows.write(toFile: root + "/in/acme/raw_2026-03-01.csv", atomically: true, encoding: .utf8)
        try "item,unit_price\na,0.25\n".write(toFile: root + "/prices.csv", atomically: true, encoding: .utf8)
        let (session, _) = try await LocalSession.open(
            files: files, org: "acme", warehouseFolder: root + "/warehouse",
            runnerOptions: RunnerOptions(inputRoot: root, backoffScale: 0.001))
        _ = try await session.seed(table: "prices", from: root + "/prices.csv", format: .csv)
        return session
    }

    @Test("on_failure: continue records the failure, skips its dependents, runs independent steps and completes the run")
    func continueOnFailure() async throws {
        let session = try await session(pipeline: """
            pipeline: daily
            name: Daily
            steps:
              - id: load_missing
                load: { source: file, path: "in/{org}/nope_{date}.csv", format: csv, into: raw }
                on_failure: continue
              - id: after_missing
                call: sp_price
                with: { p_day: $date }
                after: [load_missing]
              - id: load
                load: { source: file, path: "in/{org}/raw_{date}.csv", format: csv, into: raw }
            """)
        let outcome = try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: "2026-03-01"))
        #expect(outcome.status == .completed)
        #expect(Dictionary(uniqueKeysWithValues: outcome.steps.map { ($0.stepID, $0.status) })
            == ["load_missing": .failed, "after_missing": .skipped, "load": .completed])
    }

    @Test("a failed step with on_failure stop fails the run and skips what waits for it")
    func stopOnFailure() async throws {
        let session = try await session(pipeline: """
            pipeline: daily
            name: Daily
            steps:
              - id: load_missing
                load: { source: file, path: "in/{org}/nope_{date}.csv", format: csv, into: raw }
              - id: after_missing
                call: sp_price
                with: { p_day: $date }
                after: [load_missing]
            """)
        let outcome = try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: "2026-03-01"))
        #expect(outcome.status == .failed)
        #expect(outcome.steps.map(\.status) == [.failed, .skipped])
        #expect(outcome.errorClass == "LoadError")
    }

    @Test("data errors are not retried; the attempts used are recorded")
    func noRetryForDataErrors() async throws {
        let session = try await session(pipeline: """
            pipeline: daily
            name: Daily
            steps:
              - id: load_missing
                load: { source: file, path: "in/{org}/nope_{date}.csv", format: csv, into: raw }
                retry: { attempts: 3, backoff: 1s }
            """)
        let outcome = try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: "2026-03-01"))
        #expect(outcome.steps.first?.attempts == 1)
        #expect(outcome.status == .failed)
    }

    @Test("a running run can be cancelled; it ends CANCELLED and releases its lease")
    func cancellation() async throws {
        let gate = Gate()
        var files = RunnerFixture.files
        files[4] = SourceFile(path: "pipelines/daily.yaml", text: """
            pipeline: daily
            name: Daily
            steps:
              - id: load
                load: { source: file, path: "in/{org}/raw_{date}.csv", format: csv, into: raw }
              - id: price
                call: sp_price
                with: { p_day: $date }
                after: [load]
            """)
        let root = NSTemporaryDirectory() + "cloudact-cancel-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/in/acme", withIntermediateDirectories: true)
        try "usage_date,item,quantity\n2026-03-01,a,3\n".write(toFile: root + "/in/acme/raw_2026-03-01.csv", atomically: true, encoding: .utf8)
        let (session, _) = try await LocalSession.open(
            files: files, org: "acme", warehouseFolder: root + "/warehouse",
            runnerOptions: RunnerOptions(inputRoot: root, beforeStep: { step in if step == "price" { await gate.wait() } }))
        async let outcome = session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: "2026-03-01"))
        // Wait until the run is in progress, cancel it, then let the held step go.
        var runID: String?
        for _ in 0..<200 where runID == nil {
            try await Task.sleep(nanoseconds: 10_000_000)
            runID = try await session.warehouse.query(
                "SELECT run_id FROM organizations.org_meta_pipeline_runs WHERE status = 'RUNNING'", parameters: [:]
            ).rows.first?.first?.text
        }
        await session.runner.cancel(runID: try #require(runID))
        await gate.openWhen(refusals: 0, timeoutSeconds: 0)
        let result = try await outcome
        #expect(result.status == .cancelled)
        #expect(result.steps.last?.status != .completed)
        #expect(try await RunnerFixture.count(session, "SELECT COUNT(*) FROM organizations.org_meta_quota_leases WHERE released_at IS NULL") == 0)
        #expect(try await RunnerFixture.rows(session, "costs").isEmpty)
    }
}
