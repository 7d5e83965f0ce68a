/// "Did you mean" suggestions.
public enum Suggestions {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a plausible typo
    /// (at most a third of the word's length, at least 1; a case-only difference always qualifies).
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            if candidate.lowercased() == lowered { return candidate }
            let distance = editDistance(lowered, candidate.lowercased())
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(1, min(word.count, candidate.count) / 3)
        return distance <= limit ? candidate : nil
    }

    /// A hint "did you mean 'x'?" or nil.
    public static func hint(for word: String, among candidates: some Sequence<String>) -> String? {
        closest(to: word, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions).
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Long words are never typos of each other; keep the cost bounded for hostile input.
        if a.count > 256 || b.count > 256 { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// A user-written character as a message shows it: printable characters as they are, control characters,
    /// unusual spaces and lone combining marks as `U+XXXX`, so a message never carries a raw tab or newline.
    public static func display(_ scalar: Unicode.Scalar) -> String {
        let category = scalar.properties.generalCategory
        let invisible: Bool =
            switch category {
            case .control, .format, .nonspacingMark, .enclosingMark, .spacingMark, .lineSeparator, .paragraphSeparator,
                .unassigned, .surrogate, .privateUse:
                true
            case .spaceSeparator: scalar != " "
            default: false
            }
        guard invisible else { return String(scalar) }
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// User-written text for a message: each invisible character shown as `U+XXXX`.
    public static func display(_ text: String) -> String {
        text.unicodeScalars.map { display($0) }.joined()
    }

    /// "a, b or c" for messages.
    public static func list(_ words: [String], conjunction: String = "or") -> String {
        switch words.count {
        case 0: return ""
        case 1: return words[0]
        default: return words.dropLast().joined(separator: ", ") + " \(conjunction) " + words.last!
        }
    }
}
