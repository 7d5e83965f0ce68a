import Foundation

/// The `cloudact_*` SQL functions the SQLite dialect prints in place of BigQuery's functions and operators
/// (SQLPrinter.renderFunction). Each computes what BigQuery computes on the engine's storage representation:
/// DATE = `YYYY-MM-DD` text, TIMESTAMP = `YYYY-MM-DDTHH:MM:SS.ffffffZ` text (UTC), BOOL = 0/1, JSON = text,
/// NUMERIC/BIGNUMERIC/FLOAT64 = REAL, INT64 = INTEGER. A NULL argument gives NULL unless noted; errors BigQuery
/// raises are thrown and fail the statement. Every remaining difference is listed in Docs/SQLITE.md.
enum LocalFunctions {
    /// The most days `cloudact_date_array` returns (about 273 years; see Docs/SQLITE.md D18).
    static let maxDateArrayDays: Int64 = 100_000

    /// An error that fails the SQL statement with `message`.
    static func failure(_ message: String) -> SQLiteError {
        SQLiteError(code: 1, message: message, sql: nil)
    }

    /// Registers every function on `db`. `now` gives the run's fixed CURRENT_TIMESTAMP (the runtime fixes it
    /// per procedure run, as BigQuery fixes it per transaction).
    static func register(on db: SQLiteDatabase, now: @escaping @Sendable () -> Date) throws {
        let regexes = LocalRegexCache()
        func add(_ name: String, _ arity: Int32, deterministic: Bool = true, _ body: @escaping SQLiteDatabase.Function) throws {
            try db.register(name, arity: arity, deterministic: deterministic, body)
        }

        // MARK: Assertions and arithmetic

        // Not deterministic: the optimiser must never fold or skip it.
        try add("cloudact_assert", 2, deterministic: false) { args in
            let holds: Bool
            switch args[0] {
            case .null: holds = false
            case .integer(let v): holds = v != 0
            case .real(let v): holds = v != 0
            case .text(let t): holds = (Double(t) ?? 0) != 0
            }
            // The prefix lets the runner tell a failed ASSERT (a data problem) from an engine error.
            guard holds else { throw failure(assertionPrefix + (args[1].text ?? "ASSERT without a message")) }
            return .integer(1)
        }
        try add("cloudact_divide", 2) { args in
            guard let a = try number(args[0], "/"), let b = try number(args[1], "/") else { return .null }
            if b.isZero { throw failure("division by zero: \(a) / \(b)") }
            let result = a.double / b.double
            if !result.isFinite, a.double.isFinite, b.double.isFinite { throw failure("double overflow: \(a) / \(b)") }
            return .real(result)
        }
        try add("cloudact_safe_divide", 2) { args in
            guard let a = try number(args[0], "SAFE_DIVIDE"), let b = try number(args[1], "SAFE_DIVIDE"), !b.isZero else {
                return .null
            }
            let result = a.double / b.double
            if !result.isFinite, a.double.isFinite, b.double.isFinite { return .null }
            return .real(result)
        }
        try add("cloudact_div", 2) { args in
            guard let a = try integer(args[0], "DIV"), let b = try integer(args[1], "DIV") else { return .null }
            if b == 0 { throw failure("division by zero: \(a) / \(b)") }
            if a == .min && b == -1 { throw failure("int64 overflow: \(a) / \(b)") }
            return .integer(a / b)  // Swift truncates toward zero, as BigQuery's DIV does
        }
        try add("cloudact_mod", 2) { args in
            guard let a = try integer(args[0], "MOD"), let b = try integer(args[1], "MOD") else { return .null }
            if b == 0 { throw failure("division by zero: MOD(\(a), \(b))") }
            if b == -1 { return .integer(0) }  // Int64.min % -1 would trap
            return .integer(a % b)  // the sign of the dividend
        }

        // MARK: Dates

        for (name, sign) in [("cloudact_date_add", Int64(1)), ("cloudact_date_sub", Int64(-1))] {
            try add(name, 3) { args in
                guard let days = try date(args[0], name), let n = try integer(args[1], name), let part = try part(args[2], name)
                else { return .null }
                return .text(CivilCalendar.formatDate(try addToDate(days, n, part, sign: sign)))
            }
        }
        try add("cloudact_date_diff", 3) { args in
            guard let a = try date(args[0], "DATE_DIFF"), let b = try date(args[1], "DATE_DIFF"), let part = try part(args[2], "DATE_DIFF")
            else { return .null }
            return .integer(try dateDiff(a, b, part))
        }
        try add("cloudact_date_trunc", 2) { args in
            guard let days = try date(args[0], "DATE_TRUNC"), let part = try part(args[1], "DATE_TRUNC") else { return .null }
            return .text(CivilCalendar.formatDate(try dateTrunc(days, part)))
        }
        let lastDayBody: SQLiteDatabase.Function = { args in
            guard let days = try date(args[0], "LAST_DAY") else { return .null }
            let part = args.count > 1 ? try part(args[1], "LAST_DAY") : "MONTH"
            guard let part else { return .null }
            return .text(CivilCalendar.formatDate(try lastDay(days, part)))
        }
        try add("cloudact_last_day", 1, lastDayBody)
        try add("cloudact_last_day", 2, lastDayBody)
        try add("cloudact_extract", 2) { args in
            guard let part = try part(args[0], "EXTRACT"), let days = try dayOfDateOrTimestamp(args[1], "EXTRACT") else { return .null }
            return .integer(try extract(part, days))
        }
        try add("cloudact_date", 1) { args in
            guard let days = try dayOfDateOrTimestamp(args[0], "DATE") else { return .null }
            return .text(CivilCalendar.formatDate(days))
        }
        try add("cloudact_date", 3) { args in
            guard let y = try integer(args[0], "DATE"), let m = try integer(args[1], "DATE"), let d = try integer(args[2], "DATE")
            else { return .null }
            guard CivilCalendar.isValid(year: y, month: m, day: d) else {
                throw failure("Input calculates to invalid date: \(CivilCalendar.formatDate(year: y, month: m, day: d))")
            }
            return .text(CivilCalendar.formatDate(year: y, month: m, day: d))
        }
        try add("cloudact_timestamp", 1) { args in
            guard let text = args[0].text else { return .null }
            do {
                return .text(CivilCalendar.formatTimestamp(try LocalCast.storedTimestamp(text)))
            } catch let error as LocalCast.ValueError {
                throw failure(error.message)
            }
        }
        try add("cloudact_current_timestamp", 0, deterministic: false) { _ in
            .text(CivilCalendar.formatTimestamp(currentMicros(now())))
        }
        try add("cloudact_current_date", 0, deterministic: false) { _ in
            .text(CivilCalendar.formatDate(CivilCalendar.floorDiv(currentMicros(now()), CivilCalendar.microsPerDay)))
        }
        try add("cloudact_format_date", 2) { args in
            guard let format = args[0].text, let days = try date(args[1], "FORMAT_DATE") else { return .null }
            return .text(try LocalFormatDate.format(format, days: days))
        }
        try add("cloudact_date_array", 2) { args in
            guard let from = try date(args[0], "date spine"), let to = try date(args[1], "date spine") else { return .null }
            return .text(try dateArray(from, to))
        }

        // MARK: Strings

        try add("cloudact_lower", 1) { args in args[0].text.map { .text(lower($0)) } ?? .null }
        try add("cloudact_upper", 1) { args in args[0].text.map { .text(upper($0)) } ?? .null }
        try add("cloudact_trim", 1) { args in args[0].text.map { .text(trim($0)) } ?? .null }
        let substrBody: SQLiteDatabase.Function = { args in
            guard let text = args[0].text, let position = try integer(args[1], "SUBSTR") else { return .null }
            var length: Int64?
            if args.count > 2 {
                guard let l = try integer(args[2], "SUBSTR") else { return .null }
                length = l
            }
            return .text(try substr(text, position, length))
        }
        try add("cloudact_substr", 2, substrBody)
        try add("cloudact_substr", 3, substrBody)
        try add("cloudact_starts_with", 2) { args in
            guard let text = args[0].text, let prefix = args[1].text else { return .null }
            return .integer(text.utf8.starts(with: prefix.utf8) ? 1 : 0)  // bytes, as BigQuery: no Unicode equivalence
        }
        try add("cloudact_regexp_contains", 2) { args in
            guard let text = args[0].text, let pattern = args[1].text else { return .null }
            return .integer(try regexes.contains(text, pattern) ? 1 : 0)
        }
        try add("cloudact_regexp_extract", 2) { args in
            guard let text = args[0].text, let pattern = args[1].text else { return .null }
            return try regexes.extract(text, pattern).map { .text($0) } ?? .null
        }
        try add("cloudact_string", 1) { args in
            switch args[0] {
            case .null: .null
            case .text(let t): .text(t)
            case .integer(let v): .text(String(v))
            case .real(let v): .text(LocalCast.float64String(v))
            }
        }

        // MARK: Casts

        let castBody: SQLiteDatabase.Function = { args in
            guard let target = args[1].text else { throw failure("bad cast: no target type") }
            let safe = (args[2].integer ?? 0) != 0
            let source = args.count > 3 ? args[3].text : nil
            return try LocalCast.cast(args[0], to: target, safe: safe, source: source)
        }
        try add("cloudact_cast", 3, castBody)
        try add("cloudact_cast", 4, castBody)
    }

