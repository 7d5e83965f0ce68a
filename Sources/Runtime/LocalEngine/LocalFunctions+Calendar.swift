/// Civil-date and timestamp arithmetic for the embedded engine's `cloudact_*` functions.
///
/// Dates are proleptic Gregorian, counted in days since 1970-01-01 (Howard Hinnant's days-from-civil), so no
/// Foundation `Calendar` or time zone is involved. BigQuery's range is 0001-01-01 … 9999-12-31; timestamps are
/// microseconds since the Unix epoch, UTC, within the same days.
enum CivilCalendar {
    /// 0001-01-01 and 9999-12-31 as day numbers.
    static let minDay: Int64 = -719_162
    static let maxDay: Int64 = 2_932_896
    static let microsPerSecond: Int64 = 1_000_000
    static let microsPerDay: Int64 = 86_400_000_000
    static let minMicros: Int64 = minDay * microsPerDay
    static let maxMicros: Int64 = (maxDay + 1) * microsPerDay - 1

    /// Floor division and modulo (the results for negative day numbers must round toward -infinity).
    @inline(__always) static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    @inline(__always) static func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }

    static func isLeap(_ year: Int64) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysInMonth(_ year: Int64, _ month: Int64) -> Int64 {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Day number of a civil date (valid for any year; the caller checks the range).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day number.
    static func civil(_ days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
    static func weekday(_ days: Int64) -> Int64 { floorMod(days + 4, 7) }

    /// The Sunday that starts the week of `days` (BigQuery's WEEK = WEEK(SUNDAY)).
    static func weekStart(_ days: Int64) -> Int64 { days - weekday(days) }

    /// Day of the year, 1-based.
    static func dayOfYear(_ days: Int64) -> Int64 {
        let (year, _, _) = civil(days)
        return days - Self.days(year: year, month: 1, day: 1) + 1
    }

    static func isValid(year: Int64, month: Int64, day: Int64) -> Bool {
        year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
    }

    static func inRange(_ days: Int64) -> Bool { days >= minDay && days <= maxDay }

    // MARK: - Text

    /// Appends `value` zero-padded to `width` digits (non-negative values), without intermediate allocations.
    @inline(__always) static func appendPadded(_ value: Int64, width: Int, to out: inout [UInt8]) {
        var count = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        let total = Swift.max(width, count)
        let start = out.count
        out.append(contentsOf: repeatElement(48, count: total))
        var v = value
        var index = start + total - 1
        repeat {
            out[index] = UInt8(truncatingIfNeeded: v % 10) + 48
            v /= 10
            index -= 1
        } while v > 0
    }

    /// `YYYY-MM-DD`.
    static func formatDate(_ days: Int64) -> String {
        let (y, m, d) = civil(days)
        return formatDate(year: y, month: m, day: d)
    }

    static func formatDate(year: Int64, month: Int64, day: Int64) -> String {
        if year >= 0, year <= 9999, month >= 0, month <= 99, day >= 0, day <= 99 {
            // The common case, written straight into the string's storage.
            return String(unsafeUninitializedCapacity: 10) { buffer in
                @inline(__always) func digit(_ value: Int64) -> UInt8 { UInt8(truncatingIfNeeded: value % 10) + 48 }
                buffer[0] = digit(year / 1000)
                buffer[1] = digit(year / 100)
                buffer[2] = digit(year / 10)
                buffer[3] = digit(year)
                buffer[4] = 45
                buffer[5] = digit(month / 10)
                buffer[6] = digit(month)
                buffer[7] = 45
                buffer[8] = digit(day / 10)
                buffer[9] = digit(day)
                return 10
            }
        }
        var out: [UInt8] = []
        if year < 0 { out.append(45) }
        appendPadded(Swift.abs(year), width: 4, to: &out)
        out.append(45)
        appendPadded(month, width: 2, to: &out)
        out.append(45)
        appendPadded(day, width: 2, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The canonical stored TIMESTAMP: `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    static func formatTimestamp(_ micros: Int64) -> String {
        let days = floorDiv(micros, microsPerDay)
        let timeOfDay = micros - days * microsPerDay
        var out = Array(formatDate(days).utf8)
        out.append(84)  // T
        appendTime(timeOfDay, to: &out)
        out.append(46)
        appendPadded(timeOfDay % microsPerSecond, width: 6, to: &out)
        out.append(90)  // Z
        return String(decoding: out, as: UTF8.self)
    }

    /// A TIMESTAMP as BigQuery's CAST(… AS STRING) prints it: `YYYY-MM-DD HH:MM:SS[.fff|.ffffff]+00`.
    static func formatTimestampForCast(_ micros: Int64) -> String {
        let days = floorDiv(micros, microsPerDay)
        let timeOfDay = micros - days * microsPerDay
        var out = Array(formatDate(days).utf8)
        out.append(32)
        appendTime(timeOfDay, to: &out)
        let fraction = timeOfDay % microsPerSecond
        if fraction != 0 {
            out.append(46)
            if fraction % 1000 == 0 { appendPadded(fraction / 1000, width: 3, to: &out) }
            else { appendPadded(fraction, width: 6, to: &out) }
        }
        out.append(contentsOf: Array("+00".utf8))
        return String(decoding: out, as: UTF8.self)
    }

    private static func appendTime(_ timeOfDay: Int64, to out: inout [UInt8]) {
        let seconds = timeOfDay / microsPerSecond
        appendPadded(seconds / 3600, width: 2, to: &out)
        out.append(58)
        appendPadded(seconds / 60 % 60, width: 2, to: &out)
        out.append(58)
        appendPadded(seconds % 60, width: 2, to: &out)
    }

    /// A scanner over the UTF-8 bytes of a value.
    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ text: String) { bytes = Array(text.utf8) }

        var atEnd: Bool { index >= bytes.count }
        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func take(_ byte: UInt8) -> Bool {
            if peek == byte { index += 1; return true }
            return false
        }

        /// Between `min` and `max` decimal digits, or nil (nothing consumed) if fewer than `min`.
        mutating func digits(min: Int, max: Int) -> (value: Int64, count: Int)? {
            var value: Int64 = 0
            var count = 0
            while count < max, let b = peek, b >= 48, b <= 57 {
                value = value * 10 + Int64(b - 48)
                index += 1
                count += 1
            }
            if count < min { index -= count; return nil }
            return (value, count)
        }
    }

    /// Parses a DATE as BigQuery's CAST(STRING AS DATE) does: `Y{4}-M{1,2}-D{1,2}`, nothing else (no spaces).
    static func parseDateString(_ text: String) -> Int64? {
        var s = Scanner(text)
        guard let days = scanDate(&s), s.atEnd else { return nil }
        return days
    }

    /// A stored DATE: the canonical `YYYY-MM-DD` (leniently, anything `parseDateString` accepts).
    static func parseStoredDate(_ text: String) -> Int64? {
        let utf8 = text.utf8
        guard utf8.count == 10 else { return parseDateString(text) }
        var year: Int64 = 0
        var month: Int64 = 0
        var day: Int64 = 0
        for (offset, byte) in utf8.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == 45 else { return parseDateString(text) }
                continue
            }
            guard byte >= 48, byte <= 57 else { return parseDateString(text) }
            let digit = Int64(byte - 48)
            switch offset {
            case 0..<4: year = year * 10 + digit
            case 5..<7: month = month * 10 + digit
            default: day = day * 10 + digit
            }
        }
        guard isValid(year: year, month: month, day: day) else { return nil }
        return days(year: year, month: month, day: day)
    }

    private static func scanDate(_ s: inout Scanner) -> Int64? {
        guard let year = s.digits(min: 4, max: 4), s.take(45), let month = s.digits(min: 1, max: 2), s.take(45),
            let day = s.digits(min: 1, max: 2)
        else { return nil }
        guard isValid(year: year.value, month: month.value, day: day.value) else { return nil }
        return days(year: year.value, month: month.value, day: day.value)
    }

    /// Why a timestamp string was rejected.
    enum TimestampProblem: Error {
        case syntax
        case timeZone(String)
        case outOfRange
    }

    /// Parses a TIMESTAMP string the way BigQuery's CAST(STRING AS TIMESTAMP) / TIMESTAMP(string) does:
    /// `Y{4}-M{1,2}-D{1,2}` optionally followed by `T`/`t`/one space and `H{1,2}:M{1,2}:S{1,2}[.f{1,6}]`, then
    /// optionally `Z`/`z`, an offset `±H[H][[:]MM]` (at most ±14:00), or one space and `UTC`, `Etc/UTC` or
    /// `UTC±offset`. A second of 60 rolls over to the next minute, as BigQuery does. Other time-zone names are
    /// not supported by the embedded engine (Docs/SQLITE.md D15). Returns microseconds since the epoch (UTC).
    static func parseTimestamp(_ text: String) throws(TimestampProblem) -> Int64 {
        var s = Scanner(text)
        guard let days = scanDate(&s) else { throw .syntax }
        if s.atEnd { return try checked(days * microsPerDay) }
        guard s.take(84) || s.take(116) || s.take(32) else { throw .syntax }  // T t space
        guard let hour = s.digits(min: 1, max: 2), s.take(58), let minute = s.digits(min: 1, max: 2), s.take(58),
            let second = s.digits(min: 1, max: 2)
        else { throw .syntax }
        var fraction: Int64 = 0
        if s.take(46) {
            guard let f = s.digits(min: 1, max: 6) else { throw .syntax }
            fraction = f.value
            for _ in f.count..<6 { fraction *= 10 }
            if let b = s.peek, b >= 48, b <= 57 { throw .syntax }  // more than 6 digits
        }
        guard hour.value <= 23, minute.value <= 59, second.value <= 60 else { throw .outOfRange }
        var offsetMinutes: Int64 = 0
        if !s.atEnd {
            if s.take(90) || s.take(122) {  // Z z
                guard s.atEnd else { throw .syntax }
            } else if s.peek == 43 || s.peek == 45 {
                offsetMinutes = try scanOffset(&s, text: text)
            } else if s.take(32) {
                let rest = String(decoding: s.bytes[s.index...], as: UTF8.self)
                if rest == "UTC" || rest == "Etc/UTC" {
                    s.index = s.bytes.count
                } else if rest.hasPrefix("UTC+") || rest.hasPrefix("UTC-") {
                    s.index += 3
                    offsetMinutes = try scanOffset(&s, text: text)
                } else {
                    throw .timeZone(rest)
                }
            } else {
                throw .syntax
            }
        }
        let seconds = hour.value * 3600 + minute.value * 60 + second.value - offsetMinutes * 60
        return try checked(days * microsPerDay + seconds * microsPerSecond + fraction)
    }

    private static func scanOffset(_ s: inout Scanner, text: String) throws(TimestampProblem) -> Int64 {
        let start = s.index
        let negative = s.peek == 45
        s.index += 1
        guard let first = s.digits(min: 1, max: 4) else { throw .syntax }
        var hours = first.value
        var minutes: Int64 = 0
        if s.take(58) {
            guard first.count <= 2, let m = s.digits(min: 1, max: 2) else {
                throw .timeZone(String(decoding: s.bytes[start...], as: UTF8.self))
            }
            minutes = m.value
        } else if first.count > 2 {
            // `+HHM[M]`: the first two digits are hours, the rest minutes (`+123` is +12:03, as in BigQuery).
            let rest = first.count - 2
            let scale: Int64 = rest == 1 ? 10 : 100
            hours = first.value / scale
            minutes = first.value % scale
        }
        guard s.atEnd else { throw .timeZone(String(decoding: s.bytes[start...], as: UTF8.self)) }
        guard minutes <= 59, hours * 60 + minutes <= 14 * 60 else {
            throw .timeZone(String(decoding: s.bytes[start...], as: UTF8.self))
        }
        return (negative ? -1 : 1) * (hours * 60 + minutes)
    }

    private static func checked(_ micros: Int64) throws(TimestampProblem) -> Int64 {
        guard micros >= minMicros, micros <= maxMicros else { throw .outOfRange }
        return micros
    }
}
