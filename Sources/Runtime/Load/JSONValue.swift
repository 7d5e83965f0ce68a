/// A parsed JSON value. Numbers keep their text as written (so integers beyond 2^53 and decimals survive
/// untouched); object members keep their order and their byte offsets in the parsed buffer.
indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// "a string", "an object", … for messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Compact JSON text: no insignificant whitespace, members in their original order, numbers as written,
    /// strings with the minimal escapes (`"`, `\`, control characters).
    var compactText: String {
        var out: [UInt8] = []
        write(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func write(into out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let text): JSONValue.writeString(text, into: &out)
        case .array(let items):
            out.append(0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(0x2C) }
                item.write(into: &out)
            }
            out.append(0x5D)
        case .object(let members):
            out.append(0x7B)
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(0x2C) }
                JSONValue.writeString(member.key, into: &out)
                out.append(0x3A)
                member.value.write(into: &out)
            }
            out.append(0x7D)
        }
    }

    static func writeString(_ text: String, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0x08: out.append(contentsOf: [0x5C, 0x62])
            case 0x0C: out.append(contentsOf: [0x5C, 0x66])
            case 0..<0x20:
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}

/// One member of a JSON object, with the byte offsets of its key (the opening quote) and of its value.
struct JSONMember: Sendable {
    var key: String
    var value: JSONValue
    var keyOffset: Int
    var valueOffset: Int
}

/// A JSON syntax error at a byte offset of the parsed buffer.
struct JSONSyntaxError: Error {
    var offset: Int
    var message: String
}

