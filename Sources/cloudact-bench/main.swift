// cloudact-bench: generates synthetic projects for the release-build benchmarks (Docs/BENCHMARKS.md).
//
//     cloudact-bench generate --pipelines N --out DIR
//
// writes DIR/tables (ten tables shaped like the example project's), DIR/procedures (N procedures shaped like
// procedures/sp_genai_payg_price_usage.yaml) and DIR/pipelines (N pipelines of about 60 lines: loads, calls
// and checks with `after` lists, retries, timeouts, a cron schedule with a time zone, and arguments). The
// project validates clean, and the output depends only on N: the same N always gives the same bytes.
import Foundation

// MARK: - Command line

/// The parsed command line.
struct Arguments {
    var pipelines = 100
    var out = ""

    static let usage = """
        usage: cloudact-bench generate --pipelines N --out DIR

        Writes a synthetic project that validates clean: DIR/tables, DIR/procedures (N files) and
        DIR/pipelines (N files of about 60 lines each). Files already in those folders are replaced;
        other files there are left alone. The output is deterministic.

        """

    /// Parses `generate --pipelines N --out DIR`; nil (after printing why) if the arguments are wrong.
    static func parse(_ arguments: [String]) -> Arguments? {
        guard arguments.first == "generate" else { return nil }
        var result = Arguments()
        var index = 1
        while index < arguments.count {
            let flag = arguments[index]
            guard index + 1 < arguments.count else {
                standardError("error: \(flag) needs a value\n")
                return nil
            }
            let value = arguments[index + 1]
            switch flag {
            case "--pipelines":
                guard let count = Int(value), count >= 1, count <= 100_000 else {
                    standardError("error: --pipelines must be a number from 1 to 100000\n")
                    return nil
                }
                result.pipelines = count
            case "--out":
                result.out = value
            default:
                standardError("error: unknown option '\(flag)'\n")
                return nil
            }
            index += 2
        }
        guard !result.out.isEmpty else {
            standardError("error: --out DIR is required\n")
            return nil
        }
        return result
    }
}

func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

// MARK: - Variety

/// SplitMix64, so the variety in the generated files is the same on every platform and Swift version.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// True with probability 1/2.
    mutating func coin() -> Bool { next() & 1 == 1 }
}

/// A provider family: one raw usage table and one daily cost table, each with a few columns of its own.
struct Family {
    var provider: String
    var category: String
    var displayName: String
    /// Optional columns of the raw table beyond the shared ones: name, type, description.
    var rawExtras: [(String, String, String)]
    /// Optional columns of the cost table, each filled from the raw column of the same name.
    var costExtras: [(String, String)]

    var rawTable: String { "bench_\(provider)_usage_raw" }
    var costTable: String { "bench_\(provider)_costs_daily" }

    static let all: [Family] = [
        Family(
            provider: "openai", category: "genai/payg", displayName: "OpenAI",
            rawExtras: [
                ("region", "STRING", "provider region; NULL means global"), ("request_count", "INT64", "API requests"),
                ("project_id", "STRING", "OpenAI project"),
            ],
            costExtras: [("region", "STRING"), ("request_count", "INT64"), ("project_id", "STRING")]),
        Family(
            provider: "anthropic", category: "genai/payg", displayName: "Anthropic",
            rawExtras: [
                ("workspace_id", "STRING", "Anthropic workspace"),
                ("service_tier", "STRING", "standard, batch or priority"),
                ("request_count", "INT64", "API requests"),
            ],
            costExtras: [("workspace_id", "STRING"), ("service_tier", "STRING"), ("request_count", "INT64")]),
        Family(
            provider: "gemini", category: "genai/payg", displayName: "Gemini",
            rawExtras: [
                ("region", "STRING", "Vertex region"), ("gcp_project", "STRING", "billing project"),
                ("characters", "INT64", "input characters"),
            ],
            costExtras: [("region", "STRING"), ("gcp_project", "STRING"), ("characters", "INT64")]),
        Family(
            provider: "deepseek", category: "genai/payg", displayName: "DeepSeek",
            rawExtras: [
                ("api_key_id", "STRING", "API key the usage was billed to"),
                ("off_peak", "BOOL", "off-peak discount applied"),
                ("request_count", "INT64", "API requests"),
            ],
            costExtras: [("api_key_id", "STRING"), ("off_peak", "BOOL"), ("request_count", "INT64")]),
    ]
}

