/// A five-field cron expression: minute, hour, day of month, month, day of week.
///
/// Each field is `*`, a value, a range `a-b`, a step `*/n` or `a-b/n` or `a/n`, or a comma list of those.
/// Months take `JAN`–`DEC` and days of the week `SUN`–`SAT` (0 and 7 are both Sunday).
public struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    /// One field's allowed values as a bit set (bit n set = value n allowed).
    public struct Field: Sendable, Hashable {
        public var bits: UInt64
        /// True if the field was `*` (matters for day-of-month/day-of-week OR semantics).
        public var isWildcard: Bool

        /// True if `value` is allowed.
        public func contains(_ value: Int) -> Bool { value >= 0 && value < 64 && bits & (1 << UInt64(value)) != 0 }
    }

    /// The text as written.
    public var description: String
    public var minute: Field
    public var hour: Field
    public var dayOfMonth: Field
    public var month: Field
    public var dayOfWeek: Field

    /// A parse failure: a message and the offset (in Unicode scalars) and length of the bad part of the text.
    public struct ParseError: Error, Sendable, Hashable {
        public var message: String
        public var offset: Int
        public var length: Int
    }

    struct FieldSpec {
        let name: String
        let range: ClosedRange<Int>
        let names: [String]  // index = value - namesBase
        let namesBase: Int
    }

    static let specs: [FieldSpec] = [
        FieldSpec(name: "minute", range: 0...59, names: [], namesBase: 0),
        FieldSpec(name: "hour", range: 0...23, names: [], namesBase: 0),
        FieldSpec(name: "day of month", range: 1...31, names: [], namesBase: 1),
        FieldSpec(
            name: "month", range: 1...12,
            names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], namesBase: 1),
        FieldSpec(name: "day of week", range: 0...7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"], namesBase: 0),
    ]

    /// Parses `text`.
    public static func parse(_ text: String) -> Result<CronExpression, ParseError> {
        let scalars = Array(text.unicodeScalars)
        // ASCII text (the usual case): scalar offsets are byte offsets, so fields are cut from the bytes.
        let utf8 = Array(text.utf8)
        let ascii = utf8.count == scalars.count
        func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
        }
        // Split on runs of spaces, remembering where each field starts.
        var fields: [(text: String, offset: Int)] = []
        var index = 0
        while index < scalars.count {
            if isWhitespace(scalars[index]) { index += 1; continue }
            let start = index
            while index < scalars.count, !isWhitespace(scalars[index]) { index += 1 }
            if ascii {
                fields.append((String(decoding: utf8[start..<index], as: UTF8.self), start))
                continue
            }
            var field = String.UnicodeScalarView()
            field.append(contentsOf: scalars[start..<index])
            fields.append((String(field), start))
        }
        guard fields.count == 5 else {
            let offset = fields.count > 5 ? fields[5].offset : 0
            let length = fields.count > 5 ? scalars.count - fields[5].offset : scalars.count
            let what = fields.count > 5 ? "too many fields" : "too few fields"
            return .failure(
                ParseError(
                    message:
                        "\(what): a cron expression has 5 (minute hour day-of-month month day-of-week), found \(fields.count)",
                    offset: offset, length: max(length, 1)))
        }
        var parsed: [Field] = []
        for (spec, field) in zip(specs, fields) {
            switch parseField(field.text, offset: field.offset, spec: spec) {
            case .success(let value): parsed.append(value)
            case .failure(let error): return .failure(error)
            }
        }
        // Sunday is both 0 and 7.
        var dayOfWeek = parsed[4]
        if dayOfWeek.contains(7) { dayOfWeek.bits |= 1 }
        dayOfWeek.bits &= ~(UInt64(1) << 7)
        return .success(
            CronExpression(
                description: text, minute: parsed[0], hour: parsed[1], dayOfMonth: parsed[2], month: parsed[3],
                dayOfWeek: dayOfWeek))
    }

    static func parseField(_ text: String, offset: Int, spec: FieldSpec) -> Result<Field, ParseError> {
        var bits: UInt64 = 0
        var partOffset = offset
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        for part in parts {
            let partLength = part.unicodeScalars.count
            defer { partOffset += partLength + 1 }
            func fail(_ message: String, at relative: Int = 0, length: Int? = nil) -> Result<Field, ParseError> {
                .failure(
                    ParseError(
                        message: message, offset: partOffset + relative, length: max(length ?? partLength - relative, 1)))
            }
            if part.isEmpty { return fail("empty list item in the \(spec.name) field") }
            var rangePart = Substring(part)
            var step = 1
            if let slash = part.firstIndex(of: "/") {
                rangePart = part[..<slash]
                let stepText = part[part.index(after: slash)...]
                let stepOffset = part.unicodeScalars.distance(from: part.startIndex, to: slash) + 1
                guard let value = Int(stepText), value >= 1 else {
                    return fail("invalid step '\(stepText)' in the \(spec.name) field; expected a positive number", at: stepOffset)
                }
                guard value <= spec.range.upperBound else {
                    return fail("step \(value) is larger than the \(spec.name) field's range \(spec.range.lowerBound)-\(spec.range.upperBound)", at: stepOffset)
                }
                step = value
            }
            var low: Int
            var high: Int
            if rangePart == "*" {
                low = spec.range.lowerBound
                high = spec.range.upperBound
                if spec.name == "day of week" { high = 6 }
            } else if let dash = rangePart.firstIndex(of: "-") {
                let lowText = rangePart[..<dash]
                let highText = rangePart[rangePart.index(after: dash)...]
                let highOffset = rangePart.unicodeScalars.distance(from: rangePart.startIndex, to: dash) + 1
                switch value(lowText, spec: spec) {
                case .success(let v): low = v
                case .failure(let m): return fail(m, at: 0, length: lowText.unicodeScalars.count)
                }
                switch value(highText, spec: spec) {
                case .success(let v): high = v
                case .failure(let m): return fail(m, at: highOffset, length: highText.unicodeScalars.count)
                }
                guard low <= high else {
                    return fail("range \(rangePart) in the \(spec.name) field goes backwards", length: rangePart.unicodeScalars.count)
                }
            } else {
                switch value(rangePart, spec: spec) {
                case .success(let v): low = v
                case .failure(let m): return fail(m, length: rangePart.unicodeScalars.count)
                }
                // `a/n` means from a to the end of the range.
                high = step > 1 || part.contains("/") ? spec.range.upperBound : low
            }
            var current = low
            while current <= high {
                bits |= UInt64(1) << UInt64(current)
                current += step
            }
        }
        return .success(Field(bits: bits, isWildcard: text == "*"))
    }

    enum ValueResult { case success(Int), failure(String) }

    static func value(_ text: Substring, spec: FieldSpec) -> ValueResult {
        if let number = Int(text) {
            guard spec.range.contains(number) else {
                return .failure("\(number) is out of range for the \(spec.name) field (\(spec.range.lowerBound)-\(spec.range.upperBound))")
            }
            return .success(number)
        }
        if let index = spec.names.firstIndex(of: text.uppercased()) {
            return .success(index + spec.namesBase)
        }
        if text.isEmpty { return .failure("missing value in the \(spec.name) field") }
        let namesHelp = spec.names.isEmpty ? "" : " or a name (\(spec.names.first!)-\(spec.names.last!))"
        return .failure("'\(text)' is not valid in the \(spec.name) field; expected a number\(namesHelp)")
    }

    /// Whether the expression fires at the given wall-clock minute (`dayOfWeek` 0 = Sunday). When both the
    /// day-of-month and day-of-week fields are restricted, either may match (the classic cron rule).
    public func matches(minute m: Int, hour h: Int, day: Int, month mo: Int, weekday: Int) -> Bool {
        guard minute.contains(m), hour.contains(h), month.contains(mo) else { return false }
        if dayOfMonth.isWildcard || dayOfWeek.isWildcard {
            return dayOfMonth.contains(day) && dayOfWeek.contains(weekday)
        }
        return dayOfMonth.contains(day) || dayOfWeek.contains(weekday)
    }
}