    // MARK: - Arguments

    /// An INT64 or FLOAT64 argument, printed as BigQuery prints it in error messages.
    enum Number: CustomStringConvertible {
        case int(Int64)
        case real(Double)

        var double: Double {
            switch self {
            case .int(let v): Double(v)
            case .real(let v): v
            }
        }

        var isZero: Bool { double == 0 }

        var description: String {
            switch self {
            case .int(let v): String(v)
            case .real(let v): LocalCast.float64String(v)
            }
        }
    }

    static func number(_ value: SQLiteValue, _ function: String) throws -> Number? {
        switch value {
        case .null: return nil
        case .integer(let v): return .int(v)
        case .real(let v): return .real(v)
        case .text(let t):
            if let v = Int64(t) { return .int(v) }
            if let v = Double(t) { return .real(v) }
            throw failure("\(function): '\(t)' is not a number")
        }
    }

    /// An INT64 argument (a REAL holding a whole number is accepted: SQLite may store one for an integer).
    static func integer(_ value: SQLiteValue, _ function: String) throws -> Int64? {
        switch value {
        case .null: return nil
        case .integer(let v): return v
        case .real(let v):
            guard let exact = Int64(exactly: v) else { throw failure("\(function): \(LocalCast.float64String(v)) is not an INT64") }
            return exact
        case .text(let t):
            guard let v = Int64(t) else { throw failure("\(function): '\(t)' is not an INT64") }
            return v
        }
    }