/// A strict RFC 8259 parser over UTF-8 bytes (validated beforehand). Nesting is limited to 128 levels so that hostile
/// input cannot exhaust the stack.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    let end: Int
    var depth = 0
    static let maxDepth = 128

    init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
        self.bytes = bytes
        self.index = start
        self.end = end
    }

    /// Parses exactly one value filling `start..<end` (surrounding whitespace allowed).
    static func parseDocument(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes, start: start, end: end)
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        if parser.index < end {
            throw JSONSyntaxError(offset: parser.index, message: "unexpected text after the JSON value")
        }
        return value
    }

    mutating func skipWhitespace() {
        while index < end {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    func describeHere() -> String {
        guard index < end else { return "the end of the text" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "'" + String(UnicodeScalar(byte)) + "'" }
        if byte == 0x20 { return "a space" }
        if byte < 0x80 { return "U+00" + String(byte, radix: 16, uppercase: true).leftPadded(2) }
        return "a non-ASCII character"
    }

    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard index < end else { throw JSONSyntaxError(offset: index, message: "expected a JSON value, found the end of the text") }
        switch bytes[index] {
        case 0x7B: return try parseObject()
        case 0x5B: return try parseArray()
        case 0x22: return .string(try parseString())
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        case 0x2D, 0x30...0x39: return try parseNumber()
        default:
            throw JSONSyntaxError(offset: index, message: "expected a JSON value, found \(describeHere())")
        }
    }

    mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let start = index
        let count = word.utf8CodeUnitCount
        let pointer = word.utf8Start
        var k = 0
        while k < count {
            guard index < end, bytes[index] == pointer[k] else {
                throw JSONSyntaxError(offset: start, message: "expected a JSON value (true, false, null, a number, a string, an array or an object)")
            }
            index += 1
            k += 1
        }
        if index < end, isIdentifierByte(bytes[index]) {
            throw JSONSyntaxError(offset: start, message: "expected a JSON value (true, false, null, a number, a string, an array or an object)")
        }
    }

    func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > JSONParser.maxDepth {
            throw JSONSyntaxError(offset: index, message: "JSON nested more than \(JSONParser.maxDepth) levels deep")
        }
    }

    mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if index < end && bytes[index] == 0x7D {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < end, bytes[index] == 0x22 else {
                throw JSONSyntaxError(offset: index, message: "expected a member name in double quotes, found \(describeHere())")
            }
            let keyOffset = index
            let key = try parseString()
            skipWhitespace()
            guard index < end, bytes[index] == 0x3A else {
                throw JSONSyntaxError(offset: index, message: "expected ':' after the member name, found \(describeHere())")
            }
            index += 1
            skipWhitespace()
            let valueOffset = index
            let value = try parseValue()
            members.append(JSONMember(key: key, value: value, keyOffset: keyOffset, valueOffset: valueOffset))
            skipWhitespace()
            guard index < end else { throw JSONSyntaxError(offset: index, message: "expected ',' or '}', found the end of the text") }
            if bytes[index] == 0x2C {
                index += 1
                continue
            }
            if bytes[index] == 0x7D {
                index += 1
                return .object(members)
            }
            throw JSONSyntaxError(offset: index, message: "expected ',' or '}', found \(describeHere())")
        }
    }

    mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < end && bytes[index] == 0x5D {
            index += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard index < end else { throw JSONSyntaxError(offset: index, message: "expected ',' or ']', found the end of the text") }
            if bytes[index] == 0x2C {
                index += 1
                continue
            }
            if bytes[index] == 0x5D {
                index += 1
                return .array(items)
            }
            throw JSONSyntaxError(offset: index, message: "expected ',' or ']', found \(describeHere())")
        }
    }

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        if bytes[index] == 0x2D { index += 1 }
        func isDigit(_ i: Int) -> Bool { i < end && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        guard isDigit(index) else { throw JSONSyntaxError(offset: start, message: "expected a digit after '-'") }
        if bytes[index] == 0x30 {
            index += 1
            if isDigit(index) { throw JSONSyntaxError(offset: start, message: "a JSON number cannot have a leading zero") }
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < end && bytes[index] == 0x2E {
            index += 1
            guard isDigit(index) else { throw JSONSyntaxError(offset: index, message: "expected a digit after the decimal point") }
            while isDigit(index) { index += 1 }
        }
        if index < end && (bytes[index] == 0x65 || bytes[index] == 0x45) {
            index += 1
            if index < end && (bytes[index] == 0x2B || bytes[index] == 0x2D) { index += 1 }
            guard isDigit(index) else { throw JSONSyntaxError(offset: index, message: "expected a digit in the exponent") }
            while isDigit(index) { index += 1 }
        }
        if index < end, isIdentifierByte(bytes[index]) || bytes[index] == 0x2E {
            throw JSONSyntaxError(offset: start, message: "invalid JSON number")
        }
        return .number(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    /// Parses a string starting at the opening quote; `index` ends after the closing quote.
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let open = index
        index += 1
        let contentStart = index
        // Fast path: no escapes.
        while index < end {
            let byte = bytes[index]
            if byte == 0x22 {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == 0x5C { break }
            if byte < 0x20 {
                throw JSONSyntaxError(offset: index, message: "a control character must be escaped inside a JSON string")
            }
            index += 1
        }
        guard index < end else { throw JSONSyntaxError(offset: open, message: "unterminated JSON string") }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
        while index < end {
            let byte = bytes[index]
            if byte == 0x22 {
                index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if byte < 0x20 {
                throw JSONSyntaxError(offset: index, message: "a control character must be escaped inside a JSON string")
            }
            if byte != 0x5C {
                out.append(byte)
                index += 1
                continue
            }
            let escape = index
            index += 1
            guard index < end else { break }
            switch bytes[index] {
            case 0x22: out.append(0x22)
            case 0x5C: out.append(0x5C)
            case 0x2F: out.append(0x2F)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var scalar = try hex4(at: index + 1, escape: escape)
                index += 4
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    guard index + 2 < end, bytes[index + 1] == 0x5C, bytes[index + 2] == 0x75 else {
                        throw JSONSyntaxError(offset: escape, message: "a high surrogate \\u escape must be followed by a low surrogate")
                    }
                    let low = try hex4(at: index + 3, escape: index + 1)
                    guard low >= 0xDC00 && low <= 0xDFFF else {
                        throw JSONSyntaxError(offset: index + 1, message: "expected a low surrogate \\u escape")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                    throw JSONSyntaxError(offset: escape, message: "a lone low surrogate \\u escape is not a character")
                }
                out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            default:
                throw JSONSyntaxError(offset: escape, message: "invalid escape in a JSON string")
            }
            index += 1
        }
        throw JSONSyntaxError(offset: open, message: "unterminated JSON string")
    }

    func hex4(at position: Int, escape: Int) throws(JSONSyntaxError) -> UInt32 {
        guard position + 4 <= end else { throw JSONSyntaxError(offset: escape, message: "a \\u escape needs 4 hex digits") }
        var value: UInt32 = 0
        for i in position..<(position + 4) {
            let byte = bytes[i]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw JSONSyntaxError(offset: escape, message: "a \\u escape needs 4 hex digits")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
