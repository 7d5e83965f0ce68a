import Testing

/// One test per entry of Docs/SQLITE.md that concerns computed values: the entry's probes (Dialect/Probes*.swift)
/// run in both engines, and each answers as the entry documents: the engines agree (with BigQuery's values pinned
/// where the entry states them), or they differ exactly as written.
///
/// Not here: D25 (type checks when writing: about what a loader may store, not about computed values; the
/// harness writes canonical text only) and D26 (error texts), which ``d26`` covers through the failing probes of
/// the other entries.
@Suite("Differential: Docs/SQLITE.md entries, BigQuery (ZetaSQL) vs SQLite")
struct DialectEntryTests {
    func check(_ entry: String) async throws {
        let results = try await ProbeResults.shared.value
        let problems = results.problems(entry: entry)
        #expect(problems.isEmpty, "\(entry):\n\n\(problems.joined(separator: "\n\n"))")
    }

    @Test("D1: every type round-trips; DATE / TIMESTAMP text orders as time") func d1() async throws { try await check("D1") }
    @Test("D2: NUMERIC is a double: within NUMERIC's tolerance of BigQuery's 9-decimal results; computed equality differs") func d2() async throws { try await check("D2") }
    @Test("D3: INT64 overflow fails when stored, DIV and SUM fail; a compared overflow differs") func d3() async throws { try await check("D3") }
    @Test("D4: division, DIV, MOD, SAFE_DIVIDE and their zero divisors; FLOAT64 overflow gives inf") func d4() async throws { try await check("D4") }
    @Test("D5: CAST and SAFE_CAST with the source type; 18-digit NUMERIC text and exponent ties differ") func d5() async throws { try await check("D5") }
    @Test("D6: LIKE is case-sensitive and backslash escapes (ESCAPE '\\')") func d6() async throws { try await check("D6") }
    @Test("D7: strings compare by code point") func d7() async throws { try await check("D7") }
    @Test("D8: LOWER / UPPER map Unicode") func d8() async throws { try await check("D8") }
    @Test("D9: TRIM, SUBSTR and STARTS_WITH on code points") func d9() async throws { try await check("D9") }
    @Test("D10: infinities agree; NaN becomes NULL") func d10() async throws { try await check("D10") }
    @Test("D11: RE2 semantics on ICU; case folding and (?U) differ") func d11() async throws { try await check("D11") }
    @Test("D12: JSON_OBJECT agrees as parsed JSON except duplicates, booleans, timestamps and float text") func d12() async throws { try await check("D12") }
    @Test("D13: DATE arithmetic clamps and fails like BigQuery; native date() forms give NULL / year 0000 at the edges") func d13() async throws { try await check("D13") }
    @Test("D14: WEEK is WEEK(SUNDAY)") func d14() async throws { try await check("D14") }
    @Test("D15: TIMESTAMP parsing and text; zone names differ") func d15() async throws { try await check("D15") }
    @Test("D16: FORMAT_DATE directives; unsupported ones fail in SQLite") func d16() async throws { try await check("D16") }
    @Test("D17: CURRENT_TIMESTAMP is one instant per statement, CURRENT_DATE its UTC date") func d17() async throws { try await check("D17") }
    @Test("D18: the date spine") func d18() async throws { try await check("D18") }
    @Test("D19: MERGE with unique keys agrees; duplicate source rows differ") func d19() async throws {
        try await check("D19")
        let results = try await ProbeResults.shared.value
        if let diff = RowComparison.difference(
            results.bigQueryTables["probe_merge"]!, results.sqliteTables["probe_merge"]!,
            context: "probe_merge after both MERGE probes (the duplicate-key MERGE failed in BigQuery and inserted both rows in SQLite)")
        {
            // The documented difference: SQLite deleted d-dup's row and inserted both source rows.
            #expect(diff.contains("d-dup") && !diff.contains("u-"), "\(diff)")
        } else {
            Issue.record("probe_merge is identical in both engines; D19 documents that duplicate source rows differ")
        }
    }
    @Test("D20: ASSERT fails on FALSE and NULL with its message") func d20() async throws { try await check("D20") }
    @Test("D21: NULL semantics and NULL groups") func d21() async throws { try await check("D21") }
    @Test("D22: ROUND of NUMERIC agrees; FLOAT64 ties and negative digit counts differ") func d22() async throws { try await check("D22") }
    @Test("D23: LEAST / GREATEST, one-argument COALESCE, ANY_VALUE of equal values") func d23() async throws { try await check("D23") }
    @Test("D24: a failure after a committed write: BigQuery keeps the first write, SQLite rolls back the run") func d24() async throws {
        try await check("D24")
        let results = try await ProbeResults.shared.value
        let bigQuery = results.bigQueryTables["probe_replace"]!.rows.count
        let sqlite = results.sqliteTables["probe_replace"]!.rows.count
        #expect(bigQuery == 1 && sqlite == 0, "probe_replace: BigQuery \(bigQuery) row(s), SQLite \(sqlite) (documented: 1 and 0)")
    }
    @Test("D26: failing probes fail under the same conditions; where Docs/SQLITE.md quotes BigQuery's wording, both engines use it")
    func d26() async throws {
        let results = try await ProbeResults.shared.value
        let quoted = [
            "d04_divide_by_zero": "division by zero: 7 / 0", "d04_mod_by_zero": "division by zero: MOD(7, 0)",
            "d13_month_overflow": "Adding 1 MONTH to date 9999-12-31 causes overflow",
            "d13_invalid_date": "Input calculates to invalid date: 2023-02-29",
            "d09_substr_negative_length": "Third argument in SUBSTR() cannot be negative",
            "d11_two_groups": "Regular expressions passed into extraction functions must not have more than 1 capturing group",
        ]
        for (name, text) in quoted.sorted(by: { $0.key < $1.key }) {
            let outcome = try #require(results.outcomes[name])
            #expect(outcome.bigQueryError?.contains(text) == true, "\(name): BigQuery said \(outcome.bigQueryError ?? "nothing")")
            #expect(outcome.sqliteError?.contains(text) == true, "\(name): SQLite said \(outcome.sqliteError ?? "nothing")")
        }
    }
}
