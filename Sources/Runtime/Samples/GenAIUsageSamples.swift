/// OpenAI and Anthropic usage in the `genai_payg_usage_raw` shape: one JSON Lines row per (account, model, usage
/// key) and day, as the admin usage APIs report daily buckets once broken into leaf token counts.
enum GenAIUsageSamples {
    /// How a model's daily input splits into leaves.
    enum Shape {
        /// OpenAI chat: `input_tokens` includes cached input; `cached` of it was read from the cache.
        case openAIChat(cached: ClosedRange<Double>, output: ClosedRange<Double>)
        /// Embeddings: input only.
        case embedding
        /// Anthropic messages, relative to uncached input: cache reads, 5-minute writes, 1-hour writes, output,
        /// and web searches per million uncached input tokens.
        case anthropic(read: Double, write5m: Double, write1h: Double, output: Double, searchesPerMTok: Double)
    }

    struct ModelUsage {
        var model: String
        /// Input tokens (OpenAI: total input; Anthropic: uncached input) on an average weekday for a scale-1 org.
        var base: Double
        var shape: Shape
    }

    struct Account {
        var key: String
        var name: String
        var entity: String?
        var region: String?
        /// Weekend activity relative to a weekday.
        var weekend: Double
        var models: [ModelUsage]
    }

    static let openAIAccounts: [Account] = [
        Account(key: "search", name: "Search ranking", entity: "TEAM-SEARCH", region: nil, weekend: 0.45, models: [
            ModelUsage(model: "gpt-4.1", base: 38e6, shape: .openAIChat(cached: 0.35...0.55, output: 0.06...0.12)),
            ModelUsage(model: "gpt-4.1-mini", base: 140e6, shape: .openAIChat(cached: 0.40...0.65, output: 0.05...0.10)),
            ModelUsage(model: "text-embedding-3-small", base: 320e6, shape: .embedding),
        ]),
        Account(key: "assistant", name: "AI assistant", entity: "TEAM-ASSIST", region: nil, weekend: 0.35, models: [
            ModelUsage(model: "gpt-5", base: 24e6, shape: .openAIChat(cached: 0.30...0.50, output: 0.25...0.45)),
            ModelUsage(model: "gpt-5-mini", base: 85e6, shape: .openAIChat(cached: 0.30...0.55, output: 0.20...0.35)),
            ModelUsage(model: "gpt-4o-mini", base: 60e6, shape: .openAIChat(cached: 0.20...0.40, output: 0.10...0.20)),
        ]),
        Account(key: "pipelines", name: "Data pipelines", entity: "TEAM-DATA", region: nil, weekend: 0.9, models: [
            ModelUsage(model: "gpt-4.1-mini", base: 210e6, shape: .openAIChat(cached: 0.10...0.25, output: 0.03...0.08)),
            ModelUsage(model: "gpt-4o-mini", base: 150e6, shape: .openAIChat(cached: 0.05...0.20, output: 0.04...0.09)),
        ]),
        Account(key: "marketing", name: "Marketing copy", entity: "PROJ-MARKETING", region: "eu", weekend: 0.15, models: [
            ModelUsage(model: "gpt-4o", base: 7e6, shape: .openAIChat(cached: 0.10...0.30, output: 0.20...0.40))
        ]),
        Account(key: "sandbox", name: "Sandbox", entity: nil, region: nil, weekend: 0.1, models: [
            ModelUsage(model: "gpt-5-mini", base: 3e6, shape: .openAIChat(cached: 0.0...0.2, output: 0.15...0.30))
        ]),
    ]

