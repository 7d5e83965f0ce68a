extension SourceFile {
    /// The position of the character at `valueOffset` (counted in Unicode scalars) of a scalar's *value*.
    ///
    /// Quoting, escapes, line folding and block indentation make the value differ from the source text, so
    /// this re-reads the source from the scalar's first character and walks value and source together:
    /// equal characters advance both; an escape sequence (`\n`, `\x41`, `''`) advances the source by its length
    /// and the value by one; anything else in the source (indentation, folded line breaks) is skipped.
    /// Offsets past the end of the value map to the end of the scalar.
    public func position(in scalar: YAMLScalar, valueOffset: Int) -> SourcePosition {
        let end = min(scalar.range.end.offset - 1, bytes.count)
        // Block scalars: every content line starts with exactly `indent` spaces that are not part of the value.
        let indent = scalar.style == .literal || scalar.style == .folded ? blockIndentation(of: scalar, end: end) : nil
        var source = contentStart(of: scalar)
        if let indent { source = skipIndentation(from: source, indent: indent, end: end) }
        var remaining = valueOffset
        var valueScalars = scalar.value.unicodeScalars.makeIterator()
        while remaining > 0, source < end, let expected = valueScalars.next() {
            // Find the source character that produced `expected`.
            while source < end {
                let (advance, produced) = sourceStep(at: source, style: scalar.style)
                let wasLineBreak = bytes[source] == 0x0A
                source += advance
                if wasLineBreak, let indent { source = skipIndentation(from: source, indent: indent, end: end) }
                if produced == expected { break }
            }
            remaining -= 1
        }
        if remaining > 0 { return scalar.range.end }
        // Skip source characters that produce nothing visible before the target (indentation after a fold).
        if source < end {
            while source < end {
                let (advance, produced) = sourceStep(at: source, style: scalar.style)
                if let next = scalar.value.unicodeScalars.dropFirst(valueOffset).first, produced != next,
                    produced == " " || produced == "\n"
                {
                    source += advance
                    continue
                }
                break
            }
        }
        return position(ofByte: source)
    }

    /// A range inside a scalar's value, from `valueOffset` for `length` Unicode scalars.
    public func range(in scalar: YAMLScalar, valueOffset: Int, length: Int) -> SourceRange {
        let start = position(in: scalar, valueOffset: valueOffset)
        let end = length > 0 ? position(in: scalar, valueOffset: valueOffset + length) : start
        return SourceRange(file: path, start: start, end: max(start, end))
    }

    /// The content indentation of a block scalar: the header's indentation indicator (relative to the header
    /// line's own indentation), or else the indentation of the first non-blank content line.
    func blockIndentation(of scalar: YAMLScalar, end: Int) -> Int {
        let headerStart = scalar.range.start.offset - 1
        var index = headerStart + 1
        while index < bytes.count, bytes[index] != 0x0A, bytes[index] != UInt8(ascii: "#") {
            let byte = bytes[index]
            if (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(byte) {
                var lineStart = headerStart
                while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
                var parentIndent = 0
                while bytes[lineStart + parentIndent] == UInt8(ascii: " ") { parentIndent += 1 }
                return parentIndent + Int(byte - UInt8(ascii: "0"))
            }
            index += 1
        }
        var line = contentStart(of: scalar)
        while line < end {
            var spaces = 0
            while line + spaces < end, bytes[line + spaces] == UInt8(ascii: " ") { spaces += 1 }
            if line + spaces < end, bytes[line + spaces] != 0x0A { return spaces }
            line += spaces + 1
        }
        return 0
    }

    /// Skips up to `indent` spaces.
    func skipIndentation(from start: Int, indent: Int, end: Int) -> Int {
        var index = start
        while index < end, index - start < indent, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index
    }

    /// The byte offset (0-based) where a scalar's content starts.
    func contentStart(of scalar: YAMLScalar) -> Int {
        var index = scalar.range.start.offset - 1
        switch scalar.style {
        case .plain:
            return index
        case .singleQuoted, .doubleQuoted:
            return index + 1
        case .literal, .folded:
            // Skip the header line (`|`, `>-`, `|2` and a comment) and its line break.
            while index < bytes.count, bytes[index] != 0x0A { index += 1 }
            return min(index + 1, bytes.count)
        }
    }

    /// What one step of the source produces: how many bytes it spans and the value character it stands for.
    func sourceStep(at index: Int, style: YAMLScalarStyle) -> (Int, Unicode.Scalar) {
        let byte = bytes[index]
        if style == .doubleQuoted, byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
            let escape = bytes[index + 1]
            switch escape {
            case UInt8(ascii: "x"): return (4, decodeHex(at: index + 2, count: 2))
            case UInt8(ascii: "u"): return (6, decodeHex(at: index + 2, count: 4))
            case UInt8(ascii: "U"): return (10, decodeHex(at: index + 2, count: 8))
            case UInt8(ascii: "n"): return (2, "\n")
            case UInt8(ascii: "t"), 0x09: return (2, "\t")
            case UInt8(ascii: "r"): return (2, "\r")
            case UInt8(ascii: "0"): return (2, "\0")
            case UInt8(ascii: "a"): return (2, "\u{07}")
            case UInt8(ascii: "b"): return (2, "\u{08}")
            case UInt8(ascii: "v"): return (2, "\u{0B}")
            case UInt8(ascii: "f"): return (2, "\u{0C}")
            case UInt8(ascii: "e"): return (2, "\u{1B}")
            case UInt8(ascii: "N"): return (2, "\u{85}")
            case UInt8(ascii: "_"): return (2, "\u{A0}")
            case UInt8(ascii: "L"): return (2, "\u{2028}")
            case UInt8(ascii: "P"): return (2, "\u{2029}")
            case UInt8(ascii: "\""): return (2, "\"")
            case UInt8(ascii: "\\"): return (2, "\\")
            case UInt8(ascii: "/"): return (2, "/")
            case UInt8(ascii: " "): return (2, " ")
            case 0x0A: return (2, "\u{FFFF}")  // line continuation produces nothing
            default: return (2, Unicode.Scalar(escape))
            }
        }
        if style == .singleQuoted, byte == UInt8(ascii: "'"), index + 1 < bytes.count,
            bytes[index + 1] == UInt8(ascii: "'")
        {
            return (2, "'")
        }
        // In a folded block, a single line break folds into a space.
        if style == .folded, byte == 0x0A { return (1, " ") }
        let length = Self.scalarLength(lead: byte)
        guard length > 1, index + length <= bytes.count else { return (1, Unicode.Scalar(byte)) }
        let decoded = String(decoding: bytes[index..<(index + length)], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        return (length, decoded)
    }

    func decodeHex(at index: Int, count: Int) -> Unicode.Scalar {
        guard index + count <= bytes.count else { return "\u{FFFD}" }
        let text = String(decoding: bytes[index..<(index + count)], as: UTF8.self)
        return UInt32(text, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}"
    }
}
