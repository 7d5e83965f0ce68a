import PipelineDSL
import Testing

/// The decimal tolerances of ``DecimalTolerance`` are loose enough for a double's rounding and tight enough to catch
/// a one-cent difference.
@Suite("Differential: decimal tolerance")
struct ToleranceTests {
    static let decimalTypes: [ColumnType] = [.numeric, .bignumeric, .float64]
    /// Money-sized values up to ten billion, where a cent must still show.
    static let magnitudes: [Double] = [0, 0.01, 0.5, 1, 2.82258064516129, 87.5, 12_345.67, 999_999.99, 27_000, 99_999_999.99, 999_999_999.99, 9_999_999_999.99]

    @Test("a difference of one cent fails for every decimal type and magnitude up to 10^10", arguments: decimalTypes)
    func oneCent(_ type: ColumnType) {
        let tolerance = DecimalTolerance.for(type)
        for value in Self.magnitudes {
            for other in [value + 0.01, value - 0.01] {
                #expect(!tolerance.allows(value, other), "\(type.rawValue): \(value) and \(other) compare equal")
                #expect(!Cell.number(value, text: "\(value)").matches(.number(other, text: "\(other)"), as: type))
            }
        }
    }

    @Test("a double's rounding of BigQuery's exact results passes")
    func doubleRounding() throws {
        // BigQuery's NUMERIC 1/3 is rounded to 9 decimals; the engine keeps 16 digits.
        #expect(DecimalTolerance.numeric.allows(0.333333333, 1.0 / 3.0))
        #expect(DecimalTolerance.numeric.allows(0.000000038, 0.0000000375))
        // BIGNUMERIC results of the fixtures against the engine's doubles.
        let cases: [(String, Double)] = [
            ("2.82258064516129032258064516129032258065", 87.5 / 31),
            ("2732240.43713114754098360655737704918032786885", 999_999_999.99 / 366),
            ("0.0000001125", 3 * 0.0000000375),
            ("27000.0000000000000001", 27000),
        ]
        for (exact, double) in cases {
            let parsed = try #require(Double(exact))
            #expect(DecimalTolerance.bignumeric.allows(parsed, double), "\(exact) vs \(double)")
        }
        // Twenty double operations on cent amounts stay within the relative tolerance.
        var sum = 0.0
        for _ in 0..<20 { sum += 0.1 }
        #expect(DecimalTolerance.bignumeric.allows(2, sum) && sum != 2)
        #expect(DecimalTolerance.float64.allows(0.30000000000000004, 0.1 + 0.2))
    }

    @Test("exact types stay exact; NaN only matches NaN; infinities match only themselves")
    func exactTypes() {
        #expect(!Cell.int(1).matches(.int(2), as: .int64))
        #expect(!Cell.string("a").matches(.string("a "), as: .string))
        #expect(!Cell.bool(true).matches(.bool(false), as: .bool))
        #expect(!Cell.date("2024-02-29").matches(.date("2024-03-01"), as: .date))
        #expect(!Cell.timestamp(0).matches(.timestamp(1), as: .timestamp))
        #expect(Cell.timestamp(Timestamp.parse("2024-01-01 10:00:00.5+00")!).matches(.timestamp(Timestamp.parse("2024-01-01T10:00:00.500000Z")!), as: .timestamp))
        #expect(DecimalTolerance.float64.allows(.nan, .nan) && !DecimalTolerance.float64.allows(.nan, 0))
        #expect(!DecimalTolerance.float64.allows(.infinity, -.infinity) && DecimalTolerance.float64.allows(.infinity, .infinity))
        #expect(!Cell.null.matches(.string(""), as: .string))
        #expect(Cell.nullOrEmpty.matches(.string(""), as: .string) && Cell.nullOrEmpty.matches(.null, as: .string))
    }

    @Test("JSON compares as parsed values: member order ignored, duplicate keys and types not")
    func json() throws {
        #expect(try JSONValue.parse(#"{"b":1,"a":[2.50,null]}"#) == JSONValue.parse(#"{"a":[2.5,null],"b":1e0}"#))
        #expect(try JSONValue.parse(#"{"k":1,"k":2}"#) != JSONValue.parse(#"{"k":1}"#))
        #expect(try JSONValue.parse(#"{"t":true}"#) != JSONValue.parse(#"{"t":1}"#))
        #expect(try JSONValue.parse(#""\u00e9\ud83d\ude00""#) == .string("é😀"))
    }

    /// The whole harness: one real fixture's SQLite tables, with a single cost moved by one cent, no longer match
    /// BigQuery's, and the report shows that cell side by side.
    @Test("perturbing any single cost of a real fixture by 0.01 makes the comparison fail", arguments: [
        SubscriptionDailyCostsFixtures.leapDay, GenAIToFocusFixtures.providersAndMonthEnds,
    ])
    func perturbedFixture(_ fixture: ProcedureFixture) async throws {
        let report = try await StandardLibrary.reports.report(fixture)
        try #require(report.problems.isEmpty, "the fixture itself must agree: \(report.problems)")
        let bigQuery = try #require(report.bigQueryStates.dropFirst().first)
        let sqlite = try #require(report.sqliteStates.dropFirst().first)
        var perturbed = 0
        for (left, right) in zip(bigQuery, sqlite) {
            #expect(RowComparison.difference(left, right, context: left.name) == nil)
            for column in right.columns.indices where [.numeric, .bignumeric, .float64].contains(right.columns[column].type) {
                for row in right.rows.indices {
                    guard case .number(let value, _) = right.rows[row][column] else { continue }
                    var moved = right
                    moved.rows[row][column] = .number(value + 0.01, text: "\(value + 0.01)")
                    let diff = RowComparison.difference(left, moved, context: "\(left.name) with one cent more")
                    #expect(diff?.contains("≠ \(right.columns[column].name)") == true, "\(right.columns[column].name) = \(value) + 0.01 passed")
                    perturbed += 1
                }
            }
        }
        #expect(perturbed >= 10)
    }
}
