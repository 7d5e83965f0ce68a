import Foundation

/// REGEXP_CONTAINS / REGEXP_EXTRACT for the embedded engine. BigQuery uses RE2; Foundation's
/// NSRegularExpression is ICU. Patterns are translated so that ICU matches what RE2 matches, and constructs RE2
/// rejects are rejected here too (Docs/SQLITE.md D11 lists what is translated and what still differs).
final class LocalRegexCache {
    private var compiled: [String: NSRegularExpression] = [:]
    private let capacity = 256

    /// The compiled pattern (cached per connection).
    func regex(_ pattern: String) throws -> NSRegularExpression {
        if let regex = compiled[pattern] { return regex }
        let translated: String
        do {
            translated = try RE2Translation.translate(pattern)
        } catch {
            throw LocalFunctions.failure("Cannot parse regular expression: \(error.message): \(pattern)")
        }
        let regex: NSRegularExpression
        do {
            // NSRegularExpression refuses an empty pattern; RE2's empty pattern matches the empty string.
            regex = try NSRegularExpression(pattern: translated.isEmpty ? "(?:)" : translated, options: [.useUnixLineSeparators])
        } catch {
            throw LocalFunctions.failure("Cannot parse regular expression: \(pattern)")
        }
        if compiled.count >= capacity { compiled.removeAll(keepingCapacity: true) }
        compiled[pattern] = regex
        return regex
    }

    func contains(_ text: String, _ pattern: String) throws -> Bool {
        let regex = try regex(pattern)
        return regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    /// The first match's capture group (or whole match without one); nil if no match or the group did not take part.
    func extract(_ text: String, _ pattern: String) throws -> String? {
        let regex = try regex(pattern)
        guard regex.numberOfCaptureGroups <= 1 else {
            throw LocalFunctions.failure("Regular expressions passed into extraction functions must not have more than 1 capturing group")
        }
        let nsText = text as NSString
        guard let match = regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: nsText.length)) else {
            return nil
        }
        let range = match.range(at: regex.numberOfCaptureGroups)
        guard range.location != NSNotFound else { return nil }
        return nsText.substring(with: range)
    }
}

/// RE2 syntax → ICU syntax with RE2's meaning.
enum RE2Translation {
    struct ParseError: Error { var message: String }

    static let word = "0-9A-Za-z_"
    static let posixClasses: [String: String] = [
        "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x{00}-\\x{7F}", "blank": "\\t ", "cntrl": "\\x{00}-\\x{1F}\\x{7F}",
        "digit": "0-9", "graph": "!-~", "lower": "a-z", "print": " -~", "punct": "!-/:-@\\[-`{-~", "space": "\\t\\n\\x{0B}\\f\\r ",
        "upper": "A-Z", "word": "0-9A-Za-z_", "xdigit": "0-9A-Fa-f",
    ]

