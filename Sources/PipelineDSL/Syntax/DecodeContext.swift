/// Options for decoding.
public struct DecodeOptions: Sendable {
    /// The time zones schedules may name.
    public var timeZones: TimeZoneDatabase

    /// Creates options.
    public init(timeZones: TimeZoneDatabase = .foundation) {
        self.timeZones = timeZones
    }
}

/// The names the runtime passes to every procedure; a procedure may not declare them again.
public let implicitParameterNames: [String] = ["org_slug", "pipeline_id", "credential_id", "run_id", "run_date"]

/// The fields of one mapping, read through its ``ObjectSchema``.
struct ObjectFields {
    let mapping: YAMLMapping
    let schema: ObjectSchema

    /// The value of a key, or nil if absent. Asking for a key the schema does not define is a programming
    /// error: the schema is the single definition of the language.
    subscript(_ key: String) -> YAMLNode? {
        precondition(schema.hasField(key), "'\(key)' is not a field of \(schema.name)")
        return mapping.entries.first { $0.key.value == key }?.value
    }

    /// The key scalar of a field, or nil if absent.
    func key(_ key: String) -> YAMLScalar? { mapping.entries.first { $0.key.value == key }?.key }

    /// True if the key is present.
    func has(_ key: String) -> Bool { self[key] != nil }
}

/// The state of decoding one file: the file (for positions inside scalars), options and diagnostics.
struct DecodeContext {
    let file: SourceFile
    let options: DecodeOptions
    var diagnostics = Diagnostics()

    init(file: SourceFile, options: DecodeOptions) {
        self.file = file
        self.options = options
    }

    // MARK: - Mappings

    /// Reads a mapping against its schema: reports unknown keys (with a suggestion) and missing required keys.
    mutating func object(_ node: YAMLNode, _ schema: ObjectSchema) -> ObjectFields? {
        guard case .mapping(let mapping) = node else {
            typeMismatch(node, expected: "a mapping (\(schema.name))")
            return nil
        }
        for entry in mapping.entries where !schema.hasField(entry.key.value) {
            if entry.key.value == "<<" && entry.key.style == .plain { continue }  // reported by the composer
            let known = schema.fields.map(\.name)
            diagnostics.error(
                .syntaxUnknownKey, "unknown key '\(entry.key.value)' in \(schema.name)", at: entry.key.range,
                hint: Suggestions.hint(for: entry.key.value, among: known)
                    ?? "valid keys: \(Suggestions.list(known, conjunction: "and"))")
        }
        for field in schema.fields where field.isRequired && mapping.entry(field.name) == nil {
            diagnostics.error(
                .syntaxMissingKey, "missing required key '\(field.name)' in \(schema.name)",
                at: SourceRange(file: mapping.range.file, start: mapping.range.start),
                hint: "add '\(field.name):' (\(field.summary))")
        }
        return ObjectFields(mapping: mapping, schema: schema)
    }

    /// Reads a mapping of user-chosen names (columns, params, select).
    mutating func entries(_ node: YAMLNode, what: String) -> [YAMLMapping.Entry]? {
        guard case .mapping(let mapping) = node else {
            typeMismatch(node, expected: "a mapping of \(what)")
            return nil
        }
        return mapping.entries
    }

    // MARK: - Lists

    /// Reads a list; reports an empty list when at least one item is required.
    mutating func list(_ node: YAMLNode, what: String, minItems: Int = 1) -> [YAMLNode]? {
        guard case .sequence(let sequence) = node else {
            typeMismatch(node, expected: "a list of \(what)")
            return nil
        }
        if sequence.items.count < minItems {
            diagnostics.error(
                .syntaxEmptyList, "the list of \(what) is empty", at: sequence.range,
                hint: "add at least one item, or remove the key")
        }
        return sequence.items
    }

    // MARK: - Scalars

    mutating func typeMismatch(_ node: YAMLNode, expected: String) {
        let found: String
        switch node {
        case .scalar(let s):
            found = s.isNull ? "nothing (null)" : "'\(s.value.prefix(40))'"
        case .sequence: found = "a list"
        case .mapping: found = "a mapping"
        }
        diagnostics.error(.syntaxTypeMismatch, "expected \(expected), found \(found)", at: node.range)
    }