    static let anthropicAccounts: [Account] = [
        Account(key: "claude_code", name: "Claude Code", entity: "TEAM-INFRA", region: nil, weekend: 0.25, models: [
            ModelUsage(
                model: "claude-sonnet-4-5", base: 9e6,
                shape: .anthropic(read: 9.0, write5m: 0.7, write1h: 0.2, output: 0.35, searchesPerMTok: 0)),
            ModelUsage(
                model: "claude-haiku-4-5", base: 6e6,
                shape: .anthropic(read: 4.0, write5m: 0.5, write1h: 0, output: 0.25, searchesPerMTok: 0)),
        ]),
        Account(key: "support", name: "Support bot", entity: "TEAM-ASSIST", region: "us", weekend: 0.6, models: [
            ModelUsage(
                model: "claude-haiku-4-5", base: 30e6,
                shape: .anthropic(read: 2.5, write5m: 0.3, write1h: 0, output: 0.18, searchesPerMTok: 0)),
            ModelUsage(
                model: "claude-sonnet-4-5", base: 5e6,
                shape: .anthropic(read: 3.0, write5m: 0.4, write1h: 0.1, output: 0.22, searchesPerMTok: 25)),
        ]),
        Account(key: "research", name: "Research", entity: "TEAM-ML", region: nil, weekend: 0.3, models: [
            ModelUsage(
                model: "claude-opus-4-1", base: 1.5e6,
                shape: .anthropic(read: 5.0, write5m: 0.6, write1h: 0.3, output: 0.4, searchesPerMTok: 40))
        ]),
    ]

    /// The account id the provider shows: `proj_…` (OpenAI project) or `wrkspc_…` (Anthropic workspace).
    static func accountId(_ account: Account, provider: String, org: SampleOrg) -> String {
        var random = org.stream(provider, "account", account.key)
        return (provider == "openai" ? "proj_" : "wrkspc_01") + random.token(provider == "openai" ? 24 : 22)
    }

    /// One provider's usage file for one day.
    static func jsonl(provider: String, org: SampleOrg, date: CivilDate) -> [UInt8] {
        var random = org.stream(provider, "usage", date.description)
        var writer = JSONLinesWriter()
        let accounts = provider == "openai" ? openAIAccounts : anthropicAccounts
        for account in accounts {
            let accountId = accountId(account, provider: provider, org: org)
            let day = SampleOrg.weekdayFactor(date, weekend: account.weekend)
            for usage in account.models {
                var volume = usage.base * org.scale * day * random.noise(0.25)
                if random.chance(0.03) { volume *= random.uniform(1.8, 3.0) }
                var leaves: [(key: String, quantity: Int64)] = []
                var requests: Int64?
                switch usage.shape {
                case .openAIChat(let cached, let output):
                    let cachedTokens = volume * random.uniform(cached.lowerBound, cached.upperBound)
                    leaves = [
                        ("uncached_input_tokens", SampleFormat.whole(volume - cachedTokens)),
                        ("cache_read_tokens", SampleFormat.whole(cachedTokens)),
                        ("output_tokens", SampleFormat.whole(volume * random.uniform(output.lowerBound, output.upperBound))),
                    ]
                    requests = SampleFormat.whole(volume / random.uniform(1800, 4200))
                case .embedding:
                    leaves = [("uncached_input_tokens", SampleFormat.whole(volume))]
                    requests = SampleFormat.whole(volume / random.uniform(250, 700))
                case .anthropic(let read, let write5m, let write1h, let output, let searches):
                    leaves = [
                        ("uncached_input_tokens", SampleFormat.whole(volume)),
                        ("cache_read_tokens", SampleFormat.whole(volume * read * random.noise(0.15))),
                        ("cache_write_tokens", SampleFormat.whole(volume * write5m * random.noise(0.2))),
                        ("cache_write_1h_tokens", SampleFormat.whole(volume * write1h * random.noise(0.2))),
                        ("output_tokens", SampleFormat.whole(volume * output * random.noise(0.15))),
                        ("web_searches", SampleFormat.whole(volume / 1e6 * searches * random.noise(0.3))),
                    ]
                    requests = nil  // the legacy usage report has no request count
                }
                var first = true
                for leaf in leaves where leaf.quantity > 0 {
                    // Only keys the price list prices (the pricing step fails on usage without a price).
                    guard GenAIPriceList.standardPrice(provider: provider, model: usage.model, usageKey: leaf.key, on: date) != nil
                    else { continue }
                    writer.append([
                        "usage_date": .text(date.description), "provider": .text(provider), "model": .text(usage.model),
                        "region": .optionalText(account.region), "usage_key": .text(leaf.key), "quantity": .int(leaf.quantity),
                        // The bucket's request count, on its first row only, so that SUM(request_count) is right.
                        "request_count": first ? (requests.map { .int($0) } ?? .null) : .null,
                        "x_genai_provider": .text(provider), "x_genai_account_id": .text(accountId),
                        "x_hierarchy_entity_id": .optionalText(account.entity),
                    ])
                    first = false
                }
            }
        }
        return writer.bytes
    }
}