    static func translate(_ pattern: String) throws(ParseError) -> String {
        let p = Array(pattern.unicodeScalars)
        // RE2's `$` without the m flag matches only at the very end (ICU's also before a final newline).
        let multiline = pattern.range(of: #"\(\?[imsU]*m"#, options: .regularExpression) != nil
        var out = ""
        var i = 0
        // 0: no quantifier just written; 1: a quantifier; 2: a lazy quantifier.
        var quantifier = 0
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
        while i < p.count {
            let c = p[i]
            let previousQuantifier = quantifier
            quantifier = 0
            switch c {
            case "\\":
                i += 1
                guard i < p.count else { throw ParseError(message: "trailing \\") }
                if p[i] == "Q" {
                    i += 1
                    while i < p.count {
                        if p[i] == "\\", i + 1 < p.count, p[i + 1] == "E" { i += 1; break }
                        out += literal(p[i])
                        i += 1
                    }
                } else {
                    out += try escape(p, &i, inClass: false)
                }
            case "[":
                out += try characterClass(p, &i)
            case "(":
                if i + 1 < p.count, p[i + 1] == "?" {
                    out += try groupOpening(p, &i)
                } else {
                    out += "("
                }
            case "$":
                out += multiline ? "$" : "\\z"
            case "*", "+", "?":
                if previousQuantifier == 2 || (previousQuantifier == 1 && c != "?") {
                    throw ParseError(message: "bad repetition operator: \(p[i - 1])\(c)")
                }
                quantifier = previousQuantifier == 1 ? 2 : 1
                out.unicodeScalars.append(c)
            case "{":
                if let (text, length) = try repetition(p, i) {
                    if previousQuantifier != 0 { throw ParseError(message: "bad repetition operator: \(text)") }
                    out += text
                    i += length - 1
                    quantifier = 1
                } else {
                    out += "\\{"
                }
            case "}":
                out += "\\}"
            default:
                out.unicodeScalars.append(c)
            }
            i += 1
        }
        return out
    }

    /// An ICU literal for one scalar.
    static func literal(_ s: Unicode.Scalar) -> String {
        if s.isASCII, !(s.properties.isAlphabetic || ("0"..."9").contains(s)), s.value > 32, s.value < 127 {
            return "\\" + String(s)
        }
        if s.value < 32 || s.value == 127 { return "\\x{\(String(s.value, radix: 16))}" }
        return String(s)
    }

    /// `{n}`, `{n,}`, `{n,m}` (RE2 allows at most 1000); nil if the brace is a literal, as in RE2.
    static func repetition(_ p: [Unicode.Scalar], _ start: Int) throws(ParseError) -> (String, Int)? {
        var i = start + 1
        func number() -> Int? {
            var value = 0
            var count = 0
            while i < p.count, p[i].value >= 48, p[i].value <= 57 {
                value = min(value * 10 + Int(p[i].value - 48), 100_000)
                i += 1
                count += 1
            }
            return count > 0 ? value : nil
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if i < p.count, p[i] == "," {
            i += 1
            high = number()
        }
        guard i < p.count, p[i] == "}" else { return nil }
        let text = String(String.UnicodeScalarView(p[start...i]))
        if low > 1000 || (high ?? 0) > 1000 || (high.map { $0 < low } ?? false) {
            throw ParseError(message: "invalid repetition size: \(text)")
        }
        return (text, i - start + 1)
    }

    /// `(?…`: non-capturing groups and flags as RE2 knows them; names are dropped (ICU's name rules are stricter
    /// and names are never referenced: RE2 has no back-references).
    static func groupOpening(_ p: [Unicode.Scalar], _ i: inout Int) throws(ParseError) -> String {
        var j = i + 2
        guard j < p.count else { throw ParseError(message: "missing argument to repetition operator: ?") }
        if p[j] == "P" || p[j] == "<" {
            if p[j] == "P" { j += 1 }
            guard j < p.count, p[j] == "<" else { throw ParseError(message: "invalid named capture group") }
            j += 1
            let nameStart = j
            while j < p.count, p[j] != ">" {
                guard p[j] == "_" || (p[j].isASCII && (p[j].properties.isAlphabetic || (p[j].value >= 48 && p[j].value <= 57))) else {
                    if j == nameStart, p[j] == "=" || p[j] == "!" {
                        throw ParseError(message: "invalid perl operator: (?<\(p[j])")
                    }
                    throw ParseError(message: "invalid named capture group")
                }
                j += 1
            }
            guard j < p.count, j > nameStart else { throw ParseError(message: "invalid named capture group") }
            i = j
            return "("
        }
        var flags = ""
        while j < p.count, p[j] != ")", p[j] != ":" {
            switch p[j] {
            case "i", "m", "s", "-": flags.unicodeScalars.append(p[j])
            case "U": throw ParseError(message: "the U (ungreedy) flag is not supported by the embedded engine")
            default: throw ParseError(message: "invalid perl operator: (?\(p[j])")
            }
            j += 1
        }
        guard j < p.count else { throw ParseError(message: "missing )") }
        i = j
        return "(?\(flags)\(p[j])"
    }

    /// One escape after the backslash at `p[i]`; `i` ends on its last scalar.
    static func escape(_ p: [Unicode.Scalar], _ i: inout Int, inClass: Bool) throws(ParseError) -> String {
        let c = p[i]
        func set(_ body: String, negated: Bool) -> String {
            inClass && !negated ? body : "[\(negated ? "^" : "")\(body)]"
        }
        switch c {
        case "d": return set("0-9", negated: false)
        case "D": return set("0-9", negated: true)
        case "w": return set(word, negated: false)
        case "W": return set(word, negated: true)
        case "s": return set("\\t\\n\\f\\r ", negated: false)
        case "S": return set("\\t\\n\\f\\r ", negated: true)
        case "b" where !inClass:
            return "(?:(?<=[\(word)])(?![\(word)])|(?<![\(word)])(?=[\(word)]))"
        case "B" where !inClass:
            return "(?:(?<=[\(word)])(?=[\(word)])|(?<![\(word)])(?![\(word)]))"
        case "A" where !inClass, "z" where !inClass: return "\\" + String(c)
        case "a", "f", "t", "n", "r": return "\\" + String(c)
        case "v": return "\\x{0B}"
        case "0"..."7":
            if c != "0", !(i + 1 < p.count && ("0"..."7").contains(p[i + 1])) {
                throw ParseError(message: "invalid escape sequence: \\\(c)")
            }
            var code = c.value - 48
            for _ in 0..<2 where i + 1 < p.count && ("0"..."7").contains(p[i + 1]) {
                i += 1
                code = code * 8 + p[i].value - 48
            }
            return "\\x{\(String(code, radix: 16))}"
        case "x":
            var j = i + 1
            var hex = ""
            if j < p.count, p[j] == "{" {
                j += 1
                while j < p.count, p[j] != "}" { hex.unicodeScalars.append(p[j]); j += 1 }
                guard j < p.count else { throw ParseError(message: "invalid escape sequence: \\x{") }
            } else {
                while j < p.count, hex.unicodeScalars.count < 2 { hex.unicodeScalars.append(p[j]); j += 1 }
                j -= 1
            }
            guard !hex.isEmpty, let value = UInt32(hex, radix: 16), value <= 0x10FFFF else {
                throw ParseError(message: "invalid escape sequence: \\x\(hex)")
            }
            i = j
            return "\\x{\(String(value, radix: 16))}"
        case "p", "P":
            var j = i + 1
            guard j < p.count else { throw ParseError(message: "invalid character class range") }
            var negated = c == "P"
            var name = ""
            if p[j] == "{" {
                j += 1
                if j < p.count, p[j] == "^" { negated.toggle(); j += 1 }
                while j < p.count, p[j] != "}" { name.unicodeScalars.append(p[j]); j += 1 }
                guard j < p.count else { throw ParseError(message: "invalid character class range") }
            } else {
                name = String(p[j])
            }
            i = j
            return "\\\(negated ? "P" : "p"){\(name)}"
        default:
            if c.isASCII, !c.properties.isAlphabetic, !(c.value >= 48 && c.value <= 57) {
                return literal(c)
            }
            throw ParseError(message: "invalid escape sequence: \\\(c)")
        }
    }

    /// `[…]` in RE2 syntax → an ICU set. Inside RE2 classes `[`, `&&` and `--` are literal; in ICU they are set
    /// operators, so every punctuation character is escaped. POSIX classes are ASCII in RE2.
    static func characterClass(_ p: [Unicode.Scalar], _ i: inout Int) throws(ParseError) -> String {
        var out = "["
        i += 1
        if i < p.count, p[i] == "^" { out += "^"; i += 1 }
        var first = true
        while i < p.count {
            let c = p[i]
            if c == "]" && !first { return out + "]" }
            let atStart = first
            first = false
            if c == "[", i + 1 < p.count, p[i + 1] == ":" {
                var j = i + 2
                var negated = false
                if j < p.count, p[j] == "^" { negated = true; j += 1 }
                var name = ""
                while j < p.count, p[j].isASCII, p[j].properties.isAlphabetic { name.unicodeScalars.append(p[j]); j += 1 }
                if j + 1 < p.count, p[j] == ":", p[j + 1] == "]" {
                    guard let body = posixClasses[name] else { throw ParseError(message: "invalid character class range: [:\(name):]") }
                    out += "[\(negated ? "^" : "")\(body)]"
                    i = j + 2
                    continue
                }
            }
            if c == "\\" {
                i += 1
                guard i < p.count else { throw ParseError(message: "missing ]") }
                out += try escape(p, &i, inClass: true)
            } else if c == "-" {
                let atEdge = atStart || (i + 1 < p.count && p[i + 1] == "]")
                out += atEdge ? "\\-" : "-"
            } else {
                out += literal(c)
            }
            i += 1
        }
        throw ParseError(message: "missing ]")
    }
}
