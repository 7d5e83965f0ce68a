import Compiler
import Foundation
import PipelineDSL
import Runtime
import Testing
import TestSupport

@Suite("Sample generator")
struct SampleGeneratorTests {
    static let project = LoaderFixtures.project
    static let cloudTables: [String: TableDefinition] = {
        var tables: [String: TableDefinition] = [:]
        for entry in CloudBillingTables.all {
            tables[entry.provider] = LoaderFixtures.table(entry.yaml, named: entry.table)
        }
        return tables
    }()

    static let november = try! SampleGenerator(org: "acme").files(from: "2026-11-01", to: "2026-11-30")

    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "cloudact-samples-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The table and format a generated file loads into.
    func target(of path: String) -> (TableDefinition, LoadFormat)? {
        let tables = Self.project.tables
        if path.hasSuffix("/org_hierarchy.csv") { return (tables["org_hierarchy"]!, .csv) }
        if path.hasSuffix("/subscriptions/plans.csv") { return (tables["subscription_plans"]!, .csv) }
        if path.hasSuffix("/genai_payg_pricing.csv") { return (tables["genai_payg_pricing"]!, .csv) }
        if path.hasSuffix(".jsonl") { return (tables["genai_payg_usage_raw"]!, .jsonl) }
        for provider in ["gcp", "aws", "azure", "oci"] where path.contains("/cloud/\(provider)/") {
            return (Self.cloudTables[provider]!, .csv)
        }
        return nil
    }

    func load(_ file: (path: String, bytes: [UInt8])) throws -> LoadedRows {
        guard let (table, format) = target(of: file.path) else { throw SampleGenerator.Failure(description: "no table for \(file.path)") }
        return try FileLoader.load(bytes: file.bytes, path: file.path, format: format, into: table, lineage: LoaderFixtures.lineage)
    }

    func rows(_ path: String, in files: [(path: String, bytes: [UInt8])]) throws -> [[String: LoadValue]] {
        let file = try #require(files.first { $0.path == path }, "no \(path)")
        let loaded = try load(file)
        return loaded.rows.map { Dictionary(uniqueKeysWithValues: zip(loaded.columns, $0)) }
    }

