/// A parsed JSON value for comparison: objects keep every member (duplicates too), numbers keep their text.
///
/// Two values are equal when they mean the same JSON: object members are compared as a multiset (key order does
/// not matter, a duplicated key does), numbers by their value as a double (`2.50` equals `2.5`, `1e2` equals
/// `100`), everything else exactly. A parser that kept only the first or last duplicate would hide D12's
/// duplicate-key difference, so this one keeps them all.
indirect enum JSONValue: Sendable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y || (Double(x) != nil && Double(x) == Double(y))
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            var unmatched = y
            for member in x {
                guard let index = unmatched.firstIndex(where: { $0.key == member.key && $0.value == member.value }) else {
                    return false
                }
                unmatched.remove(at: index)
            }
            return true
        default: return false
        }
    }

    /// Compact JSON text (members in their parsed order).
    var description: String {
        switch self {
        case .null: "null"
        case .bool(let v): v ? "true" : "false"
        case .number(let text): text
        case .string(let s): JSONValue.quote(s)
        case .array(let items): "[" + items.map(\.description).joined(separator: ",") + "]"
        case .object(let members): "{" + members.map { JSONValue.quote($0.key) + ":" + $0.value.description }.joined(separator: ",") + "}"
        }
    }

    /// The member values of an object by key (the first of duplicates).
    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members.first { $0.key == key }?.value }
        return nil
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses one JSON value (surrounding whitespace allowed).
    static func parse(_ text: String) throws -> JSONValue {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.scalars.count else { throw ParseError(description: "trailing text in JSON: \(text)") }
        return value
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        mutating func skipSpace() {
            while index < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[index]) { index += 1 }
        }

        func fail(_ what: String) -> ParseError {
            ParseError(description: "\(what) at offset \(index) in JSON: \(String(String.UnicodeScalarView(scalars)))")
        }

        mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
            let wanted = Array(word.unicodeScalars)
            guard index + wanted.count <= scalars.count, Array(scalars[index..<index + wanted.count]) == wanted else {
                throw fail("expected \(word)")
            }
            index += wanted.count
            return value
        }

        mutating func value() throws -> JSONValue {
            guard index < scalars.count else { throw fail("unexpected end") }
            switch scalars[index] {
            case "n": return try literal("null", .null)
            case "t": return try literal("true", .bool(true))
            case "f": return try literal("false", .bool(false))
            case "\"": return .string(try string())
            case "[":
                index += 1
                var items: [JSONValue] = []
                skipSpace()
                if index < scalars.count, scalars[index] == "]" {
                    index += 1
                    return .array(items)
                }
                while true {
                    skipSpace()
                    items.append(try value())
                    skipSpace()
                    guard index < scalars.count else { throw fail("unterminated array") }
                    if scalars[index] == "," { index += 1; continue }
                    if scalars[index] == "]" { index += 1; return .array(items) }
                    throw fail("expected , or ]")
                }
            case "{":
                index += 1
                var members: [(key: String, value: JSONValue)] = []
                skipSpace()
                if index < scalars.count, scalars[index] == "}" {
                    index += 1
                    return .object(members)
                }
                while true {
                    skipSpace()
                    guard index < scalars.count, scalars[index] == "\"" else { throw fail("expected a key") }
                    let key = try string()
                    skipSpace()
                    guard index < scalars.count, scalars[index] == ":" else { throw fail("expected :") }
                    index += 1
                    skipSpace()
                    members.append((key, try value()))
                    skipSpace()
                    guard index < scalars.count else { throw fail("unterminated object") }
                    if scalars[index] == "," { index += 1; continue }
                    if scalars[index] == "}" { index += 1; return .object(members) }
                    throw fail("expected , or }")
                }
            default:
                let start = index
                while index < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[index]) { index += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<index]))
                guard !text.isEmpty, Double(text) != nil else { throw fail("bad value") }
                return .number(text)
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard index + 4 <= scalars.count,
                let value = UInt32(String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16)
            else { throw fail("bad \\u escape") }
            index += 4
            return value
        }

        mutating func string() throws -> String {
            index += 1  // opening quote
            var out = String.UnicodeScalarView()
            while true {
                guard index < scalars.count else { throw fail("unterminated string") }
                let c = scalars[index]
                index += 1
                if c == "\"" { return String(out) }
                guard c == "\\" else {
                    out.append(c)
                    continue
                }
                guard index < scalars.count else { throw fail("unterminated escape") }
                let e = scalars[index]
                index += 1
                switch e {
                case "\"": out.append("\"")
                case "\\": out.append("\\")
                case "/": out.append("/")
                case "b": out.append("\u{8}")
                case "f": out.append("\u{C}")
                case "n": out.append("\n")
                case "r": out.append("\r")
                case "t": out.append("\t")
                case "u":
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), index + 1 < scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" {
                        index += 2
                        let low = try hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw fail("bad code point") }
                    out.append(scalar)
                default: throw fail("bad escape")
                }
            }
        }
    }
}
