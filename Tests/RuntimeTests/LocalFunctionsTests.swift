import Foundation
@testable import Runtime
import Testing

/// The `cloudact_*` functions, checked through SQL on an in-memory database. Expected values are BigQuery's: the
/// ones marked "zeval" were confirmed with ZetaSQL's reference implementation
/// (/work/shared/tools/bq-oracle/zeval.py). The `Dn:` tests pin the entries of Docs/SQLITE.md.
@Suite("LocalFunctions")
struct LocalFunctionsTests {
    /// The run's fixed instant: 2025-01-01T12:34:56.123456Z.
    static let now = Date(timeIntervalSince1970: 1_735_734_896.123456)

    static func database() throws -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: ":memory:")
        try LocalFunctions.register(on: db, now: { LocalFunctionsTests.now })
        return db
    }

    /// The value of `SELECT expression`.
    static func value(_ db: SQLiteDatabase, _ expression: String) throws -> SQLiteValue {
        try db.query("SELECT \(expression)").rows[0][0]
    }

    /// Checks that each expression evaluates to its expected value.
    static func expectValues(
        _ cases: [(String, SQLiteValue)], on db: SQLiteDatabase? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let db = try db ?? database()
        for (expression, expected) in cases {
            do {
                let actual = try value(db, expression)
                #expect(actual == expected, "\(expression)", sourceLocation: sourceLocation)
            } catch {
                Issue.record("\(expression) failed: \(error)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Checks that each expression fails with a message containing the given text.
    static func expectFailures(
        _ cases: [(String, String)], on db: SQLiteDatabase? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let db = try db ?? database()
        for (expression, message) in cases {
            do {
                let actual = try value(db, expression)
                Issue.record("\(expression) gave \(actual); expected an error containing '\(message)'", sourceLocation: sourceLocation)
            } catch let error as SQLiteError {
                #expect(error.message.contains(message), "\(expression): \(error.message)", sourceLocation: sourceLocation)
            }
        }
    }

    static func text(_ value: String) -> SQLiteValue { .text(value) }

    // MARK: - Assertions and arithmetic

    @Test("cloudact_assert passes on TRUE and fails with the message on FALSE or NULL")
    func assertFunction() throws {
        try Self.expectValues([("cloudact_assert(1 = 1, 'never')", .integer(1)), ("cloudact_assert(5, 'x')", .integer(1))])
        try Self.expectFailures([
            ("cloudact_assert(1 = 2, 'negative cost in daily_cost')", "negative cost in daily_cost"),
            ("cloudact_assert(NULL, 'a NULL condition fails')", "a NULL condition fails"),
            ("cloudact_assert(NULL = 1, 'comparison with NULL')", "comparison with NULL"),
        ])
    }

    @Test("division never truncates and fails on zero; SAFE_DIVIDE gives NULL (zeval)")
    func division() throws {
        try Self.expectValues([
            ("cloudact_divide(7, 2)", .real(3.5)),
            ("cloudact_divide(-7, 2)", .real(-3.5)),
            ("cloudact_divide(1, 3)", .real(1.0 / 3)),
            ("cloudact_divide(7.5, 2.5)", .real(3)),
            ("cloudact_divide(1e-308, 1e10)", .real(1e-308 / 1e10)),
            ("cloudact_safe_divide(7, 2)", .real(3.5)),
            ("cloudact_safe_divide(1, 0)", .null),
            ("cloudact_safe_divide(0, 0)", .null),
            ("cloudact_safe_divide(1.5, 0.0)", .null),
            ("cloudact_safe_divide(1e308, 1e-308)", .null),
        ])
        try Self.expectFailures([
            ("cloudact_divide(1, 0)", "division by zero: 1 / 0"),
            ("cloudact_divide(5, 0)", "division by zero: 5 / 0"),
            ("cloudact_divide(0, 0)", "division by zero: 0 / 0"),
            ("cloudact_divide(1.5, 0)", "division by zero: 1.5 / 0"),
            ("cloudact_divide(1e308, 1e-308)", "double overflow: 1e+308 / 1e-308"),
        ])
    }

    @Test("DIV truncates toward zero, MOD has the dividend's sign, both fail on zero (zeval)")
    func divAndMod() throws {
        try Self.expectValues([
            ("cloudact_div(7, 2)", .integer(3)),
            ("cloudact_div(-7, 2)", .integer(-3)),
            ("cloudact_div(7, -2)", .integer(-3)),
            ("cloudact_div(-7, -2)", .integer(3)),
            ("cloudact_mod(7, 2)", .integer(1)),
            ("cloudact_mod(-7, 2)", .integer(-1)),
            ("cloudact_mod(7, -2)", .integer(1)),
            ("cloudact_mod(-7, -2)", .integer(-1)),
            ("cloudact_mod(-9223372036854775807 - 1, -1)", .integer(0)),
            ("cloudact_div(6.0, 3)", .integer(2)),
        ])
        try Self.expectFailures([
            ("cloudact_div(7, 0)", "division by zero: 7 / 0"),
            ("cloudact_mod(7, 0)", "division by zero: MOD(7, 0)"),
            ("cloudact_div(-9223372036854775807 - 1, -1)", "int64 overflow"),
            ("cloudact_div(7.5, 2)", "is not an INT64"),
        ])
    }

    // MARK: - Dates

    @Test("DATE_ADD / DATE_SUB clamp MONTH, QUARTER and YEAR to the month's last day (zeval)")
    func dateAddClamps() throws {
        try Self.expectValues([
            ("cloudact_date_add('2024-01-31', 1, 'MONTH')", Self.text("2024-02-29")),
            ("cloudact_date_add('2023-01-31', 1, 'MONTH')", Self.text("2023-02-28")),
            ("cloudact_date_add('2024-02-29', 1, 'YEAR')", Self.text("2025-02-28")),
            ("cloudact_date_add('2024-02-29', 4, 'YEAR')", Self.text("2028-02-29")),
            ("cloudact_date_add('2000-02-29', 100, 'YEAR')", Self.text("2100-02-28")),
            ("cloudact_date_sub('2024-03-31', 1, 'MONTH')", Self.text("2024-02-29")),
            ("cloudact_date_add('2024-05-31', 1, 'QUARTER')", Self.text("2024-08-31")),
            ("cloudact_date_add('2024-11-30', 1, 'QUARTER')", Self.text("2025-02-28")),
            ("cloudact_date_sub('2024-05-31', 1, 'QUARTER')", Self.text("2024-02-29")),
            ("cloudact_date_add('2024-01-31', 13, 'MONTH')", Self.text("2025-02-28")),
            ("cloudact_date_add('2024-01-31', -2, 'MONTH')", Self.text("2023-11-30")),
            ("cloudact_date_sub('2024-01-31', -1, 'MONTH')", Self.text("2024-02-29")),
            ("cloudact_date_add('2024-08-31', 6, 'MONTH')", Self.text("2025-02-28")),
            ("cloudact_date_add('2023-12-31', 2, 'MONTH')", Self.text("2024-02-29")),
            ("cloudact_date_add('0001-01-31', 1, 'MONTH')", Self.text("0001-02-28")),
            ("cloudact_date_add('2024-04-30', 1, 'MONTH')", Self.text("2024-05-30")),
            ("cloudact_date_add('2024-01-01', 2, 'WEEK')", Self.text("2024-01-15")),
            ("cloudact_date_sub('2024-03-01', 1, 'DAY')", Self.text("2024-02-29")),
            ("cloudact_date_sub('2023-03-01', 1, 'DAY')", Self.text("2023-02-28")),
            ("cloudact_date_add('1900-02-28', 1, 'DAY')", Self.text("1900-03-01")),
            ("cloudact_date_add('9999-12-01', 30, 'DAY')", Self.text("9999-12-31")),
            ("cloudact_date_add('2024-01-31', 0, 'MONTH')", Self.text("2024-01-31")),
            ("cloudact_date_add('2024-01-31', 1, 'month')", Self.text("2024-02-29")),
        ])
    }

    @Test("DATE_ADD outside 0001-01-01 … 9999-12-31 fails (zeval)")
    func dateAddRange() throws {
        try Self.expectFailures([
            ("cloudact_date_sub('0001-01-01', 1, 'DAY')", "causes overflow"),
            ("cloudact_date_add('9999-12-31', 1, 'MONTH')", "Adding 1 MONTH to date 9999-12-31 causes overflow"),
            ("cloudact_date_add('9999-12-31', 1, 'DAY')", "causes overflow"),
            ("cloudact_date_add('2024-01-01', 100000000, 'DAY')", "causes overflow"),
            ("cloudact_date_add('2024-01-01', 9223372036854775807, 'WEEK')", "causes overflow"),
            ("cloudact_date_sub('2024-01-01', -9223372036854775807 - 1, 'DAY')", "causes overflow"),
            ("cloudact_date_add('2024-01-01', 9223372036854775807, 'YEAR')", "causes overflow"),
            ("cloudact_date_add('2024-01-01', 1, 'HOUR')", "unsupported date part HOUR"),
            ("cloudact_date_add('2024-02-30', 1, 'DAY')", "invalid DATE value '2024-02-30'"),
        ])
    }

    @Test("DATE_DIFF counts DAY, Sunday WEEK, MONTH, QUARTER and YEAR boundaries (zeval)")
    func dateDiff() throws {
        try Self.expectValues([
            ("cloudact_date_diff('2024-01-01', '2023-12-31', 'DAY')", .integer(1)),
            ("cloudact_date_diff('2023-12-31', '2024-01-01', 'DAY')", .integer(-1)),
            ("cloudact_date_diff('2024-01-07', '2024-01-06', 'WEEK')", .integer(1)),
            ("cloudact_date_diff('2024-01-06', '2023-12-31', 'WEEK')", .integer(0)),
            ("cloudact_date_diff('2024-01-06', '2024-01-07', 'WEEK')", .integer(-1)),
            ("cloudact_date_diff('2024-01-14', '2024-01-01', 'WEEK')", .integer(2)),
            ("cloudact_date_diff('2024-01-13', '2024-01-01', 'WEEK')", .integer(1)),
            ("cloudact_date_diff('2024-02-01', '2024-01-31', 'MONTH')", .integer(1)),
            ("cloudact_date_diff('2024-01-31', '2024-02-01', 'MONTH')", .integer(-1)),
            ("cloudact_date_diff('2024-03-31', '2024-01-01', 'MONTH')", .integer(2)),
            ("cloudact_date_diff('2024-04-01', '2024-03-31', 'QUARTER')", .integer(1)),
            ("cloudact_date_diff('2024-03-31', '2023-01-01', 'QUARTER')", .integer(4)),
            ("cloudact_date_diff('2024-01-01', '2023-12-31', 'YEAR')", .integer(1)),
            ("cloudact_date_diff('2023-12-31', '2024-01-01', 'YEAR')", .integer(-1)),
            ("cloudact_date_diff('9999-12-31', '0001-01-01', 'DAY')", .integer(3_652_058)),
            ("cloudact_date_diff('9999-12-31', '0001-01-01', 'WEEK')", .integer(521_722)),
        ])
    }

    @Test("DATE_TRUNC to DAY, Sunday WEEK, MONTH, QUARTER, YEAR (zeval)")
    func dateTrunc() throws {
        try Self.expectValues([
            ("cloudact_date_trunc('2024-01-06', 'WEEK')", Self.text("2023-12-31")),
            ("cloudact_date_trunc('2024-01-07', 'WEEK')", Self.text("2024-01-07")),
            ("cloudact_date_trunc('2024-01-01', 'WEEK')", Self.text("2023-12-31")),
            ("cloudact_date_trunc('0001-01-07', 'WEEK')", Self.text("0001-01-07")),
            ("cloudact_date_trunc('2024-05-15', 'QUARTER')", Self.text("2024-04-01")),
            ("cloudact_date_trunc('2024-12-31', 'QUARTER')", Self.text("2024-10-01")),
            ("cloudact_date_trunc('2024-05-15', 'MONTH')", Self.text("2024-05-01")),
            ("cloudact_date_trunc('2024-05-15', 'YEAR')", Self.text("2024-01-01")),
            ("cloudact_date_trunc('2024-05-15', 'DAY')", Self.text("2024-05-15")),
        ])
        try Self.expectFailures([("cloudact_date_trunc('0001-01-01', 'WEEK')", "out of range")])
    }

    @Test("LAST_DAY of MONTH (default), QUARTER, YEAR and the Saturday ending a WEEK (zeval)")
    func lastDay() throws {
        try Self.expectValues([
            ("cloudact_last_day('2024-02-10')", Self.text("2024-02-29")),
            ("cloudact_last_day('2023-02-10')", Self.text("2023-02-28")),
            ("cloudact_last_day('1900-02-10')", Self.text("1900-02-28")),
            ("cloudact_last_day('2000-02-10')", Self.text("2000-02-29")),
            ("cloudact_last_day('2024-02-10', 'MONTH')", Self.text("2024-02-29")),
            ("cloudact_last_day('2024-04-10', 'MONTH')", Self.text("2024-04-30")),
            ("cloudact_last_day('2024-05-15', 'QUARTER')", Self.text("2024-06-30")),
            ("cloudact_last_day('2024-02-15', 'QUARTER')", Self.text("2024-03-31")),
            ("cloudact_last_day('2024-11-15', 'QUARTER')", Self.text("2024-12-31")),
            ("cloudact_last_day('2024-05-15', 'YEAR')", Self.text("2024-12-31")),
            ("cloudact_last_day('2024-01-06', 'WEEK')", Self.text("2024-01-06")),
            ("cloudact_last_day('2024-01-07', 'WEEK')", Self.text("2024-01-13")),
            ("cloudact_last_day('2023-12-31', 'WEEK')", Self.text("2024-01-06")),
            ("cloudact_last_day('9999-12-25', 'WEEK')", Self.text("9999-12-25")),
        ])
        try Self.expectFailures([
            ("cloudact_last_day('9999-12-31', 'WEEK')", "out of range"),
            ("cloudact_last_day('9999-12-30', 'WEEK')", "out of range"),
        ])
    }

    @Test("EXTRACT from DATE and from TIMESTAMP (UTC), including BigQuery's WEEK 0–53 (zeval)")
    func extract() throws {
        try Self.expectValues([
            ("cloudact_extract('WEEK', '2024-01-01')", .integer(0)),
            ("cloudact_extract('WEEK', '2024-01-06')", .integer(0)),
            ("cloudact_extract('WEEK', '2024-01-07')", .integer(1)),
            ("cloudact_extract('WEEK', '2023-01-01')", .integer(1)),
            ("cloudact_extract('WEEK', '2024-12-31')", .integer(52)),
            ("cloudact_extract('WEEK', '2000-12-31')", .integer(53)),
            ("cloudact_extract('WEEK', '2000-01-01')", .integer(0)),
            ("cloudact_extract('WEEK', '2000-01-02')", .integer(1)),
            ("cloudact_extract('WEEK', '2022-01-01')", .integer(0)),
            ("cloudact_extract('WEEK', '2017-01-01')", .integer(1)),
            ("cloudact_extract('DAYOFWEEK', '2024-01-07')", .integer(1)),
            ("cloudact_extract('DAYOFWEEK', '2024-01-06')", .integer(7)),
            ("cloudact_extract('DAYOFWEEK', '2024-01-01')", .integer(2)),
            ("cloudact_extract('DAYOFYEAR', '2024-12-31')", .integer(366)),
            ("cloudact_extract('DAYOFYEAR', '2023-12-31')", .integer(365)),
            ("cloudact_extract('DAYOFYEAR', '2024-03-01')", .integer(61)),
            ("cloudact_extract('QUARTER', '2024-03-31')", .integer(1)),
            ("cloudact_extract('QUARTER', '2024-04-01')", .integer(2)),
            ("cloudact_extract('YEAR', '0001-01-01')", .integer(1)),
            ("cloudact_extract('MONTH', '2024-07-04')", .integer(7)),
            ("cloudact_extract('DAY', '2024-07-04')", .integer(4)),
            ("cloudact_extract('DAY', '2024-01-31T23:59:59.999999Z')", .integer(31)),
            ("cloudact_extract('DAY', cloudact_timestamp('2024-01-31 23:00:00-05:00'))", .integer(1)),
            ("cloudact_extract('MONTH', cloudact_timestamp('2024-01-31 23:00:00-05:00'))", .integer(2)),
            ("cloudact_extract('WEEK', '2024-01-07T00:00:00.000000Z')", .integer(1)),
            ("cloudact_extract('DAYOFWEEK', cloudact_timestamp('2024-01-06 23:00:00-01:00'))", .integer(1)),
            ("cloudact_extract('DAYOFYEAR', '2024-12-31T12:00:00.000000Z')", .integer(366)),
        ])
        try Self.expectFailures([
            ("cloudact_extract('HOUR', '2024-01-01')", "unsupported date part HOUR"),
            ("cloudact_extract('DAY', 'yesterday')", "invalid DATE or TIMESTAMP value"),
        ])
    }

    @Test("DATE(x), DATE(y, m, d) and TIMESTAMP(x) (zeval)")
    func dateAndTimestampConstructors() throws {
        try Self.expectValues([
            ("cloudact_date(2024, 2, 29)", Self.text("2024-02-29")),
            ("cloudact_date(1, 1, 1)", Self.text("0001-01-01")),
            ("cloudact_date(cloudact_timestamp('2024-01-31 23:00:00-05:00'))", Self.text("2024-02-01")),
            ("cloudact_date(cloudact_timestamp('2024-01-31 23:00:00+05:00'))", Self.text("2024-01-31")),
            ("cloudact_date('2024-01-31')", Self.text("2024-01-31")),
            ("cloudact_timestamp('2024-01-31')", Self.text("2024-01-31T00:00:00.000000Z")),
            ("cloudact_timestamp('2024-01-31T10:00:00Z')", Self.text("2024-01-31T10:00:00.000000Z")),
            ("cloudact_timestamp('2024-01-31 10:00:00+05:30')", Self.text("2024-01-31T04:30:00.000000Z")),
            ("cloudact_timestamp('2024-01-31T10:00:00.5Z')", Self.text("2024-01-31T10:00:00.500000Z")),
            ("cloudact_timestamp('2024-01-31T10:00:00.123456Z')", Self.text("2024-01-31T10:00:00.123456Z")),
            ("cloudact_timestamp('2024-01-31T10:00:00.123456Z')", Self.text("2024-01-31T10:00:00.123456Z")),
            ("cloudact_timestamp('2024-01-31 10:00:00')", Self.text("2024-01-31T10:00:00.000000Z")),
        ])
        try Self.expectFailures([
            ("cloudact_date(2023, 2, 29)", "Input calculates to invalid date: 2023-02-29"),
            ("cloudact_date(2024, 13, 1)", "Input calculates to invalid date: 2024-13-01"),
            ("cloudact_date(10000, 1, 1)", "invalid date"),
            ("cloudact_date(0, 1, 1)", "invalid date"),
            ("cloudact_timestamp('not a time')", "Invalid timestamp: 'not a time'"),
            ("cloudact_timestamp('2024-02-30 10:00:00')", "Invalid timestamp"),
        ])
    }

    @Test("CURRENT_TIMESTAMP and CURRENT_DATE come from now()")
    func currentTime() throws {
        try Self.expectValues([
            ("cloudact_current_timestamp()", Self.text("2025-01-01T12:34:56.123456Z")),
            ("cloudact_current_date()", Self.text("2025-01-01")),
        ])
    }

    @Test("FORMAT_DATE directives (zeval)")
    func formatDate() throws {
        let all = "%Y-%m-%d|%e|%j|%b|%B|%a|%A|%y|%F|%D|%U|%u|%w|%Q|%%"
        try Self.expectValues([
            ("cloudact_format_date('\(all)', '2024-01-05')", Self.text("2024-01-05| 5|005|Jan|January|Fri|Friday|24|2024-01-05|01/05/24|00|5|5|1|%")),
            ("cloudact_format_date('\(all)', '2024-12-29')", Self.text("2024-12-29|29|364|Dec|December|Sun|Sunday|24|2024-12-29|12/29/24|52|7|0|4|%")),
            ("cloudact_format_date('%U %u %w', '2024-01-07')", Self.text("01 7 0")),
            ("cloudact_format_date('%U %u %w', '2023-01-01')", Self.text("01 7 0")),
            ("cloudact_format_date('%U', '2000-12-31')", Self.text("53")),
            ("cloudact_format_date('%Y', '0001-01-01')", Self.text("1")),
            ("cloudact_format_date('%y', '0001-01-01')", Self.text("01")),
            ("cloudact_format_date('%y', '2005-01-01')", Self.text("05")),
            ("cloudact_format_date('%e', '2024-01-15')", Self.text("15")),
            ("cloudact_format_date('%e|%j', '0001-01-01')", Self.text(" 1|001")),
            ("cloudact_format_date('%Q', '2024-10-01')", Self.text("4")),
            ("cloudact_format_date('é %Y', '2024-10-01')", Self.text("é 2024")),
            ("cloudact_format_date('abc%', '2024-01-15')", Self.text("abc%")),
            ("cloudact_format_date('%h %C %G %V %x %g', '2024-01-15')", Self.text("Jan 20 2024 03 01/15/24 24")),
            ("cloudact_format_date('%F|%D|%Y|%C|%G|%g|%y', '0999-03-04')", Self.text("0999-03-04|03/04/99|999|09|0999|99|99")),
            ("cloudact_format_date('%F|%D|%Y|%C|%G|%g|%y|%V', '0001-01-01')", Self.text("0001-01-01|01/01/01|1|00|0001|01|01|01")),
            ("cloudact_format_date('%G %V %g', '2021-01-03')", Self.text("2020 53 20")),
            ("cloudact_format_date('%G %V %g', '2024-12-30')", Self.text("2025 01 25")),
            ("cloudact_format_date('%G %V %g', '2020-12-31')", Self.text("2020 53 20")),
            ("cloudact_format_date('%W', '2024-01-01')", Self.text("01")),
            ("cloudact_format_date('%W', '2023-01-01')", Self.text("00")),
            ("cloudact_format_date('%W', '2023-12-31')", Self.text("52")),
            ("cloudact_format_date('%n%t.', '2024-01-15')", Self.text("\n\t.")),
        ])
    }

    // MARK: - Strings

    @Test("LOWER / UPPER are Unicode-aware, TRIM removes Unicode whitespace (zeval)")
    func caseAndTrim() throws {
        try Self.expectValues([
            ("cloudact_lower('ÄÖÜ ABC İ Σ')", Self.text("äöü abc i\u{307} σ")),
            ("cloudact_lower('ΟΔΟΣ ΑΣ')", Self.text("οδος ας")),
            ("cloudact_lower('ẞ')", Self.text("ß")),
            ("cloudact_lower('MiXeD 123')", Self.text("mixed 123")),
            ("cloudact_upper('äöü abc ß ﬁ')", Self.text("ÄÖÜ ABC SS FI")),
            ("cloudact_upper('ǆ')", Self.text("Ǆ")),
            ("cloudact_upper('ŉ')", Self.text("\u{2BC}N")),
            ("cloudact_upper('ΐ')", Self.text("\u{399}\u{308}\u{301}")),
            ("cloudact_upper('ᾳ')", Self.text("ΑΙ")),
            ("cloudact_upper('abc-xyz')", Self.text("ABC-XYZ")),
            ("cloudact_trim(' ' || char(9) || ' a b ' || char(10) || ' ')", Self.text("a b")),
            ("cloudact_trim('\u{A0}a\u{A0}')", Self.text("a")),
            ("cloudact_trim('\u{3000}a\u{2003}')", Self.text("a")),
            ("cloudact_trim('\u{85}a' || char(11) || char(12) || char(13))", Self.text("a")),
            ("cloudact_trim('\u{200B}a\u{200B}')", Self.text("\u{200B}a\u{200B}")),
            ("length(cloudact_trim(char(28) || 'a' || char(31)))", .integer(3)),
            ("cloudact_trim('   ')", Self.text("")),
            ("cloudact_trim('')", Self.text("")),
        ])
    }

    @Test("SUBSTR: 1-based code points, 0 = 1, negative from the end, negative length fails (zeval)")
    func substr() throws {
        try Self.expectValues([
            ("cloudact_substr('hello', 0)", Self.text("hello")),
            ("cloudact_substr('hello', 1)", Self.text("hello")),
            ("cloudact_substr('hello', 2)", Self.text("ello")),
            ("cloudact_substr('hello', -2)", Self.text("lo")),
            ("cloudact_substr('hello', -5)", Self.text("hello")),
            ("cloudact_substr('hello', -6)", Self.text("hello")),
            ("cloudact_substr('hello', -10)", Self.text("hello")),
            ("cloudact_substr('hello', -10, 3)", Self.text("hel")),
            ("cloudact_substr('hello', 10)", Self.text("")),
            ("cloudact_substr('hello', 5)", Self.text("o")),
            ("cloudact_substr('hello', 6)", Self.text("")),
            ("cloudact_substr('hello', 2, 2)", Self.text("el")),
            ("cloudact_substr('hello', 2, 0)", Self.text("")),
            ("cloudact_substr('hello', -2, 1)", Self.text("l")),
            ("cloudact_substr('hello', -2, 10)", Self.text("lo")),
            ("cloudact_substr('hello', 0, 2)", Self.text("he")),
            ("cloudact_substr('hello', 0, 0)", Self.text("")),
            ("cloudact_substr('héllo', 2, 1)", Self.text("é")),
            ("cloudact_substr('a👍b', 2, 1)", Self.text("👍")),
            ("cloudact_substr('e\u{301}x', 2, 1)", Self.text("\u{301}")),
            ("cloudact_substr('hello', 9223372036854775807)", Self.text("")),
            ("cloudact_substr('hello', -9223372036854775807 - 1)", Self.text("hello")),
            ("cloudact_substr('hello', 2, 9223372036854775807)", Self.text("ello")),
            ("cloudact_substr('', 1)", Self.text("")),
        ])
        try Self.expectFailures([("cloudact_substr('hello', 2, -1)", "Third argument in SUBSTR() cannot be negative")])
    }

    @Test("STARTS_WITH and REGEXP_CONTAINS / REGEXP_EXTRACT (zeval)")
    func matching() throws {
        try Self.expectValues([
            ("cloudact_starts_with('abc', '')", .integer(1)),
            ("cloudact_starts_with('abc', 'ab')", .integer(1)),
            ("cloudact_starts_with('abc', 'AB')", .integer(0)),
            ("cloudact_starts_with('ab', 'abc')", .integer(0)),
            ("cloudact_regexp_contains('abc', 'b')", .integer(1)),
            ("cloudact_regexp_contains('abc', '^b')", .integer(0)),
            ("cloudact_regexp_contains('abc', '')", .integer(1)),
            ("cloudact_regexp_contains('ABC', '(?i)b')", .integer(1)),
            ("cloudact_regexp_contains('a' || char(10) || 'b', 'a.b')", .integer(0)),
            ("cloudact_regexp_contains('a' || char(10) || 'b', '(?s)a.b')", .integer(1)),
            ("cloudact_regexp_contains('a' || char(10) || 'b', '^b')", .integer(0)),
            ("cloudact_regexp_contains('a' || char(10) || 'b', '(?m)^b$')", .integer(1)),
            ("cloudact_regexp_contains('é', '^.$')", .integer(1)),
            ("cloudact_regexp_contains('e\u{301}', '^.$')", .integer(0)),
            ("cloudact_regexp_contains('abc', '\\bb')", .integer(0)),
            ("cloudact_regexp_contains('a b', '\\pZ')", .integer(1)),
            ("cloudact_regexp_contains('x', '\\x{78}')", .integer(1)),
            ("cloudact_regexp_contains('a', '\\Qa\\E')", .integer(1)),
            ("cloudact_regexp_contains('ab', 'a(?P<n>b)')", .integer(1)),
            ("cloudact_regexp_contains('aaa', 'a{2,}')", .integer(1)),
            ("cloudact_regexp_contains('K', '(?i)k')", .integer(1)),
            ("cloudact_regexp_contains('\u{212A}', '(?i)k')", .integer(1)),
            ("cloudact_regexp_contains('x', '(?i:X)')", .integer(1)),
            ("cloudact_regexp_contains('ab', '\\p{Latin}')", .integer(1)),
            ("cloudact_regexp_contains('ab', '\\PL')", .integer(0)),
            ("cloudact_regexp_contains('ab', '\\p{^Greek}')", .integer(1)),
            ("cloudact_regexp_contains('ab', 'a\\Bb')", .integer(1)),
            ("cloudact_regexp_extract('abc123', '[0-9]+')", Self.text("123")),
            ("cloudact_regexp_extract('abc123', '([a-z]+)[0-9]+')", Self.text("abc")),
            ("cloudact_regexp_extract('abc', 'x')", .null),
            ("cloudact_regexp_extract('abc', '(x)?c')", .null),
            ("cloudact_regexp_extract('abc', 'x*')", Self.text("")),
            ("cloudact_regexp_extract('abc', '(?:a)(b)')", Self.text("b")),
            ("cloudact_regexp_extract('', '')", Self.text("")),
            ("cloudact_regexp_extract('ab', 'a(?P<n>b)')", Self.text("b")),
            ("cloudact_regexp_extract('ab', 'a(?<n>b)')", Self.text("b")),
            ("cloudact_regexp_extract('price: 12.50 USD', '([0-9]+\\.[0-9]+)')", Self.text("12.50")),
        ])
        try Self.expectFailures([
            ("cloudact_regexp_extract('abc123', '([a-z]+)([0-9]+)')", "must not have more than 1 capturing group"),
            ("cloudact_regexp_contains('abc', '(')", "Cannot parse regular expression"),
            ("cloudact_regexp_extract('abc', '(')", "Cannot parse regular expression"),
            ("cloudact_regexp_contains('x', '*')", "Cannot parse regular expression"),
        ])
    }

    @Test("the compiled-pattern cache returns the same answers on reuse")
    func regexCache() throws {
        let db = try Self.database()
        try db.execute("CREATE TABLE t (s TEXT)")
        try db.execute("INSERT INTO t VALUES ('a1'), ('b2'), ('c'), (NULL)")
        let rows = try db.query("SELECT cloudact_regexp_extract(s, '[0-9]') FROM t ORDER BY rowid").rows.map(\.[0])
        #expect(rows == [Self.text("1"), Self.text("2"), .null, .null])
        let hits = try db.query("SELECT count(*) FROM t WHERE cloudact_regexp_contains(s, '^[a-b]')").rows[0][0]
        #expect(hits == .integer(2))
    }

    // MARK: - Casts

    @Test("CAST to INT64 (zeval)")
    func castToInt64() throws {
        try Self.expectValues([
            ("cloudact_cast(' 12 ', 'INT64', 0)", .integer(12)),
            ("cloudact_cast('+12', 'INT64', 0)", .integer(12)),
            ("cloudact_cast('-0', 'INT64', 0)", .integer(0)),
            ("cloudact_cast('0x1A', 'INT64', 0)", .integer(26)),
            ("cloudact_cast('-0x1A', 'INT64', 0)", .integer(-26)),
            ("cloudact_cast('0X1a', 'INT64', 0)", .integer(26)),
            ("cloudact_cast('012', 'INT64', 0)", .integer(12)),
            ("cloudact_cast('9223372036854775807', 'INT64', 0)", .integer(.max)),
            ("cloudact_cast('0x7FFFFFFFFFFFFFFF', 'INT64', 0)", .integer(.max)),
            ("cloudact_cast('-0x8000000000000000', 'INT64', 0)", .integer(.min)),
            ("cloudact_cast(char(9) || '12' || char(10), 'INT64', 0)", .integer(12)),
            ("cloudact_cast(2.5, 'INT64', 0)", .integer(3)),
            ("cloudact_cast(-2.5, 'INT64', 0)", .integer(-3)),
            ("cloudact_cast(0.49999999999999994, 'INT64', 0)", .integer(0)),
            ("cloudact_cast(-9223372036854775808.0, 'INT64', 0)", .integer(.min)),
            ("cloudact_cast(1, 'INT64', 0, 'BOOL')", .integer(1)),
            ("cloudact_cast(42, 'INT64', 0)", .integer(42)),
        ])
        try Self.expectFailures([
            ("cloudact_cast('1.5', 'INT64', 0)", "bad cast: Bad int64 value: 1.5"),
            ("cloudact_cast('1e3', 'INT64', 0)", "Bad int64 value"),
            ("cloudact_cast('1.0', 'INT64', 0)", "Bad int64 value"),
            ("cloudact_cast('', 'INT64', 0)", "Bad int64 value"),
            ("cloudact_cast('1_000', 'INT64', 0)", "Bad int64 value"),
            ("cloudact_cast('9223372036854775808', 'INT64', 0)", "Bad int64 value"),
            ("cloudact_cast('0x8000000000000000', 'INT64', 0)", "Bad int64 value"),
            ("cloudact_cast('0x', 'INT64', 0)", "Bad int64 value"),
            ("cloudact_cast('- 12', 'INT64', 0)", "Bad int64 value"),
            ("cloudact_cast('++12', 'INT64', 0)", "Bad int64 value"),
            ("cloudact_cast('\u{A0}12', 'INT64', 0)", "Bad int64 value"),
            ("cloudact_cast(1e19, 'INT64', 0)", "int64 out of range"),
            ("cloudact_cast(9223372036854775807.0, 'INT64', 0)", "int64 out of range"),
            ("cloudact_cast(cloudact_cast('inf', 'FLOAT64', 0), 'INT64', 0)", "non-finite"),
        ])
    }

    @Test("CAST to FLOAT64, NUMERIC and BIGNUMERIC (zeval)")
    func castToNumbers() throws {
        try Self.expectValues([
            ("cloudact_cast('1.5', 'FLOAT64', 0)", .real(1.5)),
            ("cloudact_cast(' 1.5 ', 'FLOAT64', 0)", .real(1.5)),
            ("cloudact_cast('1e3', 'FLOAT64', 0)", .real(1000)),
            ("cloudact_cast('.5', 'FLOAT64', 0)", .real(0.5)),
            ("cloudact_cast('5.', 'FLOAT64', 0)", .real(5)),
            ("cloudact_cast('0x10', 'FLOAT64', 0)", .real(16)),
            ("cloudact_cast('0x1p3', 'FLOAT64', 0)", .real(8)),
            ("cloudact_cast('inf', 'FLOAT64', 0)", .real(.infinity)),
            ("cloudact_cast('+inf', 'FLOAT64', 0)", .real(.infinity)),
            ("cloudact_cast('-Infinity', 'FLOAT64', 0)", .real(-.infinity)),
            ("cloudact_cast('1e400', 'FLOAT64', 0)", .real(.infinity)),
            ("cloudact_cast('1e-400', 'FLOAT64', 0)", .real(0)),
            ("cloudact_cast(5, 'FLOAT64', 0)", .real(5)),
            ("cloudact_cast('1.5', 'NUMERIC', 0)", .real(1.5)),
            ("cloudact_cast('0.0000000375', 'NUMERIC', 0)", .real(0.000000038)),
            ("cloudact_cast('-0.0000000375', 'NUMERIC', 0)", .real(-0.000000038)),
            ("cloudact_cast('1e2', 'NUMERIC', 0)", .real(100)),
            ("cloudact_cast('1E+2', 'NUMERIC', 0)", .real(100)),
            ("cloudact_cast(' 1.5 ', 'NUMERIC', 0)", .real(1.5)),
            ("cloudact_cast('+1.5', 'NUMERIC', 0)", .real(1.5)),
            ("cloudact_cast('-.5', 'NUMERIC', 0)", .real(-0.5)),
            ("cloudact_cast('5.', 'NUMERIC', 0)", .real(5)),
            ("cloudact_cast('1.0000000005', 'NUMERIC', 0)", .real(1.000000001)),
            ("cloudact_cast('1.00000000049', 'NUMERIC', 0)", .real(1)),
            ("cloudact_cast('99999999999999999999999999999.999999999', 'NUMERIC', 0)", .real(1e29)),
            ("cloudact_cast(0.0000000375, 'NUMERIC', 0)", .real(0.000000038)),
            ("cloudact_cast(0.1 + 0.2, 'NUMERIC', 0)", .real(0.3)),
            ("cloudact_cast(1.0000000005, 'NUMERIC', 0)", .real(1.000000001)),
            ("cloudact_cast(1e29, 'NUMERIC', 0)", .real(1e29)),
            ("cloudact_cast(5, 'NUMERIC', 0)", .real(5)),
            ("cloudact_cast('1e38', 'BIGNUMERIC', 0)", .real(1e38)),
            ("cloudact_cast('1e-40', 'BIGNUMERIC', 0)", .real(0)),
            ("cloudact_cast('0.000000000000000000000000000000000000015', 'BIGNUMERIC', 0)", .real(2e-38)),
            ("cloudact_cast(0.1, 'BIGNUMERIC', 0)", .real(0.1)),
        ])
        try Self.expectFailures([
            ("cloudact_cast('abc', 'FLOAT64', 0)", "Bad double value: abc"),
            ("cloudact_cast('', 'FLOAT64', 0)", "Bad double value"),
            ("cloudact_cast('1,5', 'FLOAT64', 0)", "Bad double value"),
            ("cloudact_cast('1.5e', 'FLOAT64', 0)", "Bad double value"),
            ("cloudact_cast('1e29', 'NUMERIC', 0)", "Invalid NUMERIC value: 1e29"),
            ("cloudact_cast('99999999999999999999999999999.9999999999', 'NUMERIC', 0)", "Invalid NUMERIC value"),
            ("cloudact_cast('abc', 'NUMERIC', 0)", "Invalid NUMERIC value"),
            ("cloudact_cast('.', 'NUMERIC', 0)", "Invalid NUMERIC value"),
            ("cloudact_cast('nan', 'NUMERIC', 0)", "Invalid NUMERIC value"),
            ("cloudact_cast('0x10', 'NUMERIC', 0)", "Invalid NUMERIC value"),
            ("cloudact_cast('1e39', 'BIGNUMERIC', 0)", "Invalid BIGNUMERIC value"),
            ("cloudact_cast(1e30, 'NUMERIC', 0)", "NUMERIC out of range"),
            ("cloudact_cast(cloudact_cast('-inf', 'FLOAT64', 0), 'NUMERIC', 0)", "non-finite"),
        ])
    }

    @Test("CAST to BOOL, DATE and TIMESTAMP (zeval)")
    func castToBoolDateTimestamp() throws {
        try Self.expectValues([
            ("cloudact_cast('true', 'BOOL', 0)", .integer(1)),
            ("cloudact_cast('TRUE', 'BOOL', 0)", .integer(1)),
            ("cloudact_cast('True', 'BOOL', 0)", .integer(1)),
            ("cloudact_cast('FaLsE', 'BOOL', 0)", .integer(0)),
            ("cloudact_cast(5, 'BOOL', 0)", .integer(1)),
            ("cloudact_cast(-1, 'BOOL', 0)", .integer(1)),
            ("cloudact_cast(0, 'BOOL', 0)", .integer(0)),
            ("cloudact_cast('2024-02-29', 'DATE', 0)", Self.text("2024-02-29")),
            ("cloudact_cast('2024-2-3', 'DATE', 0)", Self.text("2024-02-03")),
            ("cloudact_cast('0001-01-01', 'DATE', 0)", Self.text("0001-01-01")),
            ("cloudact_cast('0024-01-01', 'DATE', 0)", Self.text("0024-01-01")),
            ("cloudact_cast('2024-02-03T23:00:00.000000Z', 'DATE', 0)", Self.text("2024-02-03")),
            ("cloudact_cast(cloudact_timestamp('2024-02-03 23:00:00-05'), 'DATE', 0)", Self.text("2024-02-04")),
            ("cloudact_cast('2024-02-03', 'TIMESTAMP', 0)", Self.text("2024-02-03T00:00:00.000000Z")),
            ("cloudact_cast('2024-02-03 10:00:00', 'TIMESTAMP', 0)", Self.text("2024-02-03T10:00:00.000000Z")),
            ("cloudact_cast('2024-02-03', 'TIMESTAMP', 0, 'DATE')", Self.text("2024-02-03T00:00:00.000000Z")),
        ])
        try Self.expectFailures([
            ("cloudact_cast(' true', 'BOOL', 0)", "Bad bool value"),
            ("cloudact_cast('True ', 'BOOL', 0)", "Bad bool value"),
            ("cloudact_cast('1', 'BOOL', 0)", "Bad bool value: 1"),
            ("cloudact_cast('yes', 'BOOL', 0)", "Bad bool value"),
            ("cloudact_cast('', 'BOOL', 0)", "Bad bool value"),
            ("cloudact_cast('2023-02-29', 'DATE', 0)", "Invalid date: '2023-02-29'"),
            ("cloudact_cast(' 2024-02-03 ', 'DATE', 0)", "Invalid date"),
            ("cloudact_cast('2024-02-03 10:00:00', 'DATE', 0)", "Invalid date"),
            ("cloudact_cast('20240203', 'DATE', 0)", "Invalid date"),
            ("cloudact_cast('10000-01-01', 'DATE', 0)", "Invalid date"),
            ("cloudact_cast('+2024-01-01', 'DATE', 0)", "Invalid date"),
            ("cloudact_cast('24-01-01', 'DATE', 0)", "Invalid date"),
            ("cloudact_cast('2024-001-01', 'DATE', 0)", "Invalid date"),
            ("cloudact_cast('', 'DATE', 0)", "Invalid date"),
            ("cloudact_cast('2024-01-01T00:00:00.000000Z', 'DATE', 0, 'STRING')", "Invalid date"),
        ])
    }

    @Test("STRING → TIMESTAMP accepts BigQuery's forms and rejects the rest (zeval)")
    func timestampParsing() throws {
        let cases: [(String, String)] = [
            ("2024-01-31 10:00:00+05:30", "2024-01-31T04:30:00.000000Z"),
            ("2024-01-31 10:00:00", "2024-01-31T10:00:00.000000Z"),
            ("2024-01-31T10:00:00", "2024-01-31T10:00:00.000000Z"),
            ("2024-01-31", "2024-01-31T00:00:00.000000Z"),
            ("2024-1-31", "2024-01-31T00:00:00.000000Z"),
            ("2024-1-3 1:2:3", "2024-01-03T01:02:03.000000Z"),
            ("2024-01-31 1:0:0", "2024-01-31T01:00:00.000000Z"),
            ("2024-01-31t10:00:00z", "2024-01-31T10:00:00.000000Z"),
            ("2024-01-31 10:00:00Z", "2024-01-31T10:00:00.000000Z"),
            ("2024-01-31 10:00:00 UTC", "2024-01-31T10:00:00.000000Z"),
            ("2024-02-03 10:00:00 Etc/UTC", "2024-02-03T10:00:00.000000Z"),
            ("2024-01-31 10:00:00+05", "2024-01-31T05:00:00.000000Z"),
            ("2024-02-03 10:00:00+00", "2024-02-03T10:00:00.000000Z"),
            ("2024-01-31 10:00:00+0530", "2024-01-31T04:30:00.000000Z"),
            ("2024-01-31 10:00:00+5:30", "2024-01-31T04:30:00.000000Z"),
            ("2024-01-31 10:00:00+05:3", "2024-01-31T04:57:00.000000Z"),
            ("2024-02-03 10:00:00+1", "2024-02-03T09:00:00.000000Z"),
            ("2024-02-03 10:00:00+123", "2024-02-02T21:57:00.000000Z"),
            ("2024-02-03 10:00:00+1234", "2024-02-02T21:26:00.000000Z"),
            ("2024-02-03 10:00:00+100", "2024-02-03T00:00:00.000000Z"),
            ("2024-02-03 10:00:00-5", "2024-02-03T15:00:00.000000Z"),
            ("2024-02-03 10:00:00-00:30", "2024-02-03T10:30:00.000000Z"),
            ("2024-01-31 10:00:00+14:00", "2024-01-30T20:00:00.000000Z"),
            ("2024-02-03 10:00:00 UTC+05:30", "2024-02-03T04:30:00.000000Z"),
            ("2024-02-03 10:00:00 UTC-3", "2024-02-03T13:00:00.000000Z"),
            ("2024-02-03 10:00:00 UTC+14", "2024-02-02T20:00:00.000000Z"),
            ("2024-01-31 10:00:00.000000", "2024-01-31T10:00:00.000000Z"),
            ("2024-02-03T10:00:00.5+01:00", "2024-02-03T09:00:00.500000Z"),
            ("2024-01-31 23:59:60", "2024-02-01T00:00:00.000000Z"),
            ("2024-01-31 10:00:60", "2024-01-31T10:01:00.000000Z"),
            ("2024-01-31 23:59:60.5", "2024-02-01T00:00:00.500000Z"),
            ("0001-01-01 00:00:00", "0001-01-01T00:00:00.000000Z"),
            ("9999-12-31 23:59:59.999999", "9999-12-31T23:59:59.999999Z"),
        ]
        try Self.expectValues(cases.map { ("cloudact_cast('\($0.0)', 'TIMESTAMP', 0)", Self.text($0.1)) })
        let invalid = [
            "2024-01-31 10:00", "2024-01-31 10:00:00.1234567", "not a time", "2024-02-30 10:00:00", "2024-01-31 24:00:00",
            "0001-01-01 00:00:00+01:00", "9999-12-31 23:59:59.999999-01:00", " 2024-01-31 10:00:00 ", "2024-01-31 10:00:00 +05:30",
            "2024-01-31 10:00:00+14:01", "2024-01-31 10:00:00-15:00", "2024-01-31 10:00:00 utc", "2024-01-31 10:00:00UTC",
            "2024-01-31 10:00:00 Z", "2024-02-03 10:00:00 UTC+15", "2024-01-31 10:00:00+00:00:00", "2024-01-31 10:00:00,5",
            "2024-01-31 10", "2024-01-31 10:00:61", "2024-01-31 10:60:00", "9999-12-31 23:59:60", "2024-02-03Z",
            "2024-02-03+05", "2024-02-03 UTC", "2024-02-03 10:00:00.", "2024-02-03 010:00:00", "2024-02-03 10:00:00+12345",
            "2024-02-03 10:00:00+960", "2024-02-03 10:00:00+05:", "2024-02-03 10:00:00+005:30", "2024-02-03 10:00:00+05:300",
            "2024-01-31  10:00:00", "2024-01-31T10:00:00 Z",
        ]
        try Self.expectFailures(invalid.map { ("cloudact_cast('\($0)', 'TIMESTAMP', 0)", "bad cast: Invalid") })
        try Self.expectValues(invalid.map { ("cloudact_cast('\($0)', 'TIMESTAMP', 1)", .null) })
    }

    @Test("CAST to STRING: integers, FLOAT64 (15/17 digits), NUMERIC, BOOL, DATE, TIMESTAMP (zeval)")
    func castToString() throws {
        try Self.expectValues([
            ("cloudact_cast(42, 'STRING', 0)", Self.text("42")),
            ("cloudact_cast(-42, 'STRING', 0)", Self.text("-42")),
            ("cloudact_cast(1.0 / 3, 'STRING', 0)", Self.text("0.33333333333333331")),
            ("cloudact_cast(0.1, 'STRING', 0)", Self.text("0.1")),
            ("cloudact_cast(0.1 + 0.2, 'STRING', 0)", Self.text("0.30000000000000004")),
            ("cloudact_cast(2.0, 'STRING', 0)", Self.text("2")),
            ("cloudact_cast(-0.0, 'STRING', 0)", Self.text("0")),
            ("cloudact_cast(1e15, 'STRING', 0)", Self.text("1e+15")),
            ("cloudact_cast(1e14, 'STRING', 0)", Self.text("100000000000000")),
            ("cloudact_cast(123456789012345.0, 'STRING', 0)", Self.text("123456789012345")),
            ("cloudact_cast(1234567890123456.0, 'STRING', 0)", Self.text("1234567890123456")),
            ("cloudact_cast(1e20, 'STRING', 0)", Self.text("1e+20")),
            ("cloudact_cast(1e-5, 'STRING', 0)", Self.text("1e-05")),
            ("cloudact_cast(1e-4, 'STRING', 0)", Self.text("0.0001")),
            ("cloudact_cast(0.0001234, 'STRING', 0)", Self.text("0.0001234")),
            ("cloudact_cast(1.5e300, 'STRING', 0)", Self.text("1.5e+300")),
            ("cloudact_cast(155.17241379310346, 'STRING', 0)", Self.text("155.17241379310346")),
            ("cloudact_cast(4.35, 'STRING', 0)", Self.text("4.35")),
            ("cloudact_cast(100.0, 'STRING', 0)", Self.text("100")),
            ("cloudact_cast(-1.5, 'STRING', 0)", Self.text("-1.5")),
            ("cloudact_cast(4.9406564584124654e-324, 'STRING', 0)", Self.text("4.94065645841247e-324")),
            ("cloudact_cast(1.7976931348623157e308, 'STRING', 0)", Self.text("1.7976931348623157e+308")),
            ("cloudact_cast(12345678901234567890.0, 'STRING', 0)", Self.text("1.2345678901234567e+19")),
            ("cloudact_cast(123456789.123456789, 'STRING', 0)", Self.text("123456789.12345679")),
            ("cloudact_cast(cloudact_cast('inf', 'FLOAT64', 0), 'STRING', 0)", Self.text("inf")),
            ("cloudact_cast(cloudact_cast('-inf', 'FLOAT64', 0), 'STRING', 0)", Self.text("-inf")),
            ("cloudact_cast(1.5, 'STRING', 0, 'NUMERIC')", Self.text("1.5")),
            ("cloudact_cast(100, 'STRING', 0, 'NUMERIC')", Self.text("100")),
            ("cloudact_cast(1e20, 'STRING', 0, 'NUMERIC')", Self.text("100000000000000000000")),
            ("cloudact_cast(0.000000001, 'STRING', 0, 'NUMERIC')", Self.text("0.000000001")),
            ("cloudact_cast(155.17241379310346, 'STRING', 0, 'NUMERIC')", Self.text("155.172413793")),
            ("cloudact_cast(0.1, 'STRING', 0, 'BIGNUMERIC')", Self.text("0.1")),
            ("cloudact_cast(1, 'STRING', 0, 'BOOL')", Self.text("true")),
            ("cloudact_cast(0, 'STRING', 0, 'BOOL')", Self.text("false")),
            ("cloudact_cast('2024-02-03', 'STRING', 0)", Self.text("2024-02-03")),
            ("cloudact_cast('2024-02-03', 'STRING', 0, 'DATE')", Self.text("2024-02-03")),
            ("cloudact_cast(cloudact_timestamp('2024-01-31 10:00:00+05:30'), 'STRING', 0)", Self.text("2024-01-31 04:30:00+00")),
            ("cloudact_cast(cloudact_timestamp('2024-01-31T10:00:00.5Z'), 'STRING', 0)", Self.text("2024-01-31 10:00:00.500+00")),
            ("cloudact_cast(cloudact_timestamp('2024-01-31T10:00:00.123Z'), 'STRING', 0)", Self.text("2024-01-31 10:00:00.123+00")),
            ("cloudact_cast(cloudact_timestamp('2024-01-31T10:00:00.1234Z'), 'STRING', 0)", Self.text("2024-01-31 10:00:00.123400+00")),
            ("cloudact_cast(cloudact_timestamp('2024-01-31T10:00:00.123456Z'), 'STRING', 0)", Self.text("2024-01-31 10:00:00.123456+00")),
            ("cloudact_cast(cloudact_timestamp('2024-01-31'), 'STRING', 0)", Self.text("2024-01-31 00:00:00+00")),
            ("cloudact_cast('plain text', 'STRING', 0)", Self.text("plain text")),
        ])
    }

    @Test("SAFE_CAST gives NULL for bad values; pairs BigQuery rejects fail even under SAFE_CAST")
    func safeCast() throws {
        try Self.expectValues([
            ("cloudact_cast('1.5', 'INT64', 1)", .null),
            ("cloudact_cast('x', 'DATE', 1)", .null),
            ("cloudact_cast('yes', 'BOOL', 1)", .null),
            ("cloudact_cast('abc', 'NUMERIC', 1)", .null),
            ("cloudact_cast(1e19, 'INT64', 1)", .null),
            ("cloudact_cast(NULL, 'INT64', 0)", .null),
            ("cloudact_cast(NULL, 'DATE', 1)", .null),
            ("cloudact_cast('{\"a\": 1}', 'JSON', 0)", Self.text("{\"a\": 1}")),
            ("cloudact_cast('{', 'JSON', 1)", .null),
        ])
        try Self.expectFailures([
            ("cloudact_cast(1.5, 'BOOL', 1)", "invalid cast from FLOAT64 to BOOL"),
            ("cloudact_cast(1.5, 'BOOL', 1, 'NUMERIC')", "invalid cast from NUMERIC to BOOL"),
            ("cloudact_cast('2024-01-01', 'INT64', 1, 'DATE')", "invalid cast from DATE to INT64"),
            ("cloudact_cast(1, 'JSON', 1)", "invalid cast from INT64 to JSON"),
            ("cloudact_cast('{\"a\":1}', 'JSON', 1, 'STRING')", "invalid cast from STRING to JSON"),
            ("cloudact_cast('1', 'INT64', 1, 'JSON')", "invalid cast from JSON to INT64"),
            ("cloudact_cast(1, 'DATE', 1)", "invalid cast from INT64 to DATE"),
            ("cloudact_cast(1, 'GEOGRAPHY', 0)", "unknown type GEOGRAPHY"),
        ])
    }

    // MARK: - Date spine and CONCAT

    @Test("cloudact_date_array lists every day inclusive, empty when reversed, limited to 100,000 days")
    func dateArray() throws {
        try Self.expectValues([
            ("cloudact_date_array('2024-02-27', '2024-03-01')", Self.text(#"["2024-02-27","2024-02-28","2024-02-29","2024-03-01"]"#)),
            ("cloudact_date_array('2024-01-01', '2024-01-01')", Self.text(#"["2024-01-01"]"#)),
            ("cloudact_date_array('2024-01-02', '2024-01-01')", Self.text("[]")),
            ("json_array_length(cloudact_date_array('2024-01-01', '2024-12-31'))", .integer(366)),
            ("json_array_length(cloudact_date_array('2000-01-01', cloudact_date_add('2000-01-01', 99999, 'DAY')))", .integer(100_000)),
            ("cloudact_date_array(NULL, '2024-01-01')", .null),
        ])
        try Self.expectFailures([
            ("cloudact_date_array('0001-01-01', '9999-12-31')", "more than 100000 days"),
            ("cloudact_date_array('2000-01-01', cloudact_date_add('2000-01-01', 100000, 'DAY'))", "more than 100000 days"),
        ])
    }

    @Test("cloudact_string is CONCAT of one value (zeval)")
    func concatOfOne() throws {
        try Self.expectValues([
            ("cloudact_string('a')", Self.text("a")),
            ("cloudact_string(1)", Self.text("1")),
            ("cloudact_string(1.5)", Self.text("1.5")),
            ("cloudact_string('')", Self.text("")),
            ("cloudact_string(NULL)", .null),
        ])
    }

    @Test("a NULL argument gives NULL")
    func nullPropagation() throws {
        let expressions = [
            "cloudact_divide(NULL, 1)", "cloudact_divide(1, NULL)", "cloudact_safe_divide(NULL, 0)", "cloudact_div(NULL, 0)",
            "cloudact_mod(1, NULL)", "cloudact_date_add(NULL, 1, 'DAY')", "cloudact_date_add('2024-01-01', NULL, 'DAY')",
            "cloudact_date_sub(NULL, 1, 'MONTH')", "cloudact_date_diff(NULL, '2024-01-01', 'DAY')",
            "cloudact_date_diff('2024-01-01', NULL, 'WEEK')", "cloudact_date_trunc(NULL, 'WEEK')", "cloudact_last_day(NULL)",
            "cloudact_last_day(NULL, 'WEEK')", "cloudact_extract('DAY', NULL)", "cloudact_date(NULL)", "cloudact_date(2024, NULL, 1)",
            "cloudact_timestamp(NULL)", "cloudact_format_date(NULL, '2024-01-01')", "cloudact_format_date('%Y', NULL)",
            "cloudact_lower(NULL)", "cloudact_upper(NULL)", "cloudact_trim(NULL)", "cloudact_substr(NULL, 1)",
            "cloudact_substr('abc', NULL)", "cloudact_substr('abc', 1, NULL)", "cloudact_starts_with(NULL, 'a')",
            "cloudact_starts_with('a', NULL)", "cloudact_regexp_contains(NULL, 'a')", "cloudact_regexp_contains('a', NULL)",
            "cloudact_regexp_extract(NULL, 'a')", "cloudact_regexp_extract('a', NULL)", "cloudact_cast(NULL, 'STRING', 0)",
            "cloudact_date_array('2024-01-01', NULL)", "cloudact_string(NULL)",
        ]
        try Self.expectValues(expressions.map { ($0, .null) })
    }

    // MARK: - Docs/SQLITE.md, one test per entry

    @Test("D1: canonical DATE and TIMESTAMP text sorts in time order; BOOL is 0/1")
    func d1StorageRepresentation() throws {
        let db = try Self.database()
        try db.execute("CREATE TABLE t (ts TEXT NOT NULL, d TEXT NOT NULL, flag INTEGER NOT NULL) STRICT")
        try db.execute(
            """
            INSERT INTO t VALUES
              (cloudact_timestamp('2024-01-01 10:00:00+01:00'), '2024-01-10', TRUE),
              (cloudact_timestamp('2024-01-01T09:30:00Z'), '2024-01-09', FALSE),
              (cloudact_timestamp('2024-01-01 09:00:00.000001-00:30'), '0999-12-31', TRUE)
            """)
        let ordered = try db.query("SELECT ts FROM t ORDER BY ts").rows.map(\.[0])
        #expect(ordered == [
            Self.text("2024-01-01T09:00:00.000000Z"), Self.text("2024-01-01T09:30:00.000000Z"),
            Self.text("2024-01-01T09:30:00.000001Z"),
        ])
        #expect(try db.query("SELECT min(d), max(d) FROM t").rows[0] == [Self.text("0999-12-31"), Self.text("2024-01-10")])
        #expect(try db.query("SELECT sum(flag), typeof(flag) FROM t").rows[0] == [.integer(2), Self.text("integer")])
        #expect(try Self.value(db, "TRUE") == .integer(1))
    }

    @Test("D2: NUMERIC is a double: right to the cent below 1e11, but no 9-decimal rounding")
    func d2NumericAsDouble() throws {
        let db = try Self.database()
        try Self.expectValues([
            // BigQuery NUMERIC: 0.333333333 (zeval); the engine keeps double precision.
            ("cloudact_divide(1.0, 3)", .real(1.0 / 3)),
            ("0.1 + 0.2 = 0.3", .integer(0)),
            // CAST(… AS NUMERIC) does round to 9 decimals (zeval: 0.000000038).
            ("cloudact_cast('0.0000000375', 'NUMERIC', 0)", .real(0.000000038)),
            // Cent amounts below 1e11 survive and print back exactly.
            ("printf('%.2f', 99999999999.99)", Self.text("99999999999.99")),
            ("printf('%.2f', 99999999999.99 * 3 / 3)", Self.text("99999999999.99")),
            ("printf('%.2f', cloudact_divide(4500, 29) * 29)", Self.text("4500.00")),
        ], on: db)
        // A per-day amortisation summed back over a leap February, as in zeval test b (BigQuery NUMERIC gives
        // 4499.999999997, FLOAT64 155.17241379310346 per day): the engine is within 1e-9 of 4500.
        try db.execute("CREATE TABLE days (d TEXT)")
        try db.execute("INSERT INTO days SELECT value FROM json_each(cloudact_date_array('2024-02-01', '2024-02-29'))")
        let total = try db.query("SELECT sum(cloudact_divide(4500.0, 29)) FROM days").rows[0][0].real ?? 0
        #expect(Swift.abs(total - 4500) < 1e-9)
        // 2^53 + 1 is not representable: cents are lost far above 1e11.
        #expect(try Self.value(db, "9007199254740993.0 = 9007199254740992.0") == .integer(1))
    }

    @Test("D3: INT64 overflow of + - * becomes REAL in SQLite; SUM, DIV and CAST still fail")
    func d3IntegerOverflow() throws {
        let db = try Self.database()
        #expect(try Self.value(db, "typeof(9223372036854775807 + 1)") == Self.text("real"))
        #expect(try Self.value(db, "typeof(-(-9223372036854775807 - 1))") == Self.text("real"))
        try Self.expectFailures([
            ("(SELECT sum(x) FROM (SELECT 9223372036854775807 AS x UNION ALL SELECT 1))", "integer overflow"),
            ("abs(-9223372036854775807 - 1)", "integer overflow"),
            ("cloudact_div(-9223372036854775807 - 1, -1)", "int64 overflow"),
            ("cloudact_cast(9223372036854775807.0 * 2, 'INT64', 0)", "int64 out of range"),
        ], on: db)
    }

    @Test("D4: division is BigQuery's, not SQLite's")
    func d4Division() throws {
        try Self.expectValues([
            ("7 / 2", .integer(3)),  // SQLite's own operator truncates…
            ("1 / 0", .null),  // …and gives NULL on zero
            ("cloudact_divide(7, 2)", .real(3.5)),
            ("cloudact_safe_divide(1, 0)", .null),
            ("cloudact_div(-7, 2)", .integer(-3)),
            ("cloudact_mod(-7, 2)", .integer(-1)),
            // The printer's form: native division unless the divisor is zero. FLOAT64 overflow gives inf here,
            // where BigQuery (and cloudact_divide) fail with "double overflow".
            ("CASE WHEN 2 = 0 THEN cloudact_divide(7, 2) ELSE CAST(7 AS REAL) / 2 END", .real(3.5)),
            ("CASE WHEN NULL = 0 THEN cloudact_divide(7, NULL) ELSE CAST(7 AS REAL) / NULL END", .null),
            ("CASE WHEN 1e-308 = 0 THEN cloudact_divide(1e308, 1e-308) ELSE CAST(1e308 AS REAL) / 1e-308 END", .real(.infinity)),
        ])
        try Self.expectFailures([
            ("cloudact_divide(1, 0)", "division by zero: 1 / 0"),
            ("CASE WHEN 0 = 0 THEN cloudact_divide(7, 0) ELSE CAST(7 AS REAL) / 0 END", "division by zero: 7 / 0"),
        ])
    }

    @Test("D5: without a source type, BOOL and NUMERIC cast to STRING as INT64 and FLOAT64 do")
    func d5CastSourceType() throws {
        try Self.expectValues([
            ("cloudact_cast(1 = 1, 'STRING', 0)", Self.text("1")),  // BigQuery: 'true'
            ("cloudact_cast(1 = 1, 'STRING', 0, 'BOOL')", Self.text("true")),
            ("cloudact_cast(1e20, 'STRING', 0)", Self.text("1e+20")),  // a NUMERIC would print 100000000000000000000
            ("cloudact_cast(1e20, 'STRING', 0, 'NUMERIC')", Self.text("100000000000000000000")),
            ("cloudact_cast('2024-01-01T00:00:00.000000Z', 'STRING', 0)", Self.text("2024-01-01 00:00:00+00")),
            ("cloudact_cast('2024-01-01T00:00:00.000000Z', 'STRING', 0, 'STRING')", Self.text("2024-01-01T00:00:00.000000Z")),
            // Exponent-form ties round away from zero (ZetaSQL's reference gives 0 here but 0.000000001 for
            // '0.0000000005'; not checked against BigQuery).
            ("cloudact_cast('5e-10', 'NUMERIC', 0)", .real(0.000000001)),
            ("cloudact_cast('0.0000000005', 'NUMERIC', 0)", .real(0.000000001)),
        ])
    }

    @Test("D6: LIKE is case-sensitive with the pragma; backslash is not an escape without ESCAPE")
    func d6Like() throws {
        let db = try Self.database()
        #expect(try Self.value(db, "'a' LIKE 'A'") == .integer(1))  // SQLite's default folds ASCII case
        try db.execute("PRAGMA case_sensitive_like = ON")
        try Self.expectValues([
            ("'a' LIKE 'A'", .integer(0)),  // BigQuery: false (zeval)
            ("'abc' LIKE 'a%'", .integer(1)),
            ("'é' LIKE '_'", .integer(1)),  // one code point
            ("'a_b' LIKE 'a\\_b'", .integer(0)),  // BigQuery: true (zeval)
            ("'a_b' LIKE 'a\\_b' ESCAPE '\\'", .integer(1)),
            ("'axb' LIKE 'a\\_b' ESCAPE '\\'", .integer(0)),
        ], on: db)
    }

    @Test("D7: TEXT compares by code point, as BigQuery (zeval)")
    func d7Collation() throws {
        try Self.expectValues([
            ("'a' < 'B'", .integer(0)),
            ("'Z' < 'a'", .integer(1)),
            ("'é' > 'z'", .integer(1)),
            ("'\u{FF21}' > '\u{1F600}'", .integer(0)),
            ("'é' = 'e\u{301}'", .integer(0)),
            ("(SELECT min(x) FROM (SELECT 'b' AS x UNION ALL SELECT 'B' UNION ALL SELECT 'a'))", Self.text("B")),
        ])
    }

    @Test("D8: cloudact_lower / cloudact_upper map non-ASCII; SQLite's lower() does not")
    func d8CaseMapping() throws {
        try Self.expectValues([
            ("lower('ÄÖ')", Self.text("ÄÖ")),
            ("cloudact_lower('ÄÖ')", Self.text("äö")),
            ("cloudact_lower('ΟΔΟΣ')", Self.text("οδος")),
            ("cloudact_upper('straße')", Self.text("STRASSE")),
        ])
    }

    @Test("D9: TRIM, SUBSTR and STARTS_WITH work on code points and bytes (zeval)")
    func d9CodePoints() throws {
        try Self.expectValues([
            ("cloudact_trim('\u{2003}x\u{A0}')", Self.text("x")),
            ("cloudact_substr('e\u{301}x', 2, 1)", Self.text("\u{301}")),
            ("cloudact_substr('a👍b', -2)", Self.text("👍b")),
            ("cloudact_starts_with('e\u{301}', 'e')", .integer(1)),
            ("cloudact_starts_with('é', 'e')", .integer(0)),
        ])
    }

    @Test("D10: NaN becomes NULL in SQLite; infinities are kept")
    func d10NaN() throws {
        try Self.expectValues([
            ("cloudact_cast('nan', 'FLOAT64', 0)", .null),  // BigQuery: nan (zeval)
            ("cloudact_cast('nan', 'FLOAT64', 0) IS NULL", .integer(1)),
            ("cloudact_cast('inf', 'FLOAT64', 0)", .real(.infinity)),
            ("cloudact_divide(cloudact_cast('inf', 'FLOAT64', 0), 2)", .real(.infinity)),
            ("cloudact_divide(cloudact_cast('inf', 'FLOAT64', 0), cloudact_cast('inf', 'FLOAT64', 0))", .null),
        ])
    }

    @Test("D11: RE2 semantics on ICU: ASCII classes, end-of-text $, literal class punctuation, RE2's errors (zeval)")
    func d11RegexTranslation() throws {
        try Self.expectValues([
            ("cloudact_regexp_contains('٣', '\\d')", .integer(0)),
            ("cloudact_regexp_contains('٣', '[\\d]')", .integer(0)),
            ("cloudact_regexp_contains('٣', '[^\\D]')", .integer(0)),
            ("cloudact_regexp_contains('7', '[^\\D]')", .integer(1)),
            ("cloudact_regexp_contains('é', '\\w')", .integer(0)),
            ("cloudact_regexp_contains('\u{A0}', '\\s')", .integer(0)),
            ("cloudact_regexp_contains(char(11), '\\s')", .integer(0)),
            ("cloudact_regexp_contains('é', '\\bé')", .integer(0)),
            ("cloudact_regexp_contains('aé', 'a\\b')", .integer(1)),
            ("cloudact_regexp_contains('é', '[[:alpha:]]')", .integer(0)),
            ("cloudact_regexp_contains('a', '[[:alpha:]]')", .integer(1)),
            ("cloudact_regexp_contains('a', '[[:^alpha:]]')", .integer(0)),
            ("cloudact_regexp_contains('A', '[[:lower:]]')", .integer(0)),
            ("cloudact_regexp_contains('a', '[[:word:]]')", .integer(1)),
            ("cloudact_regexp_contains('a' || char(10), 'a$')", .integer(0)),
            ("cloudact_regexp_contains('a' || char(10), '(?m)a$')", .integer(1)),
            ("cloudact_regexp_contains('a' || char(13) || char(10) || 'b', '(?m)a$')", .integer(0)),
            ("cloudact_regexp_contains('a' || char(13) || 'b', 'a.b')", .integer(1)),
            ("cloudact_regexp_contains('a\u{2028}b', 'a.b')", .integer(1)),
            ("cloudact_regexp_contains(char(11), '\\v')", .integer(1)),
            ("cloudact_regexp_contains(char(10), '\\v')", .integer(0)),
            ("cloudact_regexp_contains('&', '[a&&b]')", .integer(1)),
            ("cloudact_regexp_contains('a', '[a&&b]')", .integer(1)),
            ("cloudact_regexp_contains('a]', '[]a]')", .integer(1)),
            ("cloudact_regexp_contains('x', '[^]a]')", .integer(1)),
            ("cloudact_regexp_contains('[', '[[]')", .integer(1)),
            ("cloudact_regexp_contains('-', '[a-]')", .integer(1)),
            ("cloudact_regexp_contains('a-', '[a\\-]')", .integer(1)),
            ("cloudact_regexp_contains('a', '\\141')", .integer(1)),
            ("cloudact_regexp_contains('ab', '\\0')", .integer(0)),
            ("cloudact_regexp_contains('aaa', 'a{,2}')", .integer(0)),
            ("cloudact_regexp_contains('a{,2}', 'a{,2}')", .integer(1)),
            ("cloudact_regexp_contains('ab', '(?P<my_name>b)')", .integer(1)),
            ("cloudact_regexp_contains('7', '[^\\D]')", .integer(1)),
            ("cloudact_regexp_contains('x', '(?i)\\x{58}')", .integer(1)),
            // The remaining difference: ICU folds case fully, RE2 simply. BigQuery gives false for both (zeval).
            ("cloudact_regexp_contains('ß', '(?i)ss')", .integer(1)),
            ("cloudact_regexp_contains('SS', '(?i)ß')", .integer(1)),
            ("cloudact_regexp_contains('aB', '(?i)[[:lower:]]{2}')", .integer(1)),
            ("cloudact_regexp_contains('b', '[a-c&&b]')", .integer(1)),
            ("cloudact_regexp_contains('a', '\\pL\\z')", .integer(1)),
            ("cloudact_regexp_contains('ǅ', '(?i)ǆ')", .integer(1)),
        ])
        try Self.expectFailures([
            ("cloudact_regexp_contains('abab', '(ab)\\1')", "invalid escape sequence"),
            ("cloudact_regexp_contains('abc', 'a(?=b)')", "invalid perl operator"),
            ("cloudact_regexp_contains('abc', 'a(?!b)')", "invalid perl operator"),
            ("cloudact_regexp_contains('abc', '(?<=a)b')", "invalid perl operator"),
            ("cloudact_regexp_contains('ab', '(?>a)')", "invalid perl operator"),
            ("cloudact_regexp_contains('a', '(?#comment)a')", "invalid perl operator"),
            ("cloudact_regexp_contains('a', '(?x) a ')", "invalid perl operator"),
            ("cloudact_regexp_contains('ab', 'a++')", "bad repetition operator"),
            ("cloudact_regexp_contains('x', 'x**')", "bad repetition operator"),
            ("cloudact_regexp_contains('x', 'x{1001}')", "invalid repetition size"),
            ("cloudact_regexp_contains('a', '\\8')", "invalid escape sequence"),
            ("cloudact_regexp_contains('a', '\\e')", "invalid escape sequence"),
            ("cloudact_regexp_contains(' ', '\\h')", "invalid escape sequence"),
            ("cloudact_regexp_contains('a', 'a\\Z')", "invalid escape sequence"),
            ("cloudact_regexp_contains('a', '\\N{LATIN SMALL LETTER A}')", "invalid escape sequence"),
            ("cloudact_regexp_contains('a', '\\X')", "invalid escape sequence"),
            ("cloudact_regexp_contains('a', '\\R')", "invalid escape sequence"),
            ("cloudact_regexp_contains('a', '\\G')", "invalid escape sequence"),
            ("cloudact_regexp_contains('ab', '(?U)a+?')", "not supported by the embedded engine"),
        ])
    }

    @Test("D12: SQLite's json_object keeps insertion order, duplicate keys and 0/1 booleans")
    func d12JSON() throws {
        try Self.expectValues([
            ("json_object('b', 1, 'a', 2)", Self.text(#"{"b":1,"a":2}"#)),  // BigQuery: {"a":2,"b":1} (zeval)
            ("json_object('k', 1, 'k', 2)", Self.text(#"{"k":1,"k":2}"#)),  // BigQuery: {"k":1}
            ("json_object('k', TRUE)", Self.text(#"{"k":1}"#)),  // BigQuery: {"k":true}
            ("json_object('k', cloudact_timestamp('2024-01-01 10:00:00'))", Self.text(#"{"k":"2024-01-01T10:00:00.000000Z"}"#)),
            ("json('{\"b\": 1, \"a\": 2.50, \"c\": 1e2}')", Self.text(#"{"b":1,"a":2.50,"c":1e2}"#)),
            ("json_object('k', 0.1 + 0.2)", Self.text(#"{"k":0.3}"#)),
            ("json_object('k', NULL)", Self.text(#"{"k":null}"#)),
        ])
    }

    @Test("D13: proleptic Gregorian dates from 0001-01-01 to 9999-12-31, month-end clamping (zeval)")
    func d13DateRange() throws {
        try Self.expectValues([
            ("cloudact_date_add('2024-01-31', 1, 'MONTH')", Self.text("2024-02-29")),
            ("cloudact_date_add('2023-01-31', 1, 'MONTH')", Self.text("2023-02-28")),
            ("cloudact_date_add('2024-02-29', 1, 'YEAR')", Self.text("2025-02-28")),
            ("cloudact_date_diff('2024-02-01', '2024-01-31', 'MONTH')", .integer(1)),
            ("cloudact_date_sub('0001-01-02', 1, 'DAY')", Self.text("0001-01-01")),
            ("cloudact_date_add('1582-10-04', 1, 'DAY')", Self.text("1582-10-05")),  // proleptic: no Julian gap
            // The printer's native forms are exact inside the range…
            ("date('2024-01-31', (30) || ' days')", Self.text("2024-03-01")),
            ("date((substr('2024-05-31', 1, 7) || '-01'), (1) || ' months')", Self.text("2024-06-01")),
            ("substr('2024-05-15', 1, 4) || '-01-01'", Self.text("2024-01-01")),
            ("substr(cloudact_timestamp('2024-01-31 23:00:00-05:00'), 1, 10)", Self.text("2024-02-01")),
            // …but give NULL or year 0000 at the edges and normalise invalid dates, where BigQuery fails.
            ("date('9999-12-31', (1) || ' days')", .null),
            ("date('0001-01-01', (-1) || ' days')", Self.text("0000-12-31")),
            ("date('2024-02-30', (1) || ' days')", Self.text("2024-03-02")),
        ])
        try Self.expectFailures([
            ("cloudact_date_add('9999-12-31', 1, 'MONTH')", "Adding 1 MONTH to date 9999-12-31 causes overflow"),
            ("cloudact_date(2023, 2, 29)", "Input calculates to invalid date: 2023-02-29"),
        ])
    }

    @Test("D14: WEEK is WEEK(SUNDAY) everywhere (zeval)")
    func d14Weeks() throws {
        try Self.expectValues([
            ("cloudact_date_trunc('2024-01-06', 'WEEK')", Self.text("2023-12-31")),
            ("cloudact_last_day('2024-01-07', 'WEEK')", Self.text("2024-01-13")),
            ("cloudact_date_diff('2024-01-07', '2024-01-06', 'WEEK')", .integer(1)),
            ("cloudact_extract('WEEK', '2024-01-06')", .integer(0)),
            ("cloudact_extract('WEEK', '2024-01-07')", .integer(1)),
            ("cloudact_format_date('%U', '2024-01-07')", Self.text("01")),
            ("cloudact_extract('DAYOFWEEK', '2024-01-07')", .integer(1)),
        ])
    }

    @Test("D15: TIMESTAMP text is canonical UTC with microseconds; zone names other than UTC fail")
    func d15Timestamps() throws {
        try Self.expectValues([
            ("cloudact_timestamp('2024-01-31 10:00:00.123456+01:00')", Self.text("2024-01-31T09:00:00.123456Z")),
            ("cloudact_timestamp('2024-01-31 10:00:00 UTC')", Self.text("2024-01-31T10:00:00.000000Z")),
        ])
        try Self.expectFailures([
            // BigQuery: 2024-01-31 15:00:00+00 (zeval).
            ("cloudact_timestamp('2024-01-31 10:00:00 America/New_York')", "Invalid time zone: America/New_York"),
            ("cloudact_timestamp('2024-01-31 10:00:00.1234567')", "Invalid timestamp"),
        ])
    }

    @Test("D16: FORMAT_DATE rejects directives outside the supported set")
    func d16FormatDate() throws {
        try Self.expectValues([("cloudact_format_date('%A %d %B %Y', '2024-02-29')", Self.text("Thursday 29 February 2024"))])
        // BigQuery: '%H' stays literal, '%K' prints nothing, '%E4Y' is the year (zeval).
        try Self.expectFailures([
            ("cloudact_format_date('%H', '2024-01-15')", "format element %H is not supported"),
            ("cloudact_format_date('%K', '2024-01-15')", "format element %K is not supported"),
            ("cloudact_format_date('%E4Y', '2024-01-15')", "format element %E is not supported"),
        ])
    }

    @Test("D17: CURRENT_TIMESTAMP is the run's fixed instant in every statement and row")
    func d17CurrentTimestamp() throws {
        let db = try Self.database()
        try db.execute("CREATE TABLE t (n INTEGER, at TEXT, day TEXT)")
        try db.execute("INSERT INTO t SELECT value, cloudact_current_timestamp(), cloudact_current_date() FROM json_each('[1,2,3]')")
        try db.execute("INSERT INTO t VALUES (4, cloudact_current_timestamp(), cloudact_current_date())")
        let rows = try db.query("SELECT DISTINCT at, day FROM t").rows
        #expect(rows == [[Self.text("2025-01-01T12:34:56.123456Z"), Self.text("2025-01-01")]])
    }

    @Test("D18: the date spine through json_each: one row per day, none when reversed or NULL")
    func d18DateSpine() throws {
        let db = try Self.database()
        try db.execute("CREATE TABLE plans (id TEXT, start_date TEXT, end_date TEXT)")
        try db.execute("INSERT INTO plans VALUES ('a', '2024-02-27', '2024-03-01'), ('b', '2024-03-02', '2024-03-01'), ('c', NULL, '2024-01-01')")
        let rows = try db.query(
            """
            SELECT p.id, d.value FROM plans AS p
            CROSS JOIN json_each(cloudact_date_array(p.start_date, p.end_date)) AS d
            ORDER BY p.id, d.value
            """
        ).rows
        #expect(rows.map { $0[1] } == ["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"].map(Self.text))
        #expect(Set(rows.map { $0[0] }) == [Self.text("a")])
        try Self.expectFailures([("cloudact_date_array('2000-01-01', '2400-01-01')", "more than 100000 days")], on: db)
    }

    @Test("D19: MERGE as DELETE + INSERT equals MERGE for unique keys, keeps duplicate source rows")
    func d19MergeEmulation() throws {
        let db = try Self.database()
        try db.execute("CREATE TABLE target (k TEXT, day TEXT, v REAL) STRICT")
        try db.execute("INSERT INTO target VALUES ('a', '2024-01-01', 1), ('b', '2024-01-01', 2), ('a', '2023-12-31', 9)")
        try db.execute("CREATE TABLE source (k TEXT, v REAL) STRICT")
        // The printer's rendering (renderMergeAsDeleteInsert), scope condition on the target's day.
        let merge = """
            DELETE FROM target AS _target
            WHERE EXISTS (
              SELECT 1
              FROM (
                SELECT s.k AS k, '2024-01-01' AS day, s.v AS v FROM source AS s
              ) AS _source
              WHERE _target.k IS _source.k
                AND _target.day = '2024-01-01'
            );
            INSERT INTO target (k, day, v)
            SELECT s.k AS k, '2024-01-01' AS day, s.v AS v FROM source AS s;
            """
        try db.execute("INSERT INTO source VALUES ('a', 10), ('c', 30)")
        try db.execute(merge)
        let merged = try db.query("SELECT k, day, v FROM target ORDER BY k, day").rows
        #expect(merged == [
            [Self.text("a"), Self.text("2023-12-31"), .real(9)], [Self.text("a"), Self.text("2024-01-01"), .real(10)],
            [Self.text("b"), Self.text("2024-01-01"), .real(2)], [Self.text("c"), Self.text("2024-01-01"), .real(30)],
        ])
        // Two source rows for one key: BigQuery fails ("must match at most one source row"); the engine keeps both.
        try db.execute("DELETE FROM source")
        try db.execute("INSERT INTO source VALUES ('b', 20), ('b', 21)")
        try db.execute(merge)
        #expect(try Self.value(db, "(SELECT count(*) FROM target WHERE k = 'b')") == .integer(2))
    }

    @Test("D20: cloudact_assert fails on FALSE and NULL with the message, and rolls back with the run")
    func d20Assert() throws {
        let db = try Self.database()
        try db.execute("CREATE TABLE t (v INTEGER)")
        try db.execute("BEGIN")
        try db.execute("INSERT INTO t VALUES (-1)")
        do {
            try db.execute("SELECT cloudact_assert(NOT EXISTS (SELECT 1 FROM t WHERE v < 0), 'negative value in t')")
            Issue.record("the assertion should fail")
        } catch let error as SQLiteError {
            #expect(error.message == "assertion failed: negative value in t")
            #expect(LocalFunctions.assertionMessage(error.message) == "negative value in t")
        }
        try db.execute("ROLLBACK")
        #expect(try Self.value(db, "(SELECT count(*) FROM t)") == .integer(0))
        try Self.expectFailures([("cloudact_assert(NULL, 'NULL fails too')", "NULL fails too")], on: db)
    }

    @Test("D21: NULL ordering and three-valued logic match BigQuery")
    func d21Nulls() throws {
        let db = try Self.database()
        try db.execute("CREATE TABLE t (x INTEGER)")
        try db.execute("INSERT INTO t VALUES (2), (NULL), (1)")
        #expect(try db.query("SELECT x FROM t ORDER BY x").rows.map(\.[0]) == [.null, .integer(1), .integer(2)])
        #expect(try db.query("SELECT x FROM t ORDER BY x DESC").rows.map(\.[0]) == [.integer(2), .integer(1), .null])
        try Self.expectValues([
            ("NULL = NULL", .null),
            ("NULL IS NULL", .integer(1)),
            ("(SELECT count(*) FROM t)", .integer(3)),
            ("(SELECT count(x) FROM t)", .integer(2)),
            ("(SELECT count(*) FROM (SELECT x FROM t GROUP BY x))", .integer(3)),
            ("CASE WHEN NULL > 0 THEN 'then' ELSE 'else' END", Self.text("else")),
        ], on: db)
    }

    @Test("D22: SQLite's round() rounds decimal text (NUMERIC's answer) and ignores negative digit counts")
    func d22Round() throws {
        try Self.expectValues([
            ("round(2.675, 2)", .real(2.68)),  // BigQuery: 2.68 for NUMERIC, 2.67 for FLOAT64 (zeval)
            ("round(1.005, 2)", .real(1.01)),  // BigQuery FLOAT64: 1 (zeval)
            ("round(-2.5)", .real(-3)),
            ("round(2.5)", .real(3)),
            ("typeof(round(5))", Self.text("real")),
            ("round(123.4, -1)", .real(123)),  // BigQuery: 120 (zeval)
        ])
    }

    @Test("D23: ANY_VALUE as min, LEAST / GREATEST as scalar min / max, COALESCE needs two arguments")
    func d23Aggregates() throws {
        let db = try Self.database()
        try Self.expectValues([
            ("(SELECT min(x) FROM (SELECT NULL AS x UNION ALL SELECT 3 UNION ALL SELECT 1))", .integer(1)),
            ("min(1, NULL, 3)", .null),  // LEAST(1, NULL, 3) = NULL (zeval)
            ("max(1, 2.5)", .real(2.5)),  // GREATEST(1, 2.5) = 2.5 (zeval)
            ("coalesce(NULL, 2)", .integer(2)),
        ], on: db)
        #expect(throws: SQLiteError.self) { try Self.value(db, "coalesce(1)") }
    }

    @Test("D24: one transaction per run: a failure rolls back every earlier write")
    func d24Transactions() throws {
        let db = try Self.database()
        try db.execute("CREATE TABLE a (v INTEGER)")
        try db.execute("CREATE TABLE b (v INTEGER)")
        try db.execute("BEGIN")
        try db.execute("INSERT INTO a VALUES (1)")
        #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO b SELECT cloudact_divide(1, 0)") }
        #expect(db.inTransaction)
        try db.execute("ROLLBACK")
        #expect(try Self.value(db, "(SELECT count(*) FROM a) + (SELECT count(*) FROM b)") == .integer(0))
    }

    @Test("D25: STRICT tables check numbers, not DATE text; the functions catch bad dates when they read them")
    func d25WriteChecks() throws {
        let db = try Self.database()
        try db.execute("CREATE TABLE t (d TEXT, n INTEGER) STRICT")
        try db.execute("INSERT INTO t VALUES ('2024-02-30', 2.0)")
        #expect(try db.query("SELECT n, typeof(n) FROM t").rows[0] == [.integer(2), Self.text("integer")])
        #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES ('2024-01-01', 1.5)") }
        try Self.expectFailures([("(SELECT cloudact_date_add(d, 1, 'DAY') FROM t)", "invalid DATE value '2024-02-30'")], on: db)
    }

    @Test("D26: errors use BigQuery's wording")
    func d26Messages() throws {
        try Self.expectFailures([
            ("cloudact_divide(1, 0)", "division by zero: 1 / 0"),
            ("cloudact_date_add('9999-12-31', 1, 'MONTH')", "Adding 1 MONTH to date 9999-12-31 causes overflow"),
            ("cloudact_date(2023, 2, 29)", "Input calculates to invalid date: 2023-02-29"),
            ("cloudact_substr('a', 1, -1)", "Third argument in SUBSTR() cannot be negative"),
            ("cloudact_regexp_extract('ab', '(a)(b)')", "Regular expressions passed into extraction functions must not have more than 1 capturing group"),
            ("cloudact_cast('x', 'INT64', 0)", "bad cast: Bad int64 value: x"),
        ])
    }
}