// MARK: - Tables

enum Tables {
    static func files() -> [(name: String, text: String)] {
        var files: [(String, String)] = [("genai_payg_pricing.yaml", pricing), ("org_hierarchy.yaml", orgHierarchy)]
        for family in Family.all {
            files.append(("\(family.rawTable).yaml", raw(family)))
            files.append(("\(family.costTable).yaml", cost(family)))
        }
        return files
    }

    static func raw(_ family: Family) -> String {
        var text = """
            # Raw token usage as the \(family.displayName) usage API reports it, one row per usage key (long format).
            table: \(family.rawTable)
            description: Pay-as-you-go \(family.displayName) usage by day, model and usage key
            scope: org
            partition: usage_date
            cluster: [provider, model]
            fields: [lineage, hierarchy, genai]
            columns:
              usage_date: { type: DATE, required: true }
              provider: { type: STRING, required: true }
              model: { type: STRING, required: true }
              usage_key: { type: STRING, required: true, description: "uncached_input_tokens, output_tokens, ..." }
              quantity: { type: INT64, required: true }

            """
        for (name, type, description) in family.rawExtras {
            text += "  \(name): { type: \(type), description: \"\(description)\" }\n"
        }
        return text
    }

    static func cost(_ family: Family) -> String {
        var text = """
            # Daily list cost of \(family.displayName) usage per model and usage key.
            table: \(family.costTable)
            description: Priced \(family.displayName) usage by day
            scope: org
            partition: cost_date
            cluster: [provider, model]
            fields: [lineage, hierarchy, genai]
            columns:
              cost_date: { type: DATE, required: true }
              provider: { type: STRING, required: true }
              model: { type: STRING, required: true }
              usage_key: { type: STRING, required: true }
              quantity: { type: INT64, required: true }
              unit_price_usd: BIGNUMERIC
              list_cost_usd: { type: BIGNUMERIC, required: true }

            """
        for (name, type) in family.costExtras {
            text += "  \(name): \(type)\n"
        }
        text += """
            options:
              require_partition_filter: true

            """
        return text
    }

    static let pricing = """
        # The GenAI price list in long format: one price component per row.
        table: genai_payg_pricing
        description: Unit prices per provider, model and usage key, with validity dates
        scope: central
        cluster: [provider, model_id]
        columns:
          provider: { type: STRING, required: true }
          model_id: { type: STRING, required: true }
          pricing_variant: { type: STRING, required: true, description: "standard, batch, priority, ..." }
          usage_key: { type: STRING, required: true }
          per_units: { type: INT64, required: true, description: "the unit price is per this many units" }
          unit_price_usd: { type: BIGNUMERIC, required: true }
          effective_from: { type: DATE, required: true }
          effective_to: { type: DATE, description: "exclusive; NULL while the price is current" }
          source: { type: STRING, description: "provenance of the price" }

        """

    static let orgHierarchy = """
        # The organisation hierarchy of every tenant, maintained by the platform.
        table: org_hierarchy
        description: Hierarchy entities per tenant, with validity dates
        scope: central
        cluster: [org_slug, entity_id]
        columns:
          org_slug: { type: STRING, required: true }
          entity_id: { type: STRING, required: true }
          entity_name: { type: STRING, required: true }
          level_code: { type: STRING, required: true, description: "DEPT, PROJ, TEAM, ..." }
          path: { type: STRING, required: true, description: "entity ids from the root, '/'-separated" }
          path_names: { type: STRING, required: true, description: "entity names from the root, ' > '-separated" }
          start_date: { type: DATE, required: true }
          end_date: { type: DATE, description: "NULL for the current row" }

        """
}

// MARK: - Procedures

