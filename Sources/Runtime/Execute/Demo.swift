internal import Compiler
import Foundation
public import PipelineDSL

/// `cloudact demo`: a month of sample data for one tenant, every pipeline of the project, a cost summary.
/// Running it again in the same folder is safe: samples are deterministic and every run replaces its own rows.
public enum Demo {
    /// One line of the summary.
    public struct Line: Sendable {
        public var label: String
        public var cost: Double
    }

    /// The summary: total FOCUS BilledCost by provider, by service category and by hierarchy path.
    public struct Summary: Sendable {
        public var byProvider: [Line]
        public var byServiceCategory: [Line]
        public var byHierarchyPath: [Line]
        public var runs: Int
        public var failedRuns: Int
    }

    /// Generates samples, deploys, seeds reference data, runs every pipeline for every day, and summarises.
    public static func run(
        files: [SourceFile], org: String, from: String, to: String, root: String, warehouseFolder: String,
        progress: @escaping @Sendable (String) -> Void
    ) async throws -> Summary {
        let written = try SampleGenerator(org: org).write(to: root, from: from, to: to)
        progress("samples: \(written.count) files for \(org), \(from) to \(to)")
        let (session, deploy) = try await LocalSession.open(
            files: files, org: org, warehouseFolder: warehouseFolder,
            runnerOptions: RunnerOptions(inputRoot: root, defaultPlan: .scale))
        let changed = deploy.changes.filter { if case .unchanged = $0 { return false } else { return true } }
        progress("deploy: \(changed.count) change\(changed.count == 1 ? "" : "s"), \(deploy.changes.count - changed.count) unchanged")
        try await session.setPlan(.scale)
        let prices = try await session.seed(
            table: "genai_payg_pricing", from: root + "/samples/pricing/genai_payg_pricing.csv", format: .csv)
        let hierarchy = try await session.seed(
            table: "org_hierarchy", from: root + "/samples/\(org)/org_hierarchy.csv", format: .csv,
            ownedBy: ["org_slug": .text(org)])
        progress("reference data: \(prices) prices, \(hierarchy) hierarchy entities")
        var runs = 0
        var failed = 0
        for pipeline in session.program.pipelines.keys.sorted() {
            let results = await session.run(pipeline: pipeline, from: from, to: to) { index, total, result in
                if index == total || index % 10 == 0 {
                    progress("\(pipeline): \(index)/\(total)")
                }
                if case .success(let outcome) = result, outcome.status != .completed {
                    progress("  \(outcome.request.date) \(outcome.status.rawValue): \(outcome.errorMessage ?? "")")
                }
                if case .failure(let refused) = result { progress("  refused: \(refused)") }
            }
            runs += results.count
            failed += results.filter { if case .success(let o) = $0 { return o.status != .completed } else { return true } }.count
        }
        let dataset = session.program.options.tenantDataset
        let range = Timestamps.dayRange(from: from, to: to)
        func lines(_ column: String) async throws -> [Line] {
            let rows = try await session.warehouse.query(
                """
                SELECT COALESCE(\(column), '(none)') AS label, SUM(BilledCost) AS cost
                FROM "\(dataset)".cost_data_standard_1_3
                WHERE ChargePeriodStart >= @from AND ChargePeriodStart < @to
                GROUP BY 1 ORDER BY 2 DESC, 1
                """,
                parameters: ["from": .text(range.start), "to": .text(range.end)])
            return rows.rows.map { Line(label: $0[0].text ?? "", cost: $0[1].real ?? 0) }
        }
        return Summary(
            byProvider: try await lines("ServiceProviderName"), byServiceCategory: try await lines("ServiceCategory"),
            byHierarchyPath: try await lines("x_hierarchy_path_names"), runs: runs, failedRuns: failed)
    }
}
