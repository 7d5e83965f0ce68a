import Foundation
import PipelineDSL
import Runtime

/// One compared value, normalised from either engine's representation of a column of a known type.
///
/// * STRING, INT64, DATE, BOOL: exact (`.bool` from BigQuery's `true` and SQLite's `1`).
/// * TIMESTAMP: the instant in microseconds (BigQuery's `2024-01-01T10:00:00.500Z` equals SQLite's
///   `2024-01-01T10:00:00.500000Z`).
/// * JSON: the parsed value (``JSONValue``: member order ignored, duplicates kept, numbers by value). A JSON `null`
///   and SQL NULL are the same cell: BigQuery's TO_JSON_STRING writes both as `null`.
/// * NUMERIC, BIGNUMERIC, FLOAT64: a double plus the engine's own text, compared within ``DecimalTolerance``.
enum Cell: Sendable, Equatable, CustomStringConvertible {
    case null
    case string(String)
    case int(Int64)
    case number(Double, text: String)
    case bool(Bool)
    case date(String)
    case timestamp(Int64)
    case json(JSONValue)
    /// An empty cell of zeval's CSV table output, which writes NULL and '' alike.
    case nullOrEmpty
    /// A value that does not fit its column's type (always a mismatch).
    case unreadable(String)

    var isNull: Bool {
        switch self {
        case .null, .nullOrEmpty: true
        default: false
        }
    }

    var description: String {
        switch self {
        case .null: "NULL"
        case .string(let s): "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        case .int(let v): String(v)
        case .number(_, let text): text
        case .bool(let v): v ? "TRUE" : "FALSE"
        case .date(let d): d
        case .timestamp(let micros): Timestamp.format(micros)
        case .json(let j): j.description
        case .nullOrEmpty: "NULL or ''"
        case .unreadable(let text): "unreadable: \(text)"
        }
    }

    /// True if the two cells of a column of `type` hold the same value (decimals within the type's tolerance).
    func matches(_ other: Cell, as type: ColumnType) -> Bool {
        switch (self, other) {
        case (.unreadable, _), (_, .unreadable): return false
        case (.nullOrEmpty, .null), (.null, .nullOrEmpty), (.nullOrEmpty, .nullOrEmpty): return true
        case (.nullOrEmpty, .string(let s)), (.string(let s), .nullOrEmpty): return s.isEmpty
        case (.json(.null), .null), (.null, .json(.null)): return true
        case (.number(let a, _), .number(let b, _)):
            return DecimalTolerance.for(type).allows(a, b)
        default: return self == other
        }
    }
}

/// How far apart two decimals of a column type may be and still count as the same value.
///
/// The embedded engine stores NUMERIC, BIGNUMERIC and FLOAT64 as IEEE binary64 doubles (Docs/SQLITE.md D1, D2);
/// BigQuery computes NUMERIC and BIGNUMERIC exactly. Two values match when
/// `|a − b| ≤ absolute + relative × max(|a|, |b|)`:
///
/// | type | absolute | relative | why |
/// |---|---|---|---|
/// | NUMERIC | 1e-9 | 1e-12 | BigQuery rounds every NUMERIC division and CAST half away from zero to 9 decimals (≤ 5e-10 each, and a value in these procedures goes through at most two such roundings), while the engine keeps ~16 significant digits. |
/// | BIGNUMERIC | 1e-15 | 1e-12 | BigQuery rounds to 38 decimals (nothing at this scale). The absolute term only absorbs a double's residue around zero; it is 1e-15, far below the smallest price (1e-9 per token), so prices compare relatively. |
/// | FLOAT64 | 0 | 1e-12 | Both engines compute in binary64; only evaluation order can differ, by a few ulps. |
///
/// The relative term, 1e-12, bounds the double side's error: each `+ − × ÷` adds at most 2^-53 ≈ 1.1e-16
/// relative, so a value built from 20 operations is off by less than 2.2e-15 (D2), and 1e-12 leaves a margin of
/// about 450 times that. It is tight enough to catch a one-cent difference in any value below 10^10 (ten billion
/// in the currency; 0.01 > 1e-9 + 1e-12 × 10^10 = 0.010000001 fails only above that), which ``ToleranceTests``
/// checks for every type, and the whole harness once more by perturbing one cost in a real fixture by 0.01.
/// Above 10^10 a double can no longer promise cents per row anyway (D2). NaN matches only NaN and an infinity only
/// the same infinity.
struct DecimalTolerance: Sendable {
    var absolute: Double
    var relative: Double

    static let numeric = DecimalTolerance(absolute: 1e-9, relative: 1e-12)
    static let bignumeric = DecimalTolerance(absolute: 1e-15, relative: 1e-12)
    static let float64 = DecimalTolerance(absolute: 0, relative: 1e-12)
    /// Integers and everything else: exact.
    static let exact = DecimalTolerance(absolute: 0, relative: 0)

