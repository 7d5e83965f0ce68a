import Compiler
import Foundation
import PipelineDSL
@testable import Runtime
import Testing
import TestSupport

/// The standard library's pricing procedure sums a day's raw records to the daily grain (account, model, usage key,
/// hierarchy entity) and joins the hierarchy to the groups; the values are checked here, on the embedded engine.
@Suite("Daily grain of GenAI pricing")
struct DailyGrainTests {
    @Test("records of one daily key are summed and priced once; accounts and entities stay apart")
    func dailyGrain() async throws {
        let folder = NSTemporaryDirectory() + "cloudact-grain-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (session, _) = try await LocalSession.open(files: exampleProjectFiles(), org: "acme", warehouseFolder: folder)
        let warehouse = session.warehouse
        try await warehouse.execute(
            """
            INSERT INTO organizations.genai_payg_pricing (provider, model_id, pricing_variant, usage_key, per_units, unit_price_usd, effective_from, effective_to, source)
            VALUES ('openai', 'gpt-4o', 'standard', 'output_tokens', 1000000, 10, '2026-01-01', NULL, 'test');
            INSERT INTO organizations.org_hierarchy (org_slug, entity_id, entity_name, level_code, path, path_names, start_date, end_date)
            VALUES ('acme', 'TEAM-A', 'Team A', 'TEAM', 'org/team-a', 'Acme > Team A', '2026-01-01', NULL),
                   ('acme', 'TEAM-A', 'Team A (old)', 'TEAM', 'org/team-a', 'Acme > Team A', '2025-01-01', '2026-01-01'),
                   ('other', 'TEAM-A', 'Another tenant', 'TEAM', 'x', 'x', '2026-01-01', NULL);
            INSERT INTO acme_prod.genai_payg_usage_raw
              (usage_date, provider, model, usage_key, quantity, x_org_slug, x_pipeline_id, x_credential_id,
               x_pipeline_run_date, x_run_id, x_ingested_at, x_ingestion_date, x_hierarchy_entity_id, x_genai_account_id)
            VALUES
              ('2026-10-15', 'openai', 'gpt-4o', 'output_tokens', 100000, 'acme', 'p', 'c', '2026-10-15', 'l', '2026-10-16T00:00:00.000000Z', '2026-10-16', 'TEAM-A', 'proj_1'),
              ('2026-10-15', 'openai', 'gpt-4o', 'output_tokens', 150000, 'acme', 'p', 'c', '2026-10-15', 'l', '2026-10-16T00:00:00.000000Z', '2026-10-16', 'TEAM-A', 'proj_1'),
              ('2026-10-15', 'openai', 'gpt-4o', 'output_tokens', 7, 'acme', 'p', 'c', '2026-10-15', 'l', '2026-10-16T00:00:00.000000Z', '2026-10-16', 'TEAM-A', 'proj_2'),
              ('2026-10-15', 'openai', 'gpt-4o', 'output_tokens', 1000, 'acme', 'p', 'c', '2026-10-15', 'l', '2026-10-16T00:00:00.000000Z', '2026-10-16', 'UNKNOWN-1', 'proj_1'),
              ('2026-10-15', 'openai', 'gpt-4o', 'output_tokens', 2000, 'acme', 'p', 'c', '2026-10-15', 'l', '2026-10-16T00:00:00.000000Z', '2026-10-16', 'UNKNOWN-2', 'proj_1');
            """, parameters: [:])
        let arguments: [String: SQLValue] = [
            "org_slug": .text("acme"), "pipeline_id": .text("p"), "credential_id": .text("c"), "run_id": .text("r"),
            "run_date": .text("2026-10-15"), "p_cost_date": .text("2026-10-15"),
        ]
        try await warehouse.call(procedure: "sp_genai_payg_price_usage", dataset: "acme_prod", arguments: arguments)
        let result = try await warehouse.query(
            """
            SELECT x_genai_account_id, quantity, list_cost_usd, x_hierarchy_entity_id, x_hierarchy_entity_name, x_genai_provider
            FROM acme_prod.genai_payg_costs_daily ORDER BY x_genai_account_id, quantity
            """, parameters: [:])
        let rows = result.rows.map { $0.map(\.description).joined(separator: "|") }
        // Unknown entities keep NULL hierarchy columns but are not merged with each other.
        #expect(
            rows == [
                "proj_1|1000|0.01|NULL|NULL|openai",
                "proj_1|2000|0.02|NULL|NULL|openai",
                "proj_1|250000|2.5|TEAM-A|Team A|openai",
                "proj_2|7|7e-05|TEAM-A|Team A|openai",
            ], "\(rows)")
    }

    @Test("the hierarchy is joined after the aggregation only when the entity is grouped")
    func lateJoinOnlyWhenGrouped() throws {
        func procedureSQL(groupBy: String) throws -> String {
            var files = exampleProjectFiles().filter { !$0.path.hasPrefix("pipelines/") && !$0.path.hasPrefix("procedures/") }
            files.append(
                SourceFile(
                    path: "procedures/sp_t.yaml",
                    text: """
                        procedure: sp_t
                        params: { p_cost_date: DATE }
                        writes:
                          - into: genai_payg_costs_daily
                            from: genai_payg_usage_raw u
                            where: u.usage_date = @p_cost_date
                            group_by: [\(groupBy)]
                            select:
                              cost_date: u.usage_date
                              provider: u.provider
                              model: u.model
                              usage_key: u.usage_key
                              quantity: SUM(u.quantity)
                              list_cost_usd: 0
                            hierarchy:
                              entity_id: u.x_hierarchy_entity_id

                        """))
            let result = Compiler.compile(files, options: CompileOptions(target: .sqlite))
            #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
            return try #require(result.artifacts.first { $0.path.hasSuffix("sp_t.sql") }).text
        }
        let grouped = try procedureSQL(groupBy: "u.usage_date, u.provider, u.model, u.usage_key, u.x_hierarchy_entity_id")
        #expect(grouped.contains(") AS _aggregate\nLEFT JOIN organizations.org_hierarchy AS _hierarchy"))
        #expect(grouped.contains("_hierarchy.entity_id = _aggregate._hierarchy_entity_id"))
        #expect(!grouped.contains("  _hierarchy.entity_name,\n"), "hierarchy columns are not grouped")
        let ungrouped = try procedureSQL(groupBy: "u.usage_date, u.provider, u.model, u.usage_key")
        #expect(!ungrouped.contains("_aggregate"))
        #expect(ungrouped.contains("  _hierarchy.entity_name,\n"), "hierarchy columns are grouped")
    }
}