    /// A non-null scalar. `expected` is only built for the error.
    mutating func scalar(_ node: YAMLNode, expected: @autoclosure () -> String) -> YAMLScalar? {
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            typeMismatch(node, expected: expected())
            return nil
        }
        return scalar
    }

    /// Free text (any scalar style; numbers stay text as written).
    mutating func text(_ node: YAMLNode) -> Located<String>? {
        scalar(node, expected: "a string").map { Located($0.value, at: $0.range) }
    }

    /// An expression scalar (parsed later by the compiler).
    mutating func expression(_ node: YAMLNode) -> ExpressionSource? {
        // `NULL` is an expression; only an empty value or `~` is "nothing".
        if case .scalar(let scalar) = node, scalar.style == .plain, scalar.value == "NULL" || scalar.value == "null" {
            return scalar
        }
        guard let scalar = scalar(node, expected: "an expression") else { return nil }
        if scalar.value.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) {
            diagnostics.error(.syntaxTypeMismatch, "expected an expression, found blank text", at: scalar.range)
            return nil
        }
        return scalar
    }

    /// An identifier `^[a-z][a-z0-9_]*$` (at most 128 characters).
    mutating func identifier(_ node: YAMLNode, what: String = "name") -> Located<String>? {
        guard let scalar = scalar(node, expected: "a \(what)") else { return nil }
        return checkIdentifier(scalar.value, scalar: scalar, offset: 0, what: what).map { Located($0, at: scalar.range) }
    }

    /// Checks an identifier that sits at `offset` inside `scalar`'s value; reports errors at the exact characters.
    mutating func checkIdentifier(_ text: String, scalar: YAMLScalar, offset: Int, what: String) -> String? {
        // The usual case, a valid name: 1 to 128 bytes of a-z, 0-9 and _, starting with a letter. Every check
        // below passes for it, so it returns without building hints.
        let utf8 = text.utf8
        if let lead = utf8.first, lead >= 0x61 && lead <= 0x7A, utf8.count <= 128,
            utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F })
        {
            return text
        }
        let scalars = Array(text.unicodeScalars)
        let length = scalars.count
        func fail(_ message: String, at index: Int, hint: String?) -> String? {
            diagnostics.error(
                .syntaxInvalidIdentifier, message,
                at: file.range(in: scalar, valueOffset: offset + index, length: 1), hint: hint)
            return nil
        }
        guard let first = scalars.first else {
            return fail("empty \(what)", at: 0, hint: nil)
        }
        if length > 128 {
            return fail("\(what) '\(text.prefix(20))…' is longer than 128 characters", at: 128, hint: nil)
        }
        let lowered = text.lowercased()
        let snakeHint =
            lowered != text && lowered.unicodeScalars.allSatisfy(Self.isIdentifierScalar)
            ? "names are lower_snake_case: '\(Self.snakeCase(text))'" : "names use a-z, 0-9 and _, starting with a letter"
        guard ("a"..."z").contains(first) else {
            return fail("\(what) '\(text)' must start with a lowercase letter", at: 0, hint: snakeHint)
        }
        if let bad = scalars.firstIndex(where: { !Self.isIdentifierScalar($0) }) {
            return fail(
                "\(what) '\(Suggestions.display(text))' contains '\(Suggestions.display(scalars[bad]))'", at: bad, hint: snakeHint)
        }
        return text
    }

    static func isIdentifierScalar(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s) || s == "_"
    }

    static func snakeCase(_ text: String) -> String {
        var out = ""
        for (index, character) in text.enumerated() {
            if character.isUppercase, index > 0, !out.hasSuffix("_") { out += "_" }
            out += character == "-" || character == " " ? "_" : character.lowercased()
        }
        return out
    }

    /// A column name: a lower_snake_case identifier, or (when `allowFOCUS`) a FOCUS PascalCase name.
    mutating func columnName(_ scalar: YAMLScalar, allowFOCUS: Bool) -> Located<String>? {
        let text = scalar.value
        if allowFOCUS, let first = text.unicodeScalars.first, ("A"..."Z").contains(first) {
            if let bad = text.unicodeScalars.firstIndex(where: {
                !(("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0))
            }) {
                let index = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: bad)
                diagnostics.error(
                    .syntaxInvalidIdentifier, "FOCUS column name '\(text)' contains '\(text.unicodeScalars[bad])'",
                    at: file.range(in: scalar, valueOffset: index, length: 1),
                    hint: "FOCUS columns are PascalCase (BilledCost); your own columns are x_lower_snake_case")
                return nil
            }
            return Located(text, at: scalar.range)
        }
        return checkIdentifier(text, scalar: scalar, offset: 0, what: "column name").map { Located($0, at: scalar.range) }
    }

    /// One of a fixed set of values.
    mutating func enumeration<E: RawRepresentable & CaseIterable>(_ node: YAMLNode, what: String) -> Located<E>?
    where E.RawValue == String {
        guard let scalar = scalar(node, expected: "one of \(Suggestions.list(E.allCases.map { "'\($0.rawValue)'" }))") else {
            return nil
        }
        if let value = E(rawValue: scalar.value) { return Located(value, at: scalar.range) }
        let allowed = E.allCases.map(\.rawValue)
        diagnostics.error(
            .syntaxInvalidValue,
            "'\(scalar.value)' is not a valid \(what); expected \(Suggestions.list(allowed.map { "'\($0)'" }))",
            at: scalar.range, hint: Suggestions.hint(for: scalar.value, among: allowed))
        return nil
    }

    /// `true` or `false`, written plain.
    mutating func bool(_ node: YAMLNode) -> Located<Bool>? {
        guard let scalar = scalar(node, expected: "true or false") else { return nil }
        if scalar.style == .plain {
            if scalar.value == "true" { return Located(true, at: scalar.range) }
            if scalar.value == "false" { return Located(false, at: scalar.range) }
        }
        let yamlOneOne = ["yes", "no", "on", "off", "y", "n", "true", "false"]
        let lowered = scalar.value.lowercased()
        let hint: String
        if scalar.style.isQuoted && (lowered == "true" || lowered == "false") {
            hint = "remove the quotes: \(lowered)"
        } else if yamlOneOne.contains(lowered) {
            let meaning = ["yes", "on", "y", "true"].contains(lowered)
            hint = "use \(meaning) (YAML 1.1 spellings like '\(scalar.value)' are not booleans here)"
        } else {
            hint = "use true or false"
        }
        diagnostics.error(.syntaxInvalidBoolean, "expected true or false, found '\(scalar.value)'", at: scalar.range, hint: hint)
        return nil
    }

    /// A plain-written integer within bounds.
    mutating func integer(_ node: YAMLNode, min: Int, max: Int) -> Located<Int>? {
        guard let scalar = scalar(node, expected: "a whole number") else { return nil }
        guard scalar.style == .plain, let value = Int(scalar.value) else {
            let hint = scalar.style.isQuoted && Int(scalar.value) != nil ? "remove the quotes" : nil
            diagnostics.error(.syntaxInvalidNumber, "expected a whole number, found '\(scalar.value)'", at: scalar.range, hint: hint)
            return nil
        }
        guard value >= min, value <= max else {
            diagnostics.error(
                .syntaxOutOfRange, "\(value) is out of range; expected \(min) to \(max)", at: scalar.range)
            return nil
        }
        return Located(value, at: scalar.range)
    }

    /// A duration `30s`, `10m` or `2h` (at most 24 hours).
    mutating func duration(_ node: YAMLNode) -> Located<DurationValue>? {
        guard let scalar = scalar(node, expected: "a duration such as 30s, 10m or 2h") else { return nil }
        let text = scalar.value
        let unit = text.last
        let digits = text.dropLast()
        let multiplier: Int? =
            switch unit {
            case "s": 1
            case "m": 60
            case "h": 3600
            default: nil
            }
        guard let multiplier, !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let amount = Int(digits) else {
            var hint = "write a whole number and one unit: s, m or h (30s, 10m, 2h)"
            if let number = Int(text) { hint = "add a unit: \(number)s, \(number)m or \(number)h" }
            if text.hasSuffix("min") || text.hasSuffix("sec") || text.hasSuffix("hr") || text.contains(" ") {
                hint = "write a whole number and one unit letter: 30s, 10m, 2h"
            }
            diagnostics.error(.syntaxInvalidDuration, "invalid duration '\(text)'", at: scalar.range, hint: hint)
            return nil
        }
        let seconds = amount.multipliedReportingOverflow(by: multiplier)
        guard amount > 0, !seconds.overflow, seconds.partialValue <= 86_400 else {
            diagnostics.error(
                .syntaxOutOfRange, "duration '\(text)' must be more than 0 and at most 24h", at: scalar.range)
            return nil
        }
        return Located(DurationValue(seconds: seconds.partialValue, description: text), at: scalar.range)
    }

    /// A five-field cron expression; errors point inside the string.
    mutating func cron(_ node: YAMLNode) -> Located<CronExpression>? {
        guard let scalar = scalar(node, expected: "a cron expression such as \"0 2 * * *\"") else { return nil }
        switch CronExpression.parse(scalar.value) {
        case .success(let cron):
            return Located(cron, at: scalar.range)
        case .failure(let error):
            diagnostics.error(
                .syntaxInvalidCron, "invalid cron expression: \(error.message)",
                at: file.range(in: scalar, valueOffset: error.offset, length: error.length),
                hint: "fields: minute(0-59) hour(0-23) day-of-month(1-31) month(1-12) day-of-week(0-7); e.g. \"0 2 * * *\"")
            return nil
        }
    }

    /// An IANA time zone name.
    mutating func timeZone(_ node: YAMLNode) -> Located<String>? {
        guard let scalar = scalar(node, expected: "a time zone such as UTC or Europe/Berlin") else { return nil }
        guard options.timeZones.contains(scalar.value) else {
            diagnostics.error(
                .syntaxUnknownTimeZone, "unknown time zone '\(scalar.value)'", at: scalar.range,
                hint: Suggestions.hint(for: scalar.value, among: options.timeZones.names.sorted())
                    ?? "use an IANA name such as UTC, Europe/Berlin or America/New_York")
            return nil
        }
        return Located(scalar.value, at: scalar.range)
    }

    /// `table` or `table alias`; errors point at the offending word.
    mutating func tableReference(_ node: YAMLNode) -> TableReference? {
        guard let scalar = scalar(node, expected: "a table, optionally with an alias ('table alias')") else {
            return nil
        }
        // Split on spaces, keeping each word's offset.
        var words: [(String, Int)] = []
        var current = ""
        var start = 0
        for (index, character) in scalar.value.unicodeScalars.enumerated() {
            if character == " " || character == "\t" || character == "\n" {
                if !current.isEmpty { words.append((current, start)); current = "" }
            } else {
                if current.isEmpty { start = index }
                current.unicodeScalars.append(character)
            }
        }
        if !current.isEmpty { words.append((current, start)) }
        if words.count == 3, words[1].0.lowercased() == "as" { words.remove(at: 1) }
        guard (1...2).contains(words.count) else {
            diagnostics.error(
                .syntaxInvalidTableReference, "expected 'table' or 'table alias', found '\(scalar.value)'",
                at: scalar.range, hint: "for example: genai_payg_usage_raw u")
            return nil
        }
        let tableOffset = words[0].1
        guard let table = checkIdentifier(words[0].0, scalar: scalar, offset: tableOffset, what: "table name") else {
            return nil
        }
        let tableRange = file.range(in: scalar, valueOffset: tableOffset, length: words[0].0.unicodeScalars.count)
        var alias: Located<String>?
        if words.count == 2 {
            guard let name = checkIdentifier(words[1].0, scalar: scalar, offset: words[1].1, what: "alias") else {
                return nil
            }
            alias = Located(name, at: file.range(in: scalar, valueOffset: words[1].1, length: name.unicodeScalars.count))
        }
        return TableReference(table: Located(table, at: tableRange), alias: alias)
    }

    /// A category path such as `genai/payg`.
    mutating func category(_ node: YAMLNode) -> Located<String>? {
        guard let scalar = scalar(node, expected: "a category such as genai/payg") else { return nil }
        var offset = 0
        for part in scalar.value.split(separator: "/", omittingEmptySubsequences: false) {
            guard checkIdentifier(String(part), scalar: scalar, offset: offset, what: "category part") != nil else {
                return nil
            }
            offset += part.unicodeScalars.count + 1
        }
        return Located(scalar.value, at: scalar.range)
    }

    /// A path pattern; `{org}` and `{date}` are the only placeholders.
    mutating func pathPattern(_ node: YAMLNode) -> Located<String>? {
        guard let scalar = scalar(node, expected: "a file path") else { return nil }
        let scalars = Array(scalar.value.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "{" {
                guard let close = scalars[index...].firstIndex(of: "}") else {
                    diagnostics.error(
                        .syntaxInvalidPath, "unclosed '{' in path",
                        at: file.range(in: scalar, valueOffset: index, length: 1))
                    return nil
                }
                let inside = scalars[(index + 1)..<close]
                // An ASCII name compares as bytes; anything else takes the String comparison.
                let isKnown =
                    inside.allSatisfy(\.isASCII)
                    ? inside.elementsEqual("org".unicodeScalars) || inside.elementsEqual("date".unicodeScalars)
                    : ["org", "date"].contains(String(String.UnicodeScalarView(inside)))
                guard isKnown else {
                    let name = String(String.UnicodeScalarView(inside))
                    diagnostics.error(
                        .syntaxInvalidPath, "unknown placeholder '{\(name)}' in path",
                        at: file.range(in: scalar, valueOffset: index, length: close - index + 1),
                        hint: Suggestions.hint(for: name, among: ["org", "date"]).map { $0 + " ({org} and {date} are available)" }
                            ?? "{org} and {date} are available")
                    return nil
                }
                index = close + 1
            } else {
                index += 1
            }
        }
        return Located(scalar.value, at: scalar.range)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}


/// ISO calendar dates `YYYY-MM-DD`.
public enum ISODate {
    /// Why `text` is not an ISO calendar date, or nil if it is one.
    public static func problem(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)),
            let month = Int(String(decoding: bytes[5..<7], as: UTF8.self)),
            let day = Int(String(decoding: bytes[8..<10], as: UTF8.self)),
            bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) })
        else { return "expected YYYY-MM-DD" }
        guard year >= 1 else { return "year 0000 does not exist (dates start at 0001-01-01)" }
        guard (1...12).contains(month) else { return "month \(month) does not exist" }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day) else { return "day \(day) does not exist in \(text.prefix(7))" }
        return nil
    }
}
