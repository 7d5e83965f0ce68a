internal import PipelineDSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of converting one input value to a column type.
enum Conversion {
    case value(LoadValue)
    /// Why the text is not a value of the type (no position, no column name: the caller adds them).
    case problem(String)
}

/// Strict conversions from UTF-8 text (already validated) to typed values. Each works on bytes: no Foundation,
/// no per-field `String` except for STRING and JSON values and for messages.
enum ValueParser {
    static func convert(_ text: UnsafeBufferPointer<UInt8>, as type: ColumnType) -> Conversion {
        switch type {
        case .string: .value(.text(String(decoding: text, as: UTF8.self)))
        case .int64: integer(text)
        case .numeric, .bignumeric, .float64: decimal(text, type: type)
        case .bool: bool(text)
        case .date: date(text)
        case .timestamp: timestamp(text)
        case .json: json(text)
        }
    }

    // MARK: INT64

    static func integer(_ text: UnsafeBufferPointer<UInt8>) -> Conversion {
        let count = text.count
        var i = 0
        var negative = false
        if count > 0 && (text[0] == 0x2D || text[0] == 0x2B) {
            negative = text[0] == 0x2D
            i = 1
        }
        guard i < count else { return .problem("\(ByteText.quote(text)) is not an INT64 (expected a whole number such as 42)") }
        // Accumulate negatively so that Int64.min parses.
        var value: Int64 = 0
        var overflow = false
        while i < count {
            let digit = Int64(text[i]) - 0x30
            guard digit >= 0 && digit <= 9 else {
                return .problem("\(ByteText.quote(text)) is not an INT64 (expected a whole number such as 42)")
            }
            if !overflow {
                let (times, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = times.subtractingReportingOverflow(digit)
                if o1 || o2 { overflow = true } else { value = next }
            }
            i += 1
        }
        if overflow || (!negative && value == Int64.min) {
            return .problem("\(ByteText.quote(text)) is out of range for INT64")
        }
        return .value(.integer(negative ? value : -value))
    }

    // MARK: NUMERIC, BIGNUMERIC, FLOAT64

    /// Exact powers of ten as doubles (10^22 is the largest exactly representable).
    static let powersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    static func decimal(_ text: UnsafeBufferPointer<UInt8>, type: ColumnType) -> Conversion {
        let count = text.count
        var i = 0
        var negative = false
        if count > 0 && (text[0] == 0x2D || text[0] == 0x2B) {
            negative = text[0] == 0x2D
            i = 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var digits = 0
        func isDigit(_ i: Int) -> Bool { i < count && text[i] >= 0x30 && text[i] <= 0x39 }
        while isDigit(i) {
            accumulate(text[i], &mantissa, &significant, &exponent, fraction: false)
            digits += 1
            i += 1
        }
        var wellFormed = digits > 0
        if wellFormed && i < count && text[i] == 0x2E {
            i += 1
            var fractionDigits = 0
            while isDigit(i) {
                accumulate(text[i], &mantissa, &significant, &exponent, fraction: true)
                fractionDigits += 1
                i += 1
            }
            wellFormed = fractionDigits > 0
        }
        if wellFormed && i < count && (text[i] == 0x65 || text[i] == 0x45) {
            i += 1
            var exponentNegative = false
            if i < count && (text[i] == 0x2D || text[i] == 0x2B) {
                exponentNegative = text[i] == 0x2D
                i += 1
            }
            var written = 0
            var exponentDigits = 0
            while isDigit(i) {
                if written < 100_000 { written = written * 10 + Int(text[i] - 0x30) }
                exponentDigits += 1
                i += 1
            }
            wellFormed = exponentDigits > 0
            exponent += exponentNegative ? -written : written
        }
        guard wellFormed && i == count else {
            return .problem("\(ByteText.quote(text)) is not a \(type.rawValue) (expected a decimal number such as 12.5)")
        }
        var value: Double
        if significant <= 15 && exponent >= -22 && exponent <= 22 {
            // Clinger's fast path: both operands are exact, so one IEEE operation rounds correctly.
            value = Double(mantissa)
            value = exponent < 0 ? value / powersOfTen[-exponent] : value * powersOfTen[exponent]
        } else {
            value = strtodCopy(text)
        }
        if negative { value = -value }
        // BigQuery's ranges: NUMERIC below 10^29, BIGNUMERIC up to about 5.79e38, FLOAT64 any finite value.
        let limit: Double =
            switch type {
            case .numeric: 1e29
            case .bignumeric: 5.7896044618658097711785492504343953926e38
            default: .infinity
            }
        guard value.isFinite, abs(value) < limit else {
            return .problem("\(ByteText.quote(text)) is out of range for \(type.rawValue)")
        }
        return .value(.real(value))
    }

    /// Adds one digit to a mantissa of at most 19 significant digits; further digits only move the exponent
    /// (they are handled exactly by the `strtod` path, which the significant-digit count then selects).
    static func accumulate(_ byte: UInt8, _ mantissa: inout UInt64, _ significant: inout Int, _ exponent: inout Int, fraction: Bool) {
        let digit = UInt64(byte - 0x30)
        if significant == 0 && digit == 0 {
            if fraction { exponent -= 1 }
            return
        }
        if significant < 19 {
            mantissa = mantissa * 10 + digit
            significant += 1
            if fraction { exponent -= 1 }
        } else {
            significant += 1
            if !fraction { exponent += 1 }
        }
    }

    /// `strtod` on a NUL-terminated copy (the text is already checked against the strict grammar, so `strtod`'s
    /// extras — hex, inf, nan, leading spaces — cannot occur). The C locale is in effect unless the process
    /// calls `setlocale`, which the runtime does not.
    static func strtodCopy(_ text: UnsafeBufferPointer<UInt8>) -> Double {
        var buffer = [CChar](repeating: 0, count: text.count + 1)
        for i in 0..<text.count { buffer[i] = CChar(bitPattern: text[i]) }
        let value = strtod(buffer, nil)
        // The sign was consumed by the caller's grammar; strtod saw it too, so undo it here.
        return abs(value)
    }

    // MARK: BOOL

    static func bool(_ text: UnsafeBufferPointer<UInt8>) -> Conversion {
        if text.elementsEqual("true".utf8) { return .value(.bool(true)) }
        if text.elementsEqual("false".utf8) { return .value(.bool(false)) }
        return .problem("\(ByteText.quote(text)) is not a BOOL (write true or false)")
    }

    // MARK: DATE

    static func digits(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        guard start + count <= text.count else { return nil }
        var value = 0
        for i in start..<(start + count) {
            let digit = Int(text[i]) - 0x30
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    static func date(_ text: UnsafeBufferPointer<UInt8>) -> Conversion {
        if text.count == 10, text[4] == 0x2D, text[7] == 0x2D, let year = digits(text, 0, 4), let month = digits(text, 5, 2),
            let day = digits(text, 8, 2), CivilDate.isValid(year: year, month: month, day: day)
        {
            return .value(.text(String(decoding: text, as: UTF8.self)))
        }
        let string = String(decoding: text, as: UTF8.self)
        let problem = ISODate.problem(string) ?? "year 0000 does not exist"
        return .problem("\(ByteText.quote(string)) is not a DATE (\(problem))")
    }

    // MARK: TIMESTAMP

    static let timestampShape = "expected YYYY-MM-DDTHH:MM:SS[.ffffff] and Z or an offset such as +02:00"

    /// ISO 8601 / RFC 3339 with a zone: `YYYY-MM-DD` `T` (or `t` or a space) `HH:MM:SS`, up to 6 fractional digits
    /// (more only if they are zeros), then `Z` or `±HH:MM` / `±HHMM` / `±HH`. Normalised to UTC
    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    static func timestamp(_ text: UnsafeBufferPointer<UInt8>) -> Conversion {
        switch parseTimestamp(text) {
        case .success(let micros): return .value(.text(formatTimestamp(micros)))
        case .failure(let problem):
            return .problem("\(ByteText.quote(text)) is not a TIMESTAMP (\(problem.message))")
        }
    }

    struct TimestampProblem: Error { var message: String }

    /// Microseconds since 1970-01-01T00:00:00Z.
    static func parseTimestamp(_ text: UnsafeBufferPointer<UInt8>) -> Result<Int64, TimestampProblem> {
        let count = text.count
        guard count >= 10, text[4] == 0x2D, text[7] == 0x2D, let year = digits(text, 0, 4), let month = digits(text, 5, 2),
            let day = digits(text, 8, 2)
        else { return .failure(TimestampProblem(message: timestampShape)) }
        guard CivilDate.isValid(year: year, month: month, day: day) else {
            let datePart = String(decoding: UnsafeBufferPointer(rebasing: text[0..<10]), as: UTF8.self)
            return .failure(TimestampProblem(message: ISODate.problem(datePart) ?? "year 0000 does not exist"))
        }
        guard count > 10 else { return .failure(TimestampProblem(message: "the time is missing; " + timestampShape)) }
        guard text[10] == 0x54 || text[10] == 0x74 || text[10] == 0x20, count >= 19, text[13] == 0x3A, text[16] == 0x3A,
            let hour = digits(text, 11, 2), let minute = digits(text, 14, 2), let second = digits(text, 17, 2)
        else { return .failure(TimestampProblem(message: timestampShape)) }
        guard hour <= 23 else { return .failure(TimestampProblem(message: "hour \(hour) does not exist")) }
        guard minute <= 59 else { return .failure(TimestampProblem(message: "minute \(minute) does not exist")) }
        guard second <= 59 else { return .failure(TimestampProblem(message: "second \(second) does not exist")) }
        var i = 19
        var micros = 0
        if i < count && (text[i] == 0x2E || text[i] == 0x2C) {
            i += 1
            var fractionDigits = 0
            while i < count, text[i] >= 0x30 && text[i] <= 0x39 {
                let digit = Int(text[i]) - 0x30
                if fractionDigits < 6 {
                    micros = micros * 10 + digit
                } else if digit != 0 {
                    return .failure(TimestampProblem(message: "more than 6 fractional digits; TIMESTAMP has microsecond precision"))
                }
                fractionDigits += 1
                i += 1
            }
            guard fractionDigits > 0 else { return .failure(TimestampProblem(message: timestampShape)) }
            for _ in min(fractionDigits, 6)..<6 { micros *= 10 }
        }
        guard i < count else {
            return .failure(TimestampProblem(message: "the time zone is missing; end with Z or an offset such as +02:00"))
        }
        var offsetSeconds = 0
        switch text[i] {
        case 0x5A, 0x7A:
            i += 1
        case 0x2B, 0x2D:
            let sign = text[i] == 0x2D ? -1 : 1
            i += 1
            guard let offsetHours = digits(text, i, 2) else { return .failure(TimestampProblem(message: timestampShape)) }
            i += 2
            var offsetMinutes = 0
            if i < count {
                if text[i] == 0x3A { i += 1 }
                guard let minutes = digits(text, i, 2) else { return .failure(TimestampProblem(message: timestampShape)) }
                offsetMinutes = minutes
                i += 2
            }
            guard offsetHours <= 23, offsetMinutes <= 59 else {
                return .failure(TimestampProblem(message: "the offset must be between -23:59 and +23:59"))
            }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        default:
            return .failure(TimestampProblem(message: timestampShape))
        }
        guard i == count else { return .failure(TimestampProblem(message: timestampShape)) }
        let days = CivilDate(year: year, month: month, day: day).dayNumber
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        let utc = CivilDate(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        guard utc.year >= 1 && utc.year <= 9999 else {
            return .failure(TimestampProblem(message: "the UTC time is outside the years 0001–9999"))
        }
        return .success(Int64(seconds) * 1_000_000 + Int64(micros))
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    static func formatTimestamp(_ micros: Int64) -> String {
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let fraction = Int(micros - seconds * 1_000_000)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = Int(seconds - days * 86_400)
        let date = CivilDate(dayNumber: Int(days))
        return String(unsafeUninitializedCapacity: 27) { buffer in
            func put(_ value: Int, _ width: Int, at position: Int) {
                var value = value
                var k = width - 1
                while k >= 0 {
                    buffer[position + k] = UInt8(0x30 + value % 10)
                    value /= 10
                    k -= 1
                }
            }
            put(date.year, 4, at: 0)
            buffer[4] = 0x2D
            put(date.month, 2, at: 5)
            buffer[7] = 0x2D
            put(date.day, 2, at: 8)
            buffer[10] = 0x54
            put(secondOfDay / 3600, 2, at: 11)
            buffer[13] = 0x3A
            put(secondOfDay / 60 % 60, 2, at: 14)
            buffer[16] = 0x3A
            put(secondOfDay % 60, 2, at: 17)
            buffer[19] = 0x2E
            put(fraction, 6, at: 20)
            buffer[26] = 0x5A
            return 27
        }
    }

    // MARK: JSON

    static func json(_ text: UnsafeBufferPointer<UInt8>) -> Conversion {
        do throws(JSONSyntaxError) {
            let value = try JSONParser.parseDocument(text, start: 0, end: text.count)
            return .value(.text(value.compactText))
        } catch {
            let character = ByteText.column(of: error.offset, in: text, lineStart: 0)
            return .problem("not valid JSON: \(error.message) (at character \(character) of the value)")
        }
    }
}