    /// A DATE argument as a day number.
    static func date(_ value: SQLiteValue, _ function: String) throws -> Int64? {
        switch value {
        case .null: return nil
        case .text(let t):
            guard let days = CivilCalendar.parseStoredDate(t) else { throw failure("\(function): invalid DATE value '\(t)'") }
            return days
        default:
            throw failure("\(function): invalid DATE value \(value)")
        }
    }

    /// The UTC day of a DATE or TIMESTAMP argument.
    static func dayOfDateOrTimestamp(_ value: SQLiteValue, _ function: String) throws -> Int64? {
        guard case .text(let t) = value else {
            if case .null = value { return nil }
            throw failure("\(function): invalid DATE or TIMESTAMP value \(value)")
        }
        if let days = CivilCalendar.parseStoredDate(t) { return days }
        guard let micros = try? CivilCalendar.parseTimestamp(t) else {
            throw failure("\(function): invalid DATE or TIMESTAMP value '\(t)'")
        }
        return CivilCalendar.floorDiv(micros, CivilCalendar.microsPerDay)
    }

    /// A date part name, upper-cased.
    static func part(_ value: SQLiteValue, _ function: String) throws -> String? {
        guard let text = value.text else { return nil }
        // The printer writes parts in upper case; avoid allocating a copy per row.
        return text.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) ? text : text.uppercased()
    }

    static func currentMicros(_ date: Date) -> Int64 {
        let micros = (date.timeIntervalSince1970 * 1_000_000).rounded(.down)
        return Int64(Swift.max(Double(CivilCalendar.minMicros), Swift.min(Double(CivilCalendar.maxMicros), micros)))
    }

    // MARK: - Date arithmetic

    /// DATE_ADD (`sign` 1) or DATE_SUB (`sign` -1). MONTH, QUARTER and YEAR keep the day of the month, clamped to
    /// the last day of the resulting month.
    static func addToDate(_ days: Int64, _ n: Int64, _ part: String, sign: Int64) throws -> Int64 {
        let (amount, negationOverflow) = n.multipliedReportingOverflow(by: sign)
        var overflow: SQLiteError {
            failure(
                "\(sign > 0 ? "Adding" : "Subtracting") \(n) \(part) \(sign > 0 ? "to" : "from") date \(CivilCalendar.formatDate(days)) causes overflow")
        }
        if negationOverflow { throw overflow }
        switch part {
        case "DAY", "WEEK":
            let (delta, o1) = amount.multipliedReportingOverflow(by: part == "WEEK" ? 7 : 1)
            let (result, o2) = days.addingReportingOverflow(delta)
            guard !o1, !o2, CivilCalendar.inRange(result) else { throw overflow }
            return result
        case "MONTH", "QUARTER", "YEAR":
            let (months, o1) = amount.multipliedReportingOverflow(by: part == "MONTH" ? 1 : part == "QUARTER" ? 3 : 12)
            let (year, month, day) = CivilCalendar.civil(days)
            let (total, o2) = (year * 12 + month - 1).addingReportingOverflow(months)
            guard !o1, !o2 else { throw overflow }
            let newYear = CivilCalendar.floorDiv(total, 12)
            let newMonth = CivilCalendar.floorMod(total, 12) + 1
            guard newYear >= 1, newYear <= 9999 else { throw overflow }
            let newDay = Swift.min(day, CivilCalendar.daysInMonth(newYear, newMonth))
            return CivilCalendar.days(year: newYear, month: newMonth, day: newDay)
        default:
            throw failure("DATE_\(sign > 0 ? "ADD" : "SUB"): unsupported date part \(part)")
        }
    }

    /// DATE_DIFF(a, b, part): the number of `part` boundaries between b and a (WEEK boundaries are Sundays).
    static func dateDiff(_ a: Int64, _ b: Int64, _ part: String) throws -> Int64 {
        switch part {
        case "DAY":
            return a - b
        case "WEEK":
            return (CivilCalendar.weekStart(a) - CivilCalendar.weekStart(b)) / 7
        case "MONTH", "QUARTER", "YEAR":
            let (y1, m1, _) = CivilCalendar.civil(a)
            let (y2, m2, _) = CivilCalendar.civil(b)
            switch part {
            case "MONTH": return (y1 * 12 + m1) - (y2 * 12 + m2)
            case "QUARTER": return (y1 * 4 + (m1 - 1) / 3) - (y2 * 4 + (m2 - 1) / 3)
            default: return y1 - y2
            }
        default:
            throw failure("DATE_DIFF: unsupported date part \(part)")
        }
    }

    static func dateTrunc(_ days: Int64, _ part: String) throws -> Int64 {
        let (year, month, _) = CivilCalendar.civil(days)
        switch part {
        case "DAY": return days
        case "WEEK":
            let start = CivilCalendar.weekStart(days)
            guard CivilCalendar.inRange(start) else {
                throw failure("Truncating date \(CivilCalendar.formatDate(days)) to WEEK resulted in an out of range date value")
            }
            return start
        case "MONTH": return CivilCalendar.days(year: year, month: month, day: 1)
        case "QUARTER": return CivilCalendar.days(year: year, month: (month - 1) / 3 * 3 + 1, day: 1)
        case "YEAR": return CivilCalendar.days(year: year, month: 1, day: 1)
        default: throw failure("DATE_TRUNC: unsupported date part \(part)")
        }
    }

    static func lastDay(_ days: Int64, _ part: String) throws -> Int64 {
        let (year, month, _) = CivilCalendar.civil(days)
        switch part {
        case "MONTH": return CivilCalendar.days(year: year, month: month, day: CivilCalendar.daysInMonth(year, month))
        case "QUARTER":
            let last = (month - 1) / 3 * 3 + 3
            return CivilCalendar.days(year: year, month: last, day: CivilCalendar.daysInMonth(year, last))
        case "YEAR": return CivilCalendar.days(year: year, month: 12, day: 31)
        case "WEEK":
            let end = CivilCalendar.weekStart(days) + 6
            guard CivilCalendar.inRange(end) else {
                throw failure("Last day of date \(CivilCalendar.formatDate(days)) to WEEK resulted in an out of range date value")
            }
            return end
        default: throw failure("LAST_DAY: unsupported date part \(part)")
        }
    }

    static func extract(_ part: String, _ days: Int64) throws -> Int64 {
        let (year, month, day) = CivilCalendar.civil(days)
        switch part {
        case "DAY": return day
        case "MONTH": return month
        case "YEAR": return year
        case "QUARTER": return (month - 1) / 3 + 1
        case "DAYOFWEEK": return CivilCalendar.weekday(days) + 1
        case "DAYOFYEAR": return CivilCalendar.dayOfYear(days)
        case "WEEK":
            // Weeks start on Sunday; days before the year's first Sunday are week 0.
            return (CivilCalendar.dayOfYear(days) - 1 + 7 - CivilCalendar.weekday(days)) / 7
        default: throw failure("EXTRACT: unsupported date part \(part)")
        }
    }

    /// The JSON array of every date from `from` to `to` inclusive, for `json_each` (GENERATE_DATE_ARRAY).
    static func dateArray(_ from: Int64, _ to: Int64) throws -> String {
        guard from <= to else { return "[]" }
        guard to - from < maxDateArrayDays else {
            throw failure(
                "date spine from \(CivilCalendar.formatDate(from)) to \(CivilCalendar.formatDate(to)) has more than \(maxDateArrayDays) days")
        }
        var out: [UInt8] = [91]
        out.reserveCapacity(Int(to - from + 1) * 13 + 2)
        for day in from...to {
            if day != from { out.append(44) }
            out.append(34)
            out.append(contentsOf: CivilCalendar.formatDate(day).utf8)
            out.append(34)
        }
        out.append(93)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Strings

    /// Unicode lower case with ICU's full mappings and context (final sigma), as BigQuery.
    static func lower(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        return NSString(string: text).lowercased
    }

    static func upper(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }, as: UTF8.self)
        }
        return NSString(string: text).uppercased
    }

    /// Removes leading and trailing Unicode White_Space (the set BigQuery's TRIM removes).
    static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }

    /// SUBSTR in Unicode code points: 1-based, 0 means 1, negative counts from the end, a negative length fails.
    static func substr(_ text: String, _ position: Int64, _ length: Int64?) throws -> String {
        if let length, length < 0 { throw failure("Third argument in SUBSTR() cannot be negative") }
        let scalars = Array(text.unicodeScalars)
        let count = Int64(scalars.count)
        var start: Int64
        if position > 0 {
            start = position - 1
        } else if position == 0 {
            start = 0
        } else {
            start = Swift.max(0, count + position)
        }
        guard start < count else { return "" }
        var end = count
        if let length, length < count - start { end = start + length }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[Int(start)..<Int(end)])
        return String(view)
    }
}
