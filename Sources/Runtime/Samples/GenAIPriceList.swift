/// The GenAI list prices in the shape of the `genai_payg_pricing` table, derived from the embedded genai-prices
/// projection (`GenAIPriceListData.swift`).
///
/// Derivation (documented in Docs/SAMPLES.md):
/// 1. Only base-tier rows without a time-of-day window are embedded: the table has no tier or window columns, and
///    tiers apply per request, never to daily totals.
/// 2. genai-prices' `input_tokens` price is the rate for input that was neither read from nor written to a cache;
///    our usage rows are leaves, so the key becomes `uncached_input_tokens`. `cache_write_tokens` is the 5-minute
///    (Anthropic) / default (OpenAI) cache-write rate and `cache_write_1h_tokens` the 1-hour rate; in usage rows the
///    two are separate leaves (1-hour writes are not counted in `cache_write_tokens`). Other keys are unchanged.
/// 3. An empty `effective_from` (the price has always applied) becomes 2020-01-01.
/// 4. Identical duplicate rows are kept once.
/// 5. Windows of one (provider, model, variant, usage key) must not overlap, or the price join fans out: when a
///    window starts before the previous one ends (or the previous one is open), the previous one is closed at the
///    new start.
enum GenAIPriceList {
    struct Price: Hashable {
        var provider: String
        var modelId: String
        var variant: String
        var usageKey: String
        var perUnits: Int64
        var unitPrice: String
        var effectiveFrom: CivilDate
        var effectiveTo: CivilDate?
    }

    /// The date used for prices without a start date.
    static let beginning = CivilDate(year: 2020, month: 1, day: 1)

    /// The usage key of our leaf rows for a genai-prices key.
    static func leafKey(_ key: String) -> String { key == "input_tokens" ? "uncached_input_tokens" : key }

    /// The embedded rows, parsed (source order, keys as in the source).
    static let embedded: [(provider: String, modelId: String, variant: String, from: String, to: String, key: String, perUnits: String, price: String)] = {
        var rows: [(String, String, String, String, String, String, String, String)] = []
        for line in embeddedCSV.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            precondition(fields.count == 8, "bad embedded price row: \(line)")
            rows.append((fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7]))
        }
        precondition(rows.count == embeddedRowCount, "the embedded price list has \(rows.count) rows, expected \(embeddedRowCount)")
        return rows
    }()

    /// The derived price rows, sorted by provider, model, variant, usage key and start.
    static let prices: [Price] = {
        var seen: Set<Price> = []
        var groups: [String: [Price]] = [:]
        for row in embedded {
            guard let perUnits = Int64(row.perUnits) else { preconditionFailure("bad per_units \(row.perUnits)") }
            let price = Price(
                provider: row.provider, modelId: row.modelId, variant: row.variant, usageKey: leafKey(row.key),
                perUnits: perUnits, unitPrice: row.price,
                effectiveFrom: row.from.isEmpty ? beginning : CivilDate(row.from)!,
                effectiveTo: row.to.isEmpty ? nil : CivilDate(row.to)!)
            guard seen.insert(price).inserted else { continue }
            groups[[price.provider, price.modelId, price.variant, price.usageKey].joined(separator: "\u{1F}"), default: []].append(price)
        }
        var result: [Price] = []
        for key in groups.keys.sorted() {
            var windows = groups[key]!.sorted { ($0.effectiveFrom, $0.unitPrice) < ($1.effectiveFrom, $1.unitPrice) }
            for index in windows.indices.dropFirst() {
                let start = windows[index].effectiveFrom
                if windows[index - 1].effectiveTo.map({ $0 > start }) ?? true {
                    windows[index - 1].effectiveTo = start
                }
            }
            result += windows.filter { window in window.effectiveTo.map { $0 > window.effectiveFrom } ?? true }
        }
        return result.sorted {
            ($0.provider, $0.modelId, $0.variant, $0.usageKey, $0.effectiveFrom) < ($1.provider, $1.modelId, $1.variant, $1.usageKey, $1.effectiveFrom)
        }
    }()

    /// Standard-variant prices by provider, model and leaf key.
    static let standard: [String: [Price]] = {
        var index: [String: [Price]] = [:]
        for price in prices where price.variant == "standard" {
            index[lookupKey(price.provider, price.modelId, price.usageKey), default: []].append(price)
        }
        return index
    }()

    static func lookupKey(_ provider: String, _ model: String, _ usageKey: String) -> String {
        provider + "\u{1F}" + model + "\u{1F}" + usageKey
    }

    /// The standard price of a usage key on a date, if the list has one.
    static func standardPrice(provider: String, model: String, usageKey: String, on date: CivilDate) -> Price? {
        standard[lookupKey(provider, model, usageKey)]?.first {
            $0.effectiveFrom <= date && ($0.effectiveTo.map { date < $0 } ?? true)
        }
    }

    /// `samples/pricing/genai_payg_pricing.csv`.
    static func csv() -> [UInt8] {
        var writer = CSVWriter(columns: [
            "provider", "model_id", "pricing_variant", "usage_key", "per_units", "unit_price_usd", "effective_from",
            "effective_to", "source",
        ])
        for price in prices {
            writer.append([
                .text(price.provider), .text(price.modelId), .text(price.variant), .text(price.usageKey),
                .int(price.perUnits), .raw(price.unitPrice), .raw(price.effectiveFrom.description),
                price.effectiveTo.map { .raw($0.description) } ?? .null, .text(embeddedSource),
            ])
        }
        return writer.bytes
    }
}