    static func `for`(_ type: ColumnType) -> DecimalTolerance {
        switch type {
        case .numeric: .numeric
        case .bignumeric: .bignumeric
        case .float64: .float64
        default: .exact
        }
    }

    func allows(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a.isInfinite || b.isInfinite { return a == b }
        return abs(a - b) <= absolute + relative * max(abs(a), abs(b))
    }
}

/// UTC timestamps as microseconds since 1970-01-01, read from any of the forms the two engines print.
enum Timestamp {
    /// Reads `YYYY-MM-DD[ T]HH:MM:SS[.f{1,9}][Z | ±HH[[:]MM]]` (zeval's CAST AS STRING and TO_JSON_STRING forms, the
    /// engine's canonical form, and the fixtures' UTC forms). A date alone is midnight.
    static func parse(_ text: String) -> Int64? {
        let s = Array(text.utf8)
        var i = 0
        func number(_ digits: ClosedRange<Int>) -> Int64? {
            var value: Int64 = 0
            var count = 0
            while i < s.count, s[i] >= 48, s[i] <= 57, count < digits.upperBound {
                value = value * 10 + Int64(s[i] - 48)
                i += 1
                count += 1
            }
            return digits.contains(count) ? value : nil
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4...4), expect(45), let month = number(1...2), expect(45), let day = number(1...2),
            (1...12).contains(month), (1...Days.daysIn(year, month)).contains(day)
        else { return nil }
        var seconds = Days.days(year, month, day) * 86_400
        var micros: Int64 = 0
        if i < s.count {
            guard s[i] == 84 || s[i] == 116 || s[i] == 32 else { return nil }
            i += 1
            guard let h = number(1...2), expect(58), let m = number(1...2), expect(58), let sec = number(1...2),
                h < 24, m < 60, sec < 60
            else { return nil }
            seconds += h * 3600 + m * 60 + sec
            if expect(46) {
                let start = i
                guard let fraction = number(1...9) else { return nil }
                let digits = i - start
                var scaled = fraction
                if digits < 6 {
                    for _ in digits..<6 { scaled *= 10 }
                } else {
                    for _ in 6..<digits { scaled /= 10 }
                }
                micros = scaled
            }
            if i < s.count {
                if s[i] == 90 || s[i] == 122 {
                    i += 1
                } else if s[i] == 43 || s[i] == 45 {
                    let sign: Int64 = s[i] == 43 ? 1 : -1
                    i += 1
                    guard let oh = number(1...2) else { return nil }
                    var om: Int64 = 0
                    if expect(58) {
                        guard let value = number(2...2) else { return nil }
                        om = value
                    } else if i < s.count, let value = number(2...2) {
                        om = value
                    }
                    seconds -= sign * (oh * 3600 + om * 60)
                } else {
                    return nil
                }
            }
        }
        guard i == s.count else { return nil }
        return seconds * 1_000_000 + micros
    }

    /// The engine's canonical text: `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    static func format(_ micros: Int64) -> String {
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let fraction = micros - seconds * 1_000_000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = Days.civil(days)
        return Days.format(y, m, d) + "T" + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":"
            + pad(secondOfDay % 60, 2) + "." + pad(fraction, 6) + "Z"
    }

    static func pad(_ v: Int64, _ width: Int) -> String {
        let text = String(v)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

/// Proleptic Gregorian days (Howard Hinnant's algorithms).
enum Days {
    static func isLeap(_ y: Int64) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }

    static func daysIn(_ y: Int64, _ m: Int64) -> Int64 {
        [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Int(m - 1)]
    }

    static func days(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(_ z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d)
    }

    static func format(_ y: Int64, _ m: Int64, _ d: Int64) -> String {
        Timestamp.pad(y, 4) + "-" + Timestamp.pad(m, 2) + "-" + Timestamp.pad(d, 2)
    }

    /// True for a valid `YYYY-MM-DD`.
    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int64(parts[0]), let m = Int64(parts[1]), let d = Int64(parts[2]), y >= 1, (1...12).contains(m)
        else { return false }
        return (1...daysIn(y, m)).contains(d)
    }
}