enum Procedures {
    static let verbs = ["price_usage", "cost_usage", "rate_tokens", "bill_usage", "value_usage", "price_tokens"]
    static let parameters = ["p_cost_date", "p_usage_date", "p_day", "p_billing_date"]
    static let variants = ["standard", "batch", "priority", "flex"]
    static let costExpressions = [
        "u.quantity * p.unit_price_usd / p.per_units",
        "SAFE_DIVIDE(u.quantity * p.unit_price_usd, p.per_units)",
        "COALESCE(u.quantity * p.unit_price_usd / p.per_units, 0)",
        "IFNULL(u.quantity * p.unit_price_usd / p.per_units, 0)",
    ]

    /// The name of procedure `index`.
    static func name(_ index: Int) -> String {
        var random = SplitMix64(seed: 0x5EED_0000 &+ UInt64(index))
        let family = Family.all[index % Family.all.count]
        return "sp_bench_\(pad(index))_\(family.provider)_\(random.pick(verbs))"
    }

    /// The parameter name of procedure `index` (pipelines pass it).
    static func parameter(_ index: Int) -> String {
        var random = SplitMix64(seed: 0x9A4A_0000 &+ UInt64(index))
        return random.pick(parameters)
    }

    static func text(_ index: Int) -> String {
        var random = SplitMix64(seed: 0x0B0C_0000 &+ UInt64(index))
        let family = Family.all[index % Family.all.count]
        let parameter = parameter(index)
        let variant = random.pick(variants)
        // The cost table's own columns, a varied subset of them.
        let extras = family.costExtras.filter { _ in random.coin() }
        var text = """
            # Prices one day of \(family.displayName) usage for one credential (\(variant) prices).
            procedure: \(name(index))
            description: Join a day of raw \(family.displayName) usage to the \(variant) price valid on that day
            params: { \(parameter): DATE }
            writes:
              - into: \(family.costTable)
                mode: replace
                from: \(family.rawTable) u
                join:
                  - left: genai_payg_pricing p
                    on: >-
                      p.provider = u.provider AND p.model_id = u.model AND p.usage_key = u.usage_key
                      AND p.pricing_variant = '\(variant)'
                      AND p.effective_from <= u.usage_date AND (p.effective_to IS NULL OR u.usage_date < p.effective_to)
                where: u.usage_date = @\(parameter) AND u.x_credential_id = @credential_id
                select:
                  cost_date: u.usage_date
                  provider: u.provider
                  model: u.model
                  usage_key: u.usage_key
                  quantity: u.quantity

            """
        if random.coin() { text += "      unit_price_usd: p.unit_price_usd\n" }
        text += "      list_cost_usd: \(random.pick(costExpressions))\n"
        for (column, _) in extras {
            text += "      \(column): u.\(column)\n"
        }
        text += """
                hierarchy:
                  entity_id: u.x_hierarchy_entity_id
                checks:
                  - expect: p.unit_price_usd IS NOT NULL
                    message: \(family.displayName) usage without a \(variant) price

            """
        if random.coin() {
            text += """
                      - expect: u.quantity >= 0
                        message: negative \(family.displayName) usage

                """
        }
        return text
    }
}

// MARK: - Pipelines

enum Pipelines {
    static let timeZones = [
        "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "America/Los_Angeles",
        "Asia/Tokyo", "Europe/London",
    ]
    static let durations = ["30s", "45s", "1m", "2m", "90s"]
    static let stepTimeouts = ["5m", "10m", "15m", "20m"]
    static let runTimeouts = ["30m", "45m", "1h", "2h"]

    static func name(_ index: Int) -> String {
        let family = Family.all[index % Family.all.count]
        return "bench_\(family.provider)_payg_\(pad(index))"
    }

