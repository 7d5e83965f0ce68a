import Foundation

/// BigQuery's CAST rules for the embedded engine's storage representation (Docs/SQLITE.md D5).
///
/// `cloudact_cast(x, 'TARGET', safe [, 'SOURCE'])`. The optional fourth argument names the source type; without it
/// the source is inferred from the storage class: INTEGER → INT64, REAL → FLOAT64, TEXT → STRING (or, for the
/// canonical stored forms, DATE / TIMESTAMP). That inference cannot tell BOOL from INT64 or NUMERIC from FLOAT64,
/// which matters only for CAST(… AS STRING) (D5).
enum LocalCast {
    enum SourceType: String {
        case string = "STRING", int64 = "INT64", numeric = "NUMERIC", bignumeric = "BIGNUMERIC", float64 = "FLOAT64"
        case bool = "BOOL", date = "DATE", timestamp = "TIMESTAMP", json = "JSON"
    }

    /// A value that does not convert (SAFE_CAST turns it into NULL).
    struct ValueError: Error { var message: String }

    /// NUMERIC's and BIGNUMERIC's limits: 29 integer digits / scale 9, and ±5.789…e38 / scale 38.
    static let numericMaxMagnitude = 1e29
    static let bignumericMaxMagnitude = 5.7896044618658097711785492504343953926634992332820282019728792003956564819967e38

    static func cast(_ value: SQLiteValue, to targetName: String, safe: Bool, source sourceName: String?) throws -> SQLiteValue {
        if case .null = value { return .null }
        guard let target = SourceType(rawValue: targetName.uppercased()) else {
            throw LocalFunctions.failure("bad cast: unknown type \(targetName)")
        }
        var source: SourceType
        if let sourceName {
            guard let named = SourceType(rawValue: sourceName.uppercased()) else {
                throw LocalFunctions.failure("bad cast: unknown type \(sourceName)")
            }
            source = named
        } else {
            source = inferredSource(value, target: target)
        }
        guard isAllowed(from: source, to: target) else {
            // BigQuery rejects these when the query is analysed, so SAFE_CAST does not hide them either.
            throw LocalFunctions.failure("bad cast: invalid cast from \(source.rawValue) to \(target.rawValue)")
        }
        do {
            return try convert(value, from: source, to: target)
        } catch let error as ValueError {
            if safe { return .null }
            throw LocalFunctions.failure("bad cast: \(error.message)")
        }
    }

    /// The source type a stored value most likely has.
    static func inferredSource(_ value: SQLiteValue, target: SourceType) -> SourceType {
        switch value {
        case .integer: return .int64
        case .real: return .float64
        case .null: return .string
        case .text(let text):
            switch target {
            case .string, .date:
                // The canonical stored TIMESTAMP is unmistakable; a DATE's text is its own STRING form anyway.
                return isCanonicalTimestamp(text) ? .timestamp : .string
            case .json:
                return .json
            default:
                return .string
            }
        }
    }

    /// BigQuery's conversion table, restricted to the types of the expression language.
    static func isAllowed(from source: SourceType, to target: SourceType) -> Bool {
        if source == target { return true }
        switch source {
        case .int64: return [.numeric, .bignumeric, .float64, .bool, .string].contains(target)
        case .numeric, .bignumeric, .float64: return [.int64, .numeric, .bignumeric, .float64, .string].contains(target)
        case .bool: return [.int64, .string].contains(target)
        case .string: return target != .json
        case .date, .timestamp: return [.string, .date, .timestamp].contains(target)
        case .json: return false
        }
    }

