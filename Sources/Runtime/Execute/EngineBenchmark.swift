internal import Compiler
import Foundation
public import PipelineDSL

/// The embedded engine's benchmark: pricing and FOCUS conversion of N raw usage rows against a plain
/// `INSERT INTO … SELECT` copy of the same rows (Docs/BENCHMARKS.md). Measured in a release build.
public enum EngineBenchmark {
    public struct Result: Sendable {
        public var rows: Int
        public var copySeconds: Double
        public var pricingSeconds: Double
        public var focusSeconds: Double
        public var costRows: Int
        public var focusRows: Int

        /// (pricing + FOCUS) / copy.
        public var ratio: Double { (pricingSeconds + focusSeconds) / copySeconds }
    }

    /// Runs the benchmark in a fresh warehouse under `folder` with the project's standard library `files`.
    ///
    /// The `rows` raw records of one day spread evenly over `accounts` × 8 models × 3 usage keys daily keys
    /// (an account belongs to one of 20 teams): a provider's hourly buckets or per-request logs, which the pricing
    /// procedure sums to the daily grain. `accounts * 24 >= rows` makes every record its own daily key, the worst
    /// case, where the FOCUS conversion writes as many rows as it reads.
    public static func run(files: [SourceFile], rows: Int, accounts: Int, folder: String) async throws -> Result {
        let (session, _) = try await LocalSession.open(files: files, org: "bench", warehouseFolder: folder)
        let warehouse = session.warehouse
        let date = "2026-10-15"
        // Prices for every generated (provider, model, usage key), and a hierarchy.
        try await warehouse.execute(
            """
            DELETE FROM organizations.genai_payg_pricing;
            INSERT INTO organizations.genai_payg_pricing (provider, model_id, pricing_variant, usage_key, per_units, unit_price_usd, effective_from, effective_to, source)
            WITH RECURSIVE m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 7),
                 k(i, name) AS (VALUES (0, 'uncached_input_tokens'), (1, 'cached_input_tokens'), (2, 'output_tokens'))
            SELECT CASE WHEN m.i < 4 THEN 'openai' ELSE 'anthropic' END, 'model-' || m.i, 'standard', k.name, 1000000,
                   0.15 + m.i * 0.35 + k.i * 1.25, '2026-01-01', NULL, 'benchmark'
            FROM m CROSS JOIN k;
            DELETE FROM organizations.org_hierarchy WHERE org_slug = 'bench';
            INSERT INTO organizations.org_hierarchy (org_slug, entity_id, entity_name, level_code, path, path_names, start_date, end_date)
            WITH RECURSIVE e(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM e WHERE i < 19)
            SELECT 'bench', 'team-' || i, 'Team ' || i, 'TEAM', 'org/dept-' || (i % 4) || '/team-' || i,
                   'Bench > Dept ' || (i % 4) || ' > Team ' || i, '2026-01-01', NULL FROM e;
            """, parameters: [:])
        // N raw usage rows for one day, one credential, through SQL so that generating them costs nothing here.
        // Record i belongs to daily key k = i % (accounts * 24): account k / 24, model (k / 3) % 8, usage key k % 3.
        try await warehouse.execute(
            """
            DELETE FROM bench_prod.genai_payg_usage_raw;
            INSERT INTO bench_prod.genai_payg_usage_raw
              (usage_date, provider, model, region, usage_key, quantity, request_count,
               x_org_slug, x_pipeline_id, x_credential_id, x_pipeline_run_date, x_run_id, x_ingested_at, x_ingestion_date,
               x_hierarchy_entity_id, x_genai_provider, x_genai_account_id)
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < @rows - 1),
                 r(i, k) AS (SELECT i, i % (@accounts * 24) FROM n)
            SELECT @date, CASE WHEN (k / 3) % 8 < 4 THEN 'openai' ELSE 'anthropic' END, 'model-' || ((k / 3) % 8), 'us',
                   CASE k % 3 WHEN 0 THEN 'uncached_input_tokens' WHEN 1 THEN 'cached_input_tokens' ELSE 'output_tokens' END,
                   1000 + (i * 7919) % 900000, 1 + i % 13,
                   'bench', 'bench_pipeline', 'default', @date, 'load', '2026-10-16T00:00:00.000000Z', '2026-10-16',
                   'team-' || ((k / 24) % 20), CASE WHEN (k / 3) % 8 < 4 THEN 'openai' ELSE 'anthropic' END,
                   'proj_' || (k / 24)
            FROM r;
            """, parameters: ["rows": .integer(Int64(rows)), "accounts": .integer(Int64(accounts)), "date": .text(date)])
        // The copy target has the raw table's own schema and indexes, so the baseline pays for the same writes.
        let rawDDL = session.program.tables["genai_payg_usage_raw"]!.sql
        try await warehouse.execute(
            rawDDL.replacingOccurrences(of: "genai_payg_usage_raw", with: "raw_copy") + "\nDELETE FROM bench_prod.raw_copy;",
            parameters: [:])

        let copyStart = Date()
        try await warehouse.execute(
            "INSERT INTO bench_prod.raw_copy SELECT * FROM bench_prod.genai_payg_usage_raw", parameters: [:])
        let copySeconds = Date().timeIntervalSince(copyStart)

        let arguments: [String: SQLValue] = [
            "org_slug": .text("bench"), "pipeline_id": .text("bench_pipeline"), "credential_id": .text("default"),
            "run_id": .text("bench-run"), "run_date": .text(date), "p_cost_date": .text(date),
        ]
        let pricingStart = Date()
        try await warehouse.call(procedure: "sp_genai_payg_price_usage", dataset: "bench_prod", arguments: arguments)
        let pricingSeconds = Date().timeIntervalSince(pricingStart)
        let focusStart = Date()
        try await warehouse.call(procedure: "sp_genai_payg_to_focus", dataset: "bench_prod", arguments: arguments)
        let focusSeconds = Date().timeIntervalSince(focusStart)

        let costRows = try await warehouse.query("SELECT COUNT(*) FROM bench_prod.genai_payg_costs_daily", parameters: [:])
        let focusRows = try await warehouse.query("SELECT COUNT(*) FROM bench_prod.cost_data_standard_1_3", parameters: [:])
        return Result(
            rows: rows, copySeconds: copySeconds, pricingSeconds: pricingSeconds, focusSeconds: focusSeconds,
            costRows: Int(costRows.rows.first?.first?.integer ?? 0), focusRows: Int(focusRows.rows.first?.first?.integer ?? 0))
    }
}