    static func text(_ index: Int, count: Int) -> String {
        var random = SplitMix64(seed: 0x91BE_0000 &+ UInt64(index))
        let family = Family.all[index % Family.all.count]
        // Each pipeline prices with its own procedure and re-prices yesterday with a neighbour of the same family.
        let own = index
        let neighbour = count >= 2 * Family.all.count ? (index + Family.all.count) % count : index
        let minute = random.below(60)
        let hour = random.below(24)
        let cron = random.pick([
            "\(minute) \(hour) * * *", "\(minute) \(hour) * * 1-5", "\(minute) */6 * * *",
            "\(minute) \(hour),\((hour + 12) % 24) * * *",
        ])
        let attempts = 2 + random.below(4)
        return """
            # Loads a day of \(family.displayName) usage, prices it, re-prices the day before and checks the result.
            pipeline: \(name(index))
            name: \(family.displayName) PAYG usage and cost \(pad(index))
            description: Loads a day of \(family.displayName) usage and prices it (benchmark pipeline \(index))
            category: \(family.category)
            provider: \(family.provider)
            schedule: { cron: "\(cron)", timezone: \(random.pick(timeZones)) }
            timeout: \(random.pick(runTimeouts))
            steps:
              - id: extract_usage
                name: Load \(family.displayName) usage
                load:
                  source: file
                  path: samples/{org}/\(family.provider)/usage_{date}.jsonl
                  format: jsonl
                  into: \(family.rawTable)
                retry: { attempts: \(attempts), backoff: \(random.pick(durations)) }
                timeout: \(random.pick(stepTimeouts))
              - id: extract_late_usage
                name: Load late \(family.displayName) usage
                load:
                  source: file
                  path: samples/{org}/\(family.provider)/late_{date}.csv
                  format: csv
                  into: \(family.rawTable)
                retry: { attempts: 2, backoff: \(random.pick(durations)) }
                on_failure: continue
              - id: check_usage
                check:
                  table: \(family.rawTable)
                  where: usage_date = @run_date
                  expect:
                    - expect: quantity >= 0
                      message: negative \(family.displayName) usage
                after: [extract_usage, extract_late_usage]
              - id: price_usage
                name: Price the day's usage
                call: \(Procedures.name(own))
                with: { \(Procedures.parameter(own)): $date }
                after: [extract_usage, extract_late_usage]
                retry: { attempts: \(attempts), backoff: \(random.pick(durations)) }
                timeout: \(random.pick(stepTimeouts))
              - id: reprice_previous_day
                name: Re-price the previous day
                call: \(Procedures.name(neighbour))
                with: { \(Procedures.parameter(neighbour)): $previous_date }
                after: [price_usage]
                on_failure: continue
              - id: check_costs
                check:
                  table: \(family.costTable)
                  where: cost_date = @run_date
                  expect:
                    - expect: list_cost_usd >= 0
                      message: negative list cost
                      severity: warning
                    - expect: quantity >= 0
                      message: negative quantity
                after: [price_usage, reprice_previous_day, check_usage]
                timeout: \(random.pick(stepTimeouts))
                on_failure: continue

            """
    }
}

func pad(_ index: Int) -> String {
    let digits = String(index)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}

// MARK: - Writing

/// Writes `text` to `path` unless the file already holds exactly those bytes (keeps re-runs cheap).
func write(_ text: String, to path: String) throws {
    let data = Data(text.utf8)
    if FileManager.default.contents(atPath: path) == data { return }
    try data.write(to: URL(fileURLWithPath: path))
}

func generate(_ arguments: Arguments) throws {
    let root = arguments.out
    let manager = FileManager.default
    for folder in ["tables", "procedures", "pipelines"] {
        try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
    }
    let tables = Tables.files()
    for table in tables {
        try write(table.text, to: "\(root)/tables/\(table.name)")
    }
    var pipelineLines = 0
    for index in 0..<arguments.pipelines {
        try write(Procedures.text(index), to: "\(root)/procedures/\(Procedures.name(index)).yaml")
        let pipeline = Pipelines.text(index, count: arguments.pipelines)
        pipelineLines += pipeline.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        try write(pipeline, to: "\(root)/pipelines/\(Pipelines.name(index)).yaml")
    }
    let count = arguments.pipelines
    print(
        "wrote \(tables.count) tables, \(count) procedure\(count == 1 ? "" : "s") and \(count) "
            + "pipeline\(count == 1 ? "" : "s") (\(pipelineLines / count) lines each on average) to \(root)")
}

guard let arguments = Arguments.parse(Array(CommandLine.arguments.dropFirst())) else {
    standardError(Arguments.usage)
    exit(2)
}
do {
    try generate(arguments)
} catch {
    standardError("error: \(error)\n")
    exit(1)
}