    func text(_ value: LoadValue?) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }

    func integer(_ value: LoadValue?) -> Int64? {
        if case .integer(let integer) = value { return integer }
        return nil
    }

    // MARK: - Determinism

    @Test("the same org, seed and dates give byte-identical files, on disk too")
    func deterministic() throws {
        let again = try SampleGenerator(org: "acme").files(from: "2026-11-01", to: "2026-11-30")
        #expect(again.map(\.path) == Self.november.map(\.path))
        for (a, b) in zip(again, Self.november) { #expect(a.bytes == b.bytes, "\(a.path) differs") }

        let first = try temporaryFolder()
        let second = try temporaryFolder()
        defer {
            try? FileManager.default.removeItem(atPath: first)
            try? FileManager.default.removeItem(atPath: second)
        }
        let written = try SampleGenerator(org: "beta_co", seed: 7).write(to: first, from: "2024-02-27", to: "2024-03-02")
        let rewritten = try SampleGenerator(org: "beta_co", seed: 7).write(to: second, from: "2024-02-27", to: "2024-03-02")
        #expect(written.count == 3 + 5 * 6)
        #expect(written.first == first + "/samples/pricing/genai_payg_pricing.csv")
        for (a, b) in zip(written, rewritten) {
            #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b), "\(a)")
        }
        // Writing again over existing files gives the same bytes.
        _ = try SampleGenerator(org: "beta_co", seed: 7).write(to: first, from: "2024-02-27", to: "2024-03-02")
        for (a, b) in zip(written, rewritten) {
            #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b), "\(a)")
        }
    }

    @Test("a day's files do not depend on the rest of the range; other orgs and seeds differ")
    func independentDays() throws {
        let single = try SampleGenerator(org: "acme").files(from: "2026-11-17", to: "2026-11-17")
        let daily = single.filter { $0.path.contains("2026-11-17") }
        #expect(daily.count == 6)
        for file in daily {
            #expect(Self.november.first { $0.path == file.path }?.bytes == file.bytes, "\(file.path)")
        }
        let other = try SampleGenerator(org: "globex").files(from: "2026-11-17", to: "2026-11-17")
        let reseeded = try SampleGenerator(org: "acme", seed: 42).files(from: "2026-11-17", to: "2026-11-17")
        for index in daily.indices {
            let position = single.firstIndex { $0.path == daily[index].path }!
            #expect(other[position].bytes != single[position].bytes)
            #expect(reseeded[position].bytes != single[position].bytes)
        }
    }

    @Test("bad arguments are refused with a clear message")
    func badArguments() {
        #expect(throws: SampleGenerator.Failure.self) { try SampleGenerator(org: "Acme").files(from: "2026-11-01", to: "2026-11-02") }
        #expect(throws: SampleGenerator.Failure.self) { try SampleGenerator(org: "acme").files(from: "2026-11-02", to: "2026-11-01") }
        #expect(throws: SampleGenerator.Failure.self) { try SampleGenerator(org: "acme").files(from: "2026-02-30", to: "2026-03-01") }
        #expect(throws: SampleGenerator.Failure.self) { try SampleGenerator(org: "acme").files(from: "2019-12-31", to: "2020-01-01") }
        do {
            _ = try SampleGenerator(org: "acme").files(from: "2026-11-02", to: "2026-11-01")
        } catch {
            #expect(error.description == "--from 2026-11-02 is after --to 2026-11-01")
        }
    }

    /// Writes a month of samples for inspection: `SAMPLES_DUMP=/tmp/samples swift test --filter SampleGeneratorTests/dump`.
    @Test("dump samples to a folder", .enabled(if: ProcessInfo.processInfo.environment["SAMPLES_DUMP"] != nil))
    func dump() throws {
        let folder = ProcessInfo.processInfo.environment["SAMPLES_DUMP"]!
        let written = try SampleGenerator(org: "acme").write(to: folder, from: "2026-11-01", to: "2026-11-30")
        print("wrote \(written.count) files under \(folder)")
    }

    // MARK: - Loading

    @Test("every generated file loads cleanly into its table (a month, and a leap-day range for another org)")
    func everyFileLoads() throws {
        let leap = try SampleGenerator(org: "initech_eu", seed: 99).files(from: "2028-02-27", to: "2028-03-02")
        for file in Self.november + leap {
            #expect(target(of: file.path) != nil, "\(file.path)")
            do {
                let loaded = try load(file)
                #expect(!loaded.rows.isEmpty, "\(file.path) is empty")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test("the example pipelines' load paths resolve to generated files")
    func pipelinePathsResolve() throws {
        let paths = Set(Self.november.map(\.path))
        var checked = 0
        for (_, pipeline) in Self.project.pipelines {
            for step in pipeline.syntax.steps {
                guard case .load(let load) = step.action, let pattern = load.path?.value else { continue }
                for date in ["2026-11-01", "2026-11-30"] {
                    let path = FileLoader.resolve(pattern: pattern, org: "acme", date: date)
                    #expect(paths.contains(path), "\(pipeline.syntax.id.value): \(path) is not generated")
                    let (table, format) = try #require(target(of: path))
                    #expect(table.name == load.into.value)
                    #expect(format == (load.format?.value ?? .csv))
                    checked += 1
                }
            }
        }
        #expect(checked >= 6)
    }

    // MARK: - Content

    @Test("every usage row has a standard price on its date; usage is in the millions of tokens; weekends are quieter")
    func usageIsPricedAndRealistic() throws {
        let prices = try rows("samples/pricing/genai_payg_pricing.csv", in: Self.november)
        func priced(_ provider: String, _ model: String, _ key: String, _ date: String) -> Bool {
            prices.contains { price in
                text(price["provider"]) == provider && text(price["model_id"]) == model && text(price["usage_key"]) == key
                    && text(price["pricing_variant"]) == "standard" && text(price["effective_from"])! <= date
                    && (text(price["effective_to"]).map { date < $0 } ?? true)
            }
        }
        let hierarchy = try rows("samples/acme/org_hierarchy.csv", in: Self.november)
        let entities = Set(hierarchy.filter { $0["end_date"] == .null }.compactMap { text($0["entity_id"]) })
        for provider in ["openai", "anthropic"] {
            var weekday: [Int64] = []
            var weekend: [Int64] = []
            var keys: Set<String> = []
            for day in 1...30 {
                let date = "2026-11-\(day < 10 ? "0" : "")\(day)"
                let usage = try rows("samples/acme/\(provider)/usage_\(date).jsonl", in: Self.november)
                var tokens: Int64 = 0
                var seen: Set<String> = []
                for row in usage {
                    let model = try #require(text(row["model"]))
                    let key = try #require(text(row["usage_key"]))
                    #expect(text(row["usage_date"]) == date)
                    #expect(text(row["provider"]) == provider)
                    #expect(priced(provider, model, key, date), "\(provider) \(model) \(key) has no price on \(date)")
                    #expect(integer(row["quantity"])! > 0)
                    if let entity = text(row["x_hierarchy_entity_id"]) { #expect(entities.contains(entity), "\(entity)") }
                    let bucket = "\(text(row["x_genai_account_id"]) ?? "")/\(model)/\(key)"
                    #expect(seen.insert(bucket).inserted, "duplicate usage row \(bucket)")
                    keys.insert(key)
                    if key.hasSuffix("_tokens") { tokens += integer(row["quantity"])! }
                }
                // 2026-11-07/08, 14/15, 21/22, 28/29 are weekends.
                if [7, 8, 14, 15, 21, 22, 28, 29].contains(day) { weekend.append(tokens) } else { weekday.append(tokens) }
            }
            let weekdayMean = weekday.reduce(0, +) / Int64(weekday.count)
            let weekendMean = weekend.reduce(0, +) / Int64(weekend.count)
            #expect(weekdayMean > 10_000_000, "\(provider): \(weekdayMean) tokens on an average weekday")
            #expect(weekendMean < weekdayMean * 3 / 4, "\(provider): weekend \(weekendMean) vs weekday \(weekdayMean)")
            #expect(keys.isSuperset(of: ["uncached_input_tokens", "cache_read_tokens", "output_tokens"]))
            if provider == "anthropic" {
                #expect(keys.isSuperset(of: ["cache_write_tokens", "cache_write_1h_tokens", "web_searches"]))
            }
        }
    }

    @Test("request counts appear once per bucket (OpenAI) and are NULL for Anthropic")
    func requestCounts() throws {
        let openAI = try rows("samples/acme/openai/usage_2026-11-02.jsonl", in: Self.november)
        #expect(openAI.contains { $0["request_count"] != .null })
        #expect(openAI.allSatisfy { ($0["request_count"] == .null) == (text($0["usage_key"]) != "uncached_input_tokens") })
        let anthropic = try rows("samples/acme/anthropic/usage_2026-11-02.jsonl", in: Self.november)
        #expect(anthropic.allSatisfy { $0["request_count"] == .null })
    }

    @Test("plans cover PER_SEAT and FLAT, monthly and annual cycles, anchors on the 29th–31st and NULL seats")
    func plans() throws {
        let plans = try rows("samples/acme/subscriptions/plans.csv", in: Self.november)
        #expect(Set(plans.compactMap { text($0["pricing_model"]) }) == ["PER_SEAT", "FLAT"])
        #expect(Set(plans.compactMap { integer($0["billing_cycle_months"]) }) == [1, 12])
        let anchorDays = Set(plans.compactMap { text($0["billing_anchor"])?.suffix(2) }.map(String.init))
        #expect(anchorDays.isSuperset(of: ["29", "30", "31"]))
        #expect(plans.contains { text($0["billing_anchor"])?.hasSuffix("-02-29") == true }, "a leap-day anchor")
        #expect(plans.contains { $0["seats"] == .null && text($0["pricing_model"]) == "FLAT" })
        #expect(plans.allSatisfy { $0["seats"] != .null || text($0["pricing_model"]) == "FLAT" })
        #expect(plans.contains { text($0["end_date"]).map { $0 >= "2026-11-01" && $0 <= "2026-11-30" } ?? false }, "a plan ends in the range")
        #expect(plans.contains { text($0["start_date"]).map { $0 > "2026-11-01" && $0 <= "2026-11-30" } ?? false }, "a plan starts in the range")
        #expect(Set(plans.compactMap { text($0["subscription_id"]) }).count == plans.count)
    }

    @Test("the hierarchy has one current row per entity, paths from the root, and a renamed entity's history")
    func hierarchy() throws {
        let rows = try rows("samples/acme/org_hierarchy.csv", in: Self.november)
        let current = rows.filter { $0["end_date"] == .null }
        #expect(Set(current.compactMap { text($0["entity_id"]) }).count == current.count)
        #expect(rows.count == current.count + 1)
        let finance = try #require(current.first { text($0["entity_id"]) == "PROJ-FINOPS" })
        #expect(text(finance["path"]) == "DEPT-FIN/PROJ-FINOPS")
        #expect(text(finance["path_names"]) == "Finance, Legal & Ops > FinOps")
        #expect(rows.allSatisfy { text($0["org_slug"]) == "acme" })
    }

    @Test("the price list: the embedded projection matches the shared source; one window per key and date")
    func priceList() throws {
        let generated = try rows("samples/pricing/genai_payg_pricing.csv", in: Self.november)
        #expect(generated.count > 1500)
        #expect(!generated.contains { text($0["usage_key"]) == "input_tokens" })
        var windows: [String: [(String, String?)]] = [:]
        for row in generated {
            let key = ["provider", "model_id", "pricing_variant", "usage_key"].map { text(row[$0]) ?? "" }.joined(separator: "|")
            windows[key, default: []].append((text(row["effective_from"])!, text(row["effective_to"])))
        }
        for (key, list) in windows {
            let sorted = list.sorted { $0.0 < $1.0 }
            for (a, b) in zip(sorted, sorted.dropFirst()) {
                #expect(a.1 != nil && a.1! <= b.0, "\(key): overlapping windows \(a) and \(b)")
            }
        }
        let source = repositoryRoot + "/../shared/data/genai_payg_price_components.csv"
        guard let data = FileManager.default.contents(atPath: source) else { return }  // not every checkout has it
        // The source has CRLF line ends ("\r\n" is one Character, hence isNewline).
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        var projected: [String] = []
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields[column("tier_min_input_tokens_exclusive")] == "0", fields[column("utc_window_start")].isEmpty else { continue }
            #expect(fields[column("currency")] == "USD")
            #expect(fields[column("source")] == "genai-prices==0.2.3")
            projected.append(
                ["provider", "model_id", "pricing_variant", "effective_from", "effective_to", "usage_key", "per_units", "unit_price_usd"]
                    .map { fields[column($0)] }.joined(separator: ","))
        }
        let embedded = SampleGenerator.embeddedPriceComponents.split(whereSeparator: \.isNewline).dropFirst().map(String.init)
        #expect(projected.count == 1923)
        #expect(embedded.count == projected.count, "the source changed: regenerate GenAIPriceListData.swift (Docs/SAMPLES.md)")
        if let difference = zip(embedded, projected).first(where: { $0 != $1 }) {
            Issue.record("embedded price row \(difference.0) differs from the source's \(difference.1)")
        }
        let sonnet = generated.first {
            text($0["model_id"]) == "claude-sonnet-4-5" && text($0["usage_key"]) == "cache_write_1h_tokens" && text($0["pricing_variant"]) == "standard"
        }
        #expect(sonnet?["unit_price_usd"] == .real(6))
        #expect(sonnet?["per_units"] == .integer(1_000_000))
        #expect(text(sonnet?["effective_from"]) == "2020-01-01")
    }

    @Test("cloud files: realistic shapes (hourly GCP compute, CUR savings-plan lines, Azure BOM and CRLF, OCI OCIDs)")
    func cloudShapes() throws {
        let gcp = try rows("samples/acme/cloud/gcp/billing_2026-11-03.csv", in: Self.november)
        #expect(gcp.filter { text($0["service_description"]) == "Compute Engine" && text($0["sku_description"])?.hasPrefix("N2 Instance Core") == true }.count == 24)
        #expect(gcp.contains { text($0["service_id"]) == "C7E2-9256-1C43" })
        #expect(gcp.allSatisfy { text($0["invoice_month"]) == "202611" })
        let aws = try rows("samples/acme/cloud/aws/billing_2026-11-03.csv", in: Self.november)
        let types = Set(aws.compactMap { text($0["line_item_line_item_type"]) })
        #expect(types == ["Usage", "SavingsPlanCoveredUsage", "SavingsPlanNegation", "SavingsPlanRecurringFee"])
        #expect(aws.allSatisfy { text($0["bill_payer_account_id"])?.count == 12 })
        let azureFile = try #require(Self.november.first { $0.path == "samples/acme/cloud/azure/billing_2026-11-01.csv" })
        #expect(azureFile.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: azureFile.bytes, as: UTF8.self).contains("\r\n"))
        let azureFirst = try rows("samples/acme/cloud/azure/billing_2026-11-01.csv", in: Self.november)
        let azureSecond = try rows("samples/acme/cloud/azure/billing_2026-11-02.csv", in: Self.november)
        #expect(azureFirst.contains { text($0["charge_type"]) == "Purchase" }, "the reservation is bought on the 1st")
        #expect(!azureSecond.contains { text($0["charge_type"]) == "Purchase" })
        #expect(azureSecond.contains { text($0["tags"]) == #""team": "search","env": "prod""# })
        let oci = try rows("samples/acme/cloud/oci/billing_2026-11-03.csv", in: Self.november)
        #expect(oci.allSatisfy { text($0["line_item_tenant_id"])?.hasPrefix("ocid1.tenancy.oc1..") == true })
        #expect(oci.allSatisfy { $0["line_item_is_correction"] == .bool(false) })
    }
}
