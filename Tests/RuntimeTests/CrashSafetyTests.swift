import Compiler
import Foundation
import PipelineDSL
@testable import Runtime
import Testing
import TestSupport

/// Kills `cloudact run` with SIGKILL while a procedure is writing, then checks that nothing partial is left and
/// that the run ends FAILED once its lease expires.
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    /// The CLI binary, built if it is not there yet.
    func cloudactBinary() throws -> String {
        let binary = repositoryRoot + "/.build/debug/cloudact"
        if !FileManager.default.fileExists(atPath: binary) {
            let build = Process()
            build.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            build.arguments = ["swift", "build", "--product", "cloudact", "--package-path", repositoryRoot]
            try build.run()
            build.waitUntilExit()
        }
        return binary
    }

    @Test("SIGKILL in the middle of a procedure leaves no partial rows, and the run ends FAILED when its lease expires")
    func sigkillMidProcedure() async throws {
        let binary = try cloudactBinary()
        let root = NSTemporaryDirectory() + "cloudact-crash-" + UUID().uuidString
        for folder in ["tables", "procedures", "pipelines", "in/acme"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        for file in RunnerFixture.files {
            try Data(file.bytes).write(to: URL(fileURLWithPath: root + "/" + file.path))
        }
        // Enough rows that pricing them takes a while.
        var csv = "usage_date,item,quantity\n"
        csv.reserveCapacity(40_000_000)
        for index in 0..<1_500_000 { csv += "2026-03-01,\(index % 2 == 0 ? "a" : "b"),\(index % 97)\n" }
        try csv.write(toFile: root + "/in/acme/raw_2026-03-01.csv", atomically: true, encoding: .utf8)
        try "item,unit_price\na,0.25\nb,1.5\n".write(toFile: root + "/prices.csv", atomically: true, encoding: .utf8)
        do {
            // Deploy and seed the prices in this process, then close.
            let (session, _) = try await LocalSession.open(files: RunnerFixture.files, org: "acme", warehouseFolder: root + "/warehouse")
            _ = try await session.seed(table: "prices", from: root + "/prices.csv", format: .csv)
            try await session.setPlan(.scale)
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["run", "daily", "--org", "acme", "--date", "2026-03-01", "--warehouse", root + "/warehouse", "--input", root]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.standardError = FileHandle.nullDevice
        try process.run()

        // Wait until the pricing step is running, give it a moment to be mid-insert, then kill the process.
        let observer = try LocalWarehouse(folder: root + "/warehouse")
        var pricing = false
        for _ in 0..<2400 where !pricing {
            try await Task.sleep(nanoseconds: 50_000_000)
            let rows = try await observer.query(
                "SELECT COUNT(*) FROM organizations.org_meta_state_transitions WHERE step_id = 'price' AND to_status = 'RUNNING'",
                parameters: [:])
            pricing = (rows.rows.first?.first?.integer ?? 0) > 0
        }
        try #require(pricing, "the run never reached its pricing step")
        try await Task.sleep(nanoseconds: 300_000_000)
        #expect(process.isRunning, "the procedure finished before it could be killed; make the input bigger")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        // Nothing of the killed transaction is visible; the load before it committed.
        let (session, _) = try await LocalSession.open(files: RunnerFixture.files, org: "acme", warehouseFolder: root + "/warehouse")
        #expect(try await RunnerFixture.count(session, "SELECT COUNT(*) FROM acme_prod.costs") == 0)
        #expect(try await RunnerFixture.count(session, "SELECT COUNT(*) FROM acme_prod.raw") == 1_500_000)
        #expect(
            try await RunnerFixture.count(session, "SELECT COUNT(*) FROM organizations.org_meta_pipeline_runs WHERE status = 'RUNNING'") == 1)
        // Time passes: the dead run's lease expires. The next run reaps it.
        try await session.warehouse.execute(
            "UPDATE organizations.org_meta_quota_leases SET expires_at = '2000-01-01T00:00:00.000000Z' WHERE released_at IS NULL",
            parameters: [:])
        _ = try await session.runner.run(RunRequest(pipeline: "daily", org: "acme", date: "2026-03-02"))
        let status = try await session.warehouse.query(
            "SELECT status, error_class FROM organizations.org_meta_pipeline_runs WHERE data_date = '2026-03-01'", parameters: [:])
        #expect(status.rows.map { $0.map(\.description) } == [["FAILED", "LeaseExpired"]])
        #expect(
            try await RunnerFixture.count(session, "SELECT COUNT(*) FROM organizations.org_meta_quota_leases WHERE released_at IS NULL") == 0)
        try? FileManager.default.removeItem(atPath: root)
    }
}
