import Foundation

/// Writes deterministic, provider-shaped sample inputs for one tenant and a date range (`cloudact samples`).
///
/// Files (paths relative to the root; columns in Docs/SAMPLES.md):
/// - `samples/pricing/genai_payg_pricing.csv` — the GenAI price list (`genai_payg_pricing`)
/// - `samples/{org}/org_hierarchy.csv` — departments, projects, teams (`org_hierarchy`)
/// - `samples/{org}/subscriptions/plans.csv` — SaaS plans (`subscription_plans`)
/// - `samples/{org}/openai/usage_{date}.jsonl`, `samples/{org}/anthropic/usage_{date}.jsonl` — daily usage
///   (`genai_payg_usage_raw`)
/// - `samples/{org}/cloud/{gcp,aws,azure,oci}/billing_{date}.csv` — daily cloud billing rows (no tables yet)
///
/// The same org, seed and dates always give byte-identical files, on every platform: all randomness comes from
/// SplitMix64 streams keyed by (seed, org, file kind, date), so a day's file does not depend on the rest of the range
/// either (plans and the hierarchy are placed relative to the range and depend on it).
public struct SampleGenerator: Sendable {
    /// Why samples could not be generated.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String

        public init(description: String) { self.description = description }
    }

    /// The default seed (any value works; this one makes `cloudact demo` reproducible).
    public static let defaultSeed: UInt64 = 0x00C1_0DAC_7202_6001

    /// The longest range generated in one call, in days.
    public static let maxDays = 3_660

    /// The embedded projection of `../shared/data/genai_payg_price_components.csv` the price list is derived from
    /// (exposed so that tests can check its provenance against the source file).
    public static var embeddedPriceComponents: String { GenAIPriceList.embeddedCSV }

    public let org: String
    public let seed: UInt64

    public init(org: String, seed: UInt64 = SampleGenerator.defaultSeed) {
        self.org = org
        self.seed = seed
    }

    /// Generates the files in memory: (path relative to the root, bytes), single files first, then day by day.
    public func files(from: String, to: String) throws(Failure) -> [(path: String, bytes: [UInt8])] {
        guard org.utf8.count >= 3, org.utf8.count <= 50,
            org.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F })
        else {
            throw Failure(description: "'\(org)' is not a valid org slug (3–50 characters: a-z, 0-9 and _)")
        }
        guard let first = CivilDate(from) else { throw Failure(description: "--from '\(from)' is not a date (YYYY-MM-DD)") }
        guard let last = CivilDate(to) else { throw Failure(description: "--to '\(to)' is not a date (YYYY-MM-DD)") }
        guard first <= last else { throw Failure(description: "--from \(from) is after --to \(to)") }
        guard first >= GenAIPriceList.beginning else {
            throw Failure(description: "samples start on 2020-01-01 or later (the price list starts then)")
        }
        let days = last.dayNumber - first.dayNumber + 1
        guard days <= SampleGenerator.maxDays else {
            throw Failure(description: "\(days) days is too long a range; generate at most \(SampleGenerator.maxDays) days at a time")
        }
        let tenant = SampleOrg(slug: org, seed: seed)
        let base = "samples/\(org)"
        var files: [(String, [UInt8])] = [
            ("samples/pricing/genai_payg_pricing.csv", GenAIPriceList.csv()),
            ("\(base)/org_hierarchy.csv", SampleHierarchy.csv(org: tenant, from: first)),
            ("\(base)/subscriptions/plans.csv", SubscriptionSamples.csv(org: tenant, from: first, to: last)),
        ]
        for offset in 0..<days {
            let date = first.adding(days: offset)
            let day = date.description
            files.append(("\(base)/openai/usage_\(day).jsonl", GenAIUsageSamples.jsonl(provider: "openai", org: tenant, date: date)))
            files.append(
                ("\(base)/anthropic/usage_\(day).jsonl", GenAIUsageSamples.jsonl(provider: "anthropic", org: tenant, date: date)))
            files.append(("\(base)/cloud/gcp/billing_\(day).csv", CloudBillingSamples.gcp(org: tenant, date: date)))
            files.append(("\(base)/cloud/aws/billing_\(day).csv", CloudBillingSamples.aws(org: tenant, date: date)))
            files.append(("\(base)/cloud/azure/billing_\(day).csv", CloudBillingSamples.azure(org: tenant, date: date)))
            files.append(("\(base)/cloud/oci/billing_\(day).csv", CloudBillingSamples.oci(org: tenant, date: date)))
        }
        return files
    }

    /// Writes the files under `root` (creating folders; existing files are replaced atomically) and returns their
    /// paths (`root/relative`), in generation order.
    public func write(to root: String, from: String, to: String) throws -> [String] {
        var written: [String] = []
        for (relative, bytes) in try files(from: from, to: to) {
            let path = root.isEmpty || root == "." ? relative : (root.hasSuffix("/") ? root + relative : root + "/" + relative)
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
            written.append(path)
        }
        return written
    }
}