/// Reading each engine's representation of a value into a ``Cell``.
enum CellReader {
    /// A value read from the embedded engine (storage forms of Docs/SQLITE.md D1).
    static func sqlite(_ value: SQLValue, _ type: ColumnType) -> Cell {
        if case .null = value { return .null }
        switch (type, value) {
        case (.string, .text(let s)): return .string(s)
        case (.int64, .integer(let v)): return .int(v)
        case (.numeric, .real(let v)), (.bignumeric, .real(let v)), (.float64, .real(let v)):
            return .number(v, text: String(v))
        case (.numeric, .integer(let v)), (.bignumeric, .integer(let v)), (.float64, .integer(let v)):
            return .number(Double(v), text: String(v))
        case (.bool, .integer(let v)) where v == 0 || v == 1: return .bool(v == 1)
        case (.date, .text(let s)) where Days.isValid(s): return .date(s)
        case (.timestamp, .text(let s)):
            // Only the canonical form is a TIMESTAMP in the engine (D1, D25).
            guard s.count == 27, let micros = Timestamp.parse(s), Timestamp.format(micros) == s else {
                return .unreadable("non-canonical TIMESTAMP text \(s)")
            }
            return .timestamp(micros)
        case (.json, .text(let s)):
            guard let parsed = try? JSONValue.parse(s) else { return .unreadable("JSON text \(s)") }
            return .json(parsed)
        default:
            return .unreadable("\(value) stored in a \(type.rawValue) column")
        }
    }

    /// A member of BigQuery's `TO_JSON_STRING(row)`.
    static func bigQueryJSON(_ value: JSONValue, _ type: ColumnType) -> Cell {
        if case .null = value { return .null }
        switch (type, value) {
        case (.string, .string(let s)): return .string(s)
        case (.int64, .number(let text)), (.int64, .string(let text)):
            return Int64(text).map(Cell.int) ?? .unreadable(text)
        case (.numeric, .number(let text)), (.numeric, .string(let text)), (.bignumeric, .number(let text)),
            (.bignumeric, .string(let text)), (.float64, .number(let text)):
            return Double(text).map { .number($0, text: text) } ?? .unreadable(text)
        case (.float64, .string(let text)):
            switch text {
            case "NaN": return .number(.nan, text: "nan")
            case "Infinity": return .number(.infinity, text: "inf")
            case "-Infinity": return .number(-.infinity, text: "-inf")
            default: return .unreadable(text)
            }
        case (.bool, .bool(let v)): return .bool(v)
        case (.date, .string(let s)) where Days.isValid(s): return .date(s)
        case (.timestamp, .string(let s)):
            return Timestamp.parse(s).map(Cell.timestamp) ?? .unreadable(s)
        case (.json, let v): return .json(v)
        default: return .unreadable("\(value) for a \(type.rawValue) column")
        }
    }

    /// A cell of zeval's CSV table output (ZetaSQL's `CAST(x AS STRING)`, TO_JSON_STRING for JSON).
    static func bigQueryCSV(_ text: String, _ type: ColumnType) -> Cell {
        if text.isEmpty { return type == .string ? .nullOrEmpty : .null }
        switch type {
        case .string: return .string(text)
        case .int64: return Int64(text).map(Cell.int) ?? .unreadable(text)
        case .numeric, .bignumeric, .float64:
            switch text {
            case "nan", "NaN": return .number(.nan, text: text)
            case "inf", "Infinity": return .number(.infinity, text: text)
            case "-inf", "-Infinity": return .number(-.infinity, text: text)
            default: return Double(text).map { .number($0, text: text) } ?? .unreadable(text)
            }
        case .bool: return text == "true" ? .bool(true) : text == "false" ? .bool(false) : .unreadable(text)
        case .date: return Days.isValid(text) ? .date(text) : .unreadable(text)
        case .timestamp: return Timestamp.parse(text).map(Cell.timestamp) ?? .unreadable(text)
        case .json: return (try? JSONValue.parse(text)).map(Cell.json) ?? .unreadable(text)
        }
    }
}

/// Splits CSV text (RFC 4180, as Python's csv module writes it) into rows of cells. Works on Unicode scalars: a
/// quote followed by a combining mark is one Swift `Character`, and must still end a quoted cell.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var cell = String.UnicodeScalarView()
    var quoted = false
    var atCellStart = true
    var scalars = Array(text.unicodeScalars)[...]
    while let c = scalars.popFirst() {
        if quoted {
            if c == "\"" {
                if scalars.first == "\"" {
                    cell.append("\"")
                    scalars = scalars.dropFirst()
                } else {
                    quoted = false
                }
            } else {
                cell.append(c)
            }
            continue
        }
        switch c {
        case "\"" where atCellStart:
            quoted = true
            atCellStart = false
        case ",":
            row.append(String(cell))
            cell = String.UnicodeScalarView()
            atCellStart = true
        case "\r" where scalars.first == "\n":
            continue
        case "\n":
            row.append(String(cell))
            rows.append(row)
            row = []
            cell = String.UnicodeScalarView()
            atCellStart = true
        default:
            cell.append(c)
            atCellStart = false
        }
    }
    if !cell.isEmpty || !row.isEmpty {
        row.append(String(cell))
        rows.append(row)
    }
    return rows
}
