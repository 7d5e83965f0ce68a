internal import PipelineDSL

/// Byte-level helpers shared by the CSV and JSON Lines readers: UTF-8 validation, positions, message text.
enum ByteText {
    /// The offset of the first byte in `bytes[start..<end]` that does not begin a well-formed UTF-8 sequence (the
    /// lead byte of a truncated or malformed sequence), or nil if the range is valid UTF-8. Overlong forms,
    /// surrogates and code points above U+10FFFF are invalid.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = start
        while i < end {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            var count: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: count = 1
            case 0xE0: count = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: count = 2
            case 0xED: count = 2; high = 0x9F
            case 0xF0: count = 3; low = 0x90
            case 0xF1...0xF3: count = 3
            case 0xF4: count = 3; high = 0x8F
            default: return i
            }
            var k = 1
            while k <= count {
                let index = i + k
                guard index < end else { return i }
                let byte = bytes[index]
                if k == 1 {
                    guard byte >= low && byte <= high else { return i }
                } else {
                    guard byte >= 0x80 && byte <= 0xBF else { return i }
                }
                k += 1
            }
            i += count + 1
        }
        return nil
    }

    /// The 1-based line and column of `offset`, scanning forward from a known line start.
    static func position(
        of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, line: Int, lineStart: Int
    ) -> (line: Int, column: Int) {
        var line = line
        var lineStart = lineStart
        var i = lineStart
        while i < offset {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, column(of: offset, in: bytes, lineStart: lineStart))
    }

    /// The 1-based column of `offset` on a line starting at `lineStart`: Unicode scalars before it, plus one.
    static func column(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, lineStart: Int) -> Int {
        var column = 1
        var i = lineStart
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    /// User text for a message: quoted, invisible characters as U+XXXX, cut after 40 characters.
    static func quote(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        var suffix = ""
        if scalars.count > 40 {
            scalars = Array(scalars.prefix(40))
            suffix = "…"
        }
        return "'" + scalars.map { Suggestions.display($0) }.joined() + suffix + "'"
    }

    /// `quote` of a byte range (assumed valid UTF-8; invalid bytes are shown as U+FFFD).
    static func quote(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        quote(String(decoding: bytes, as: UTF8.self))
    }

    /// "0xFF" for a message.
    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}