    static func isCanonicalTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 27, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58, bytes[16] == 58,
            bytes[19] == 46, bytes[26] == 90
        else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22, 23, 24, 25].allSatisfy { bytes[$0] >= 48 && bytes[$0] <= 57 }
    }

    // MARK: - Conversions

    static func convert(_ value: SQLiteValue, from source: SourceType, to target: SourceType) throws -> SQLiteValue {
        switch target {
        case .string: return .text(try toString(value, from: source))
        case .int64: return .integer(try toInt64(value, from: source))
        case .numeric, .bignumeric: return .real(try toDecimal(value, from: source, big: target == .bignumeric))
        case .float64: return .real(try toFloat64(value, from: source))
        case .bool: return .integer(try toBool(value, from: source) ? 1 : 0)
        case .date: return .text(CivilCalendar.formatDate(try toDate(value, from: source)))
        case .timestamp: return .text(CivilCalendar.formatTimestamp(try toTimestamp(value, from: source)))
        case .json:
            let text = value.text ?? ""
            guard let data = text.data(using: .utf8),
                (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil
            else { throw ValueError(message: "Invalid JSON: \(text)") }
            return .text(text)
        }
    }

    static func toString(_ value: SQLiteValue, from source: SourceType) throws -> String {
        switch (value, source) {
        case (.integer(let v), .bool): return v != 0 ? "true" : "false"
        case (.integer(let v), _): return String(v)
        case (.real(let v), .numeric): return try numericString(v, scale: 9)
        case (.real(let v), .bignumeric): return try numericString(v, scale: 38)
        case (.real(let v), _): return float64String(v)
        case (.text(let text), .timestamp):
            return CivilCalendar.formatTimestampForCast(try storedTimestamp(text))
        case (.text(let text), .date):
            guard let days = CivilCalendar.parseStoredDate(text) else { throw ValueError(message: "Invalid date: '\(text)'") }
            return CivilCalendar.formatDate(days)
        case (.text(let text), _): return text
        case (.null, _): return ""
        }
    }

    static func toInt64(_ value: SQLiteValue, from source: SourceType) throws -> Int64 {
        switch value {
        case .integer(let v): return v
        case .real(let v): return try int64(rounding: v)
        case .text(let text):
            if source == .string, let v = parseInt64(text) { return v }
            if let v = value.integer, source != .string { return v }
            throw ValueError(message: "Bad int64 value: \(text)")
        case .null: return 0
        }
    }

    /// FLOAT64/NUMERIC → INT64: rounds half away from zero; non-finite and out-of-range values fail.
    static func int64(rounding v: Double) throws -> Int64 {
        guard v.isFinite else {
            throw ValueError(message: "Illegal conversion of non-finite floating point number to an integer: \(float64String(v))")
        }
        let r = v.rounded(.toNearestOrAwayFromZero)
        guard r >= -9_223_372_036_854_775_808.0, r < 9_223_372_036_854_775_808.0 else {
            throw ValueError(message: "int64 out of range: \(float64String(v))")
        }
        return Int64(r)
    }

    /// GoogleSQL's STRING → INT64: optional ASCII whitespace around, one optional sign, decimal digits or `0x` hex.
    static func parseInt64(_ text: String) -> Int64? {
        var bytes = Substring(text).utf8[...]
        while let b = bytes.first, isASCIISpace(b) { bytes = bytes.dropFirst() }
        while let b = bytes.last, isASCIISpace(b) { bytes = bytes.dropLast() }
        var negative = false
        if let b = bytes.first, b == 43 || b == 45 {
            negative = b == 45
            bytes = bytes.dropFirst()
        }
        var radix: UInt64 = 10
        if bytes.count > 2, bytes.first == 48, let x = bytes.dropFirst().first, x == 120 || x == 88 {
            radix = 16
            bytes = bytes.dropFirst(2)
        }
        guard !bytes.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        for b in bytes {
            let digit: UInt64
            switch b {
            case 48...57: digit = UInt64(b - 48)
            case 97...102 where radix == 16: digit = UInt64(b - 87)
            case 65...70 where radix == 16: digit = UInt64(b - 55)
            default: return nil
            }
            let (m, o1) = magnitude.multipliedReportingOverflow(by: radix)
            let (n, o2) = m.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            magnitude = n
        }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    static func isASCIISpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }

    static func trimmedASCII(_ text: String) -> String {
        var bytes = Substring(text).utf8[...]
        while let b = bytes.first, isASCIISpace(b) { bytes = bytes.dropFirst() }
        while let b = bytes.last, isASCIISpace(b) { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func toFloat64(_ value: SQLiteValue, from source: SourceType) throws -> Double {
        switch value {
        case .integer(let v): return Double(v)
        case .real(let v): return v
        case .text(let text):
            guard let v = Double(trimmedASCII(text)) else { throw ValueError(message: "Bad double value: \(text)") }
            return v
        case .null: return 0
        }
    }

    /// → NUMERIC (scale 9, |x| < 10^29) or BIGNUMERIC (scale 38): rounded half away from zero at the scale, as
    /// BigQuery does, then stored as the nearest double (D2).
    static func toDecimal(_ value: SQLiteValue, from source: SourceType, big: Bool) throws -> Double {
        let typeName = big ? "BIGNUMERIC" : "NUMERIC"
        let scale = big ? 38 : 9
        let maxMagnitude = big ? bignumericMaxMagnitude : numericMaxMagnitude
        switch value {
        case .integer(let v): return Double(v)
        case .real(let v):
            guard v.isFinite else {
                throw ValueError(message: "Illegal conversion of non-finite floating point number to \(typeName.lowercased()): \(float64String(v))")
            }
            guard Swift.abs(v) <= maxMagnitude else { throw ValueError(message: "\(typeName) out of range: \(float64String(v))") }
            return LocalDecimalText(v).rounded(toScale: scale).doubleValue
        case .text(let text):
            guard var decimal = LocalDecimalText(parsing: trimmedASCII(text)) else {
                throw ValueError(message: "Invalid \(typeName) value: \(text)")
            }
            decimal = decimal.rounded(toScale: scale)
            let limitDigits = big ? 39 : 29
            if decimal.integerDigitCount > limitDigits
                || (decimal.integerDigitCount == limitDigits && big && Swift.abs(decimal.doubleValue) > maxMagnitude)
            {
                throw ValueError(message: "Invalid \(typeName) value: \(text)")
            }
            return decimal.doubleValue
        case .null: return 0
        }
    }

    static func toBool(_ value: SQLiteValue, from source: SourceType) throws -> Bool {
        switch value {
        case .integer(let v): return v != 0
        case .real(let v): return v != 0
        case .text(let text):
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: throw ValueError(message: "Bad bool value: \(text)")
            }
        case .null: return false
        }
    }

    static func toDate(_ value: SQLiteValue, from source: SourceType) throws -> Int64 {
        guard case .text(let text) = value else { throw ValueError(message: "Invalid date: '\(value)'") }
        switch source {
        case .timestamp:
            return CivilCalendar.floorDiv(try storedTimestamp(text), CivilCalendar.microsPerDay)
        case .date:
            guard let days = CivilCalendar.parseStoredDate(text) else { throw ValueError(message: "Invalid date: '\(text)'") }
            return days
        default:
            // STRING: only `Y{4}-M{1,2}-D{1,2}` (a canonical TIMESTAMP was inferred as one before we got here).
            guard let days = CivilCalendar.parseDateString(text) else { throw ValueError(message: "Invalid date: '\(text)'") }
            return days
        }
    }

    static func toTimestamp(_ value: SQLiteValue, from source: SourceType) throws -> Int64 {
        guard case .text(let text) = value else { throw ValueError(message: "Invalid timestamp: '\(value)'") }
        return try storedTimestamp(text)
    }

    /// A TIMESTAMP (or DATE, or timestamp string) as microseconds; failures are value errors.
    static func storedTimestamp(_ text: String) throws -> Int64 {
        do {
            return try CivilCalendar.parseTimestamp(text)
        } catch .timeZone(let zone) {
            throw ValueError(message: "Invalid time zone: \(zone) (the embedded engine knows only UTC and numeric offsets)")
        } catch {
            throw ValueError(message: "Invalid timestamp: '\(text)'")
        }
    }

    // MARK: - Number text

    /// FLOAT64 as BigQuery's CAST(… AS STRING) prints it: 15 significant digits if they round-trip, else 17
    /// (`0.1`, `0.33333333333333331`, `1e+15`); `inf`, `-inf`, `nan`; `0` for both zeros.
    static func float64String(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        if v == 0 { return "0" }
        let short = String(format: "%.15g", v)
        if Double(short) == v { return short }
        return String(format: "%.17g", v)
    }

    /// NUMERIC/BIGNUMERIC as BigQuery prints it: plain decimal, no exponent, no trailing zeros.
    static func numericString(_ v: Double, scale: Int) throws -> String {
        guard v.isFinite else { throw ValueError(message: "Illegal conversion of non-finite floating point number to numeric") }
        return LocalDecimalText(v).rounded(toScale: scale).plainString
    }
}

/// An exact decimal as digits × 10^exponent, used to round at NUMERIC/BIGNUMERIC scales without binary error.
struct LocalDecimalText {
    var negative = false
    /// Decimal digits (0–9) without leading zeros; empty for zero.
    var digits: [UInt8] = []
    /// The value is `digits` × 10^exponent.
    var exponent = 0

    /// The shortest decimal that round-trips to `v` (Swift's `description`).
    init(_ v: Double) {
        self = LocalDecimalText(parsing: v.magnitude.description) ?? LocalDecimalText()
        negative = v < 0 && !digits.isEmpty
    }

    init() {}

    /// `[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?`.
    init?(parsing text: String) {
        var bytes = Array(text.utf8)[...]
        if let b = bytes.first, b == 43 || b == 45 {
            negative = b == 45
            bytes = bytes.dropFirst()
        }
        var sawDigit = false
        var sawPoint = false
        var fractionDigits = 0
        var all: [UInt8] = []
        while let b = bytes.first {
            if b >= 48 && b <= 57 {
                all.append(b - 48)
                sawDigit = true
                if sawPoint { fractionDigits += 1 }
            } else if b == 46 && !sawPoint {
                sawPoint = true
            } else {
                break
            }
            bytes = bytes.dropFirst()
        }
        guard sawDigit else { return nil }
        var exp = 0
        if let b = bytes.first, b == 101 || b == 69 {
            bytes = bytes.dropFirst()
            var expNegative = false
            if let s = bytes.first, s == 43 || s == 45 {
                expNegative = s == 45
                bytes = bytes.dropFirst()
            }
            guard !bytes.isEmpty else { return nil }
            for d in bytes {
                guard d >= 48 && d <= 57 else { return nil }
                exp = Swift.min(exp * 10 + Int(d - 48), 100_000)
            }
            bytes = bytes[bytes.endIndex...]
            if expNegative { exp = -exp }
        }
        guard bytes.isEmpty else { return nil }
        exponent = exp - fractionDigits
        // Normalise: no leading zeros, no trailing zeros.
        let firstNonZero = all.firstIndex { $0 != 0 } ?? all.count
        all.removeFirst(firstNonZero)
        while let last = all.last, last == 0 {
            all.removeLast()
            exponent += 1
        }
        digits = all
        if digits.isEmpty { negative = false; exponent = 0 }
    }

    /// Digits before the decimal point.
    var integerDigitCount: Int { digits.isEmpty ? 0 : Swift.max(0, digits.count + exponent) }

    /// Rounded half away from zero to `scale` decimal places.
    func rounded(toScale scale: Int) -> LocalDecimalText {
        guard !digits.isEmpty, exponent < -scale else { return self }
        let drop = -scale - exponent  // digits to remove from the right
        var copy = self
        if drop > digits.count {
            copy.digits = []
        } else {
            let roundUp = digits[digits.count - drop] >= 5
            copy.digits = Array(digits.dropLast(drop))
            copy.exponent = -scale
            if roundUp {
                var i = copy.digits.count - 1
                while i >= 0 {
                    if copy.digits[i] == 9 { copy.digits[i] = 0; i -= 1 } else { copy.digits[i] += 1; break }
                }
                if i < 0 { copy.digits.insert(1, at: 0) }
            }
        }
        while let last = copy.digits.last, last == 0 {
            copy.digits.removeLast()
            copy.exponent += 1
        }
        if copy.digits.isEmpty { copy.negative = false; copy.exponent = 0 }
        return copy
    }

    /// `-123.45`, `100`, `0.000000038`.
    var plainString: String {
        if digits.isEmpty { return "0" }
        var out: [UInt8] = negative ? [45] : []
        let ascii = digits.map { $0 + 48 }
        if exponent >= 0 {
            out += ascii
            out += repeatElement(48, count: exponent)
        } else {
            let pointAt = ascii.count + exponent
            if pointAt > 0 {
                out += ascii[..<pointAt]
                out.append(46)
                out += ascii[pointAt...]
            } else {
                out += [48, 46]
                out += repeatElement(48, count: -pointAt)
                out += ascii
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    var doubleValue: Double {
        if digits.isEmpty { return 0 }
        let text = (negative ? "-" : "") + String(decoding: digits.map { $0 + 48 }, as: UTF8.self) + "e\(exponent)"
        return Double(text) ?? 0
    }
}
