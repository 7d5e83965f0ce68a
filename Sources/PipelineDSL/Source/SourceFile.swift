/// The bytes of one input file and its path, with a line index for turning byte offsets into positions.
///
/// `SourceFile` never touches the file system: the runtime or the CLI reads the bytes, the front end only
/// looks at them. It is immutable and `Sendable`, so one instance can be shared by concurrent validations.
public struct SourceFile: Sendable {
    /// The path shown in diagnostics.
    public let path: String
    /// The raw bytes, exactly as read.
    public let bytes: [UInt8]
    /// Byte offsets (0-based) where each line starts; `lineStarts[0] == 0`.
    let lineStarts: [Int]
    /// True if the file is pure ASCII: then a column is a byte count and positions need no walking.
    let isASCII: Bool

    /// Creates a source file from raw bytes.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 24 + 1)
        // Pure ASCII without CR (nearly every file): the only line break is LF, so find them with memchr-speed
        // scanning. The general loop below gives the same starts for such text.
        let (isASCII, hasCR) = bytes.withUnsafeBufferPointer { buffer -> (Bool, Bool) in
            var union: UInt8 = 0
            var cr = false
            for byte in buffer {
                union |= byte
                cr = cr || byte == 0x0D
            }
            return (union < 0x80, cr)
        }
        if isASCII && !hasCR {
            bytes.withUnsafeBufferPointer { buffer in
                var index = 0
                while let newline = buffer[index...].firstIndex(of: 0x0A) {
                    starts.append(newline + 1)
                    index = newline + 1
                }
            }
            self.lineStarts = starts
            self.isASCII = true
            return
        }
        // Line breaks as YAML (and libyaml's marks) count them: LF, CR, CRLF, NEL (U+0085), LS (U+2028), PS (U+2029).
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                switch buffer[index] {
                case 0x0A:
                    starts.append(index + 1)
                case 0x0D:
                    if index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                case 0xC2 where index + 1 < count && buffer[index + 1] == 0x85:
                    index += 1
                    starts.append(index + 1)
                case 0xE2 where index + 2 < count && buffer[index + 1] == 0x80 && (buffer[index + 2] == 0xA8 || buffer[index + 2] == 0xA9):
                    index += 2
                    starts.append(index + 1)
                default:
                    break
                }
                index += 1
            }
        }
        self.lineStarts = starts
        self.isASCII = isASCII
    }

    /// Creates a source file from text (tests, the server).
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// True if the file starts with a UTF-8 byte order mark.
    public var hasByteOrderMark: Bool { bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF }

    /// The number of lines (a final line without a newline counts).
    public var lineCount: Int { lineStarts.count }

    /// The 1-based position of a 0-based byte offset. Offsets past the end clamp to the end of the file;
    /// an offset inside a multi-byte character maps to that character.
    public func position(ofByte byteOffset: Int) -> SourcePosition {
        let clamped = max(0, min(byteOffset, bytes.count))
        // Binary search for the last line start <= clamped.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        var lineStart = lineStarts[low]
        if low == 0, hasByteOrderMark, clamped >= 3 { lineStart = 3 }
        if isASCII { return SourcePosition(line: low + 1, column: clamped - lineStart + 1, offset: clamped + 1) }
        var column = 1
        var index = lineStart
        while index < clamped {
            index += Self.scalarLength(lead: bytes[index])
            if index <= clamped { column += 1 }
        }
        return SourcePosition(line: low + 1, column: column, offset: clamped + 1)
    }

    /// The 1-based position of a 0-based line and a 0-based column counted in Unicode scalars (libyaml's marks).
    public func position(line zeroBasedLine: Int, scalarColumn: Int) -> SourcePosition {
        guard zeroBasedLine < lineStarts.count else { return position(ofByte: bytes.count) }
        let lineStart = lineStarts[zeroBasedLine]
        let lineEnd = zeroBasedLine + 1 < lineStarts.count ? lineStarts[zeroBasedLine + 1] : bytes.count
        if isASCII {
            return SourcePosition(
                line: zeroBasedLine + 1, column: scalarColumn + 1, offset: min(lineStart + scalarColumn, bytes.count) + 1)
        }
        var index = lineStart
        var column = 0
        while column < scalarColumn && index < lineEnd {
            index += Self.scalarLength(lead: bytes[index])
            column += 1
        }
        // Editors do not show a byte order mark, so it does not count as a column.
        let bomAdjustment = zeroBasedLine == 0 && hasByteOrderMark && scalarColumn > 0 ? 1 : 0
        return SourcePosition(
            line: zeroBasedLine + 1, column: scalarColumn + 1 - bomAdjustment, offset: min(index, bytes.count) + 1)
    }

    /// The text of a 1-based line without its line break (invalid UTF-8 is repaired for display).
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        var text = String(decoding: bytes[start..<end], as: UTF8.self)
        while let last = text.unicodeScalars.last, ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(last) {
            text.unicodeScalars.removeLast()
        }
        return text
    }

    /// A range covering the whole file's first character (for file-level diagnostics).
    public var startRange: SourceRange {
        let start = SourcePosition(line: 1, column: 1, offset: 1)
        return SourceRange(file: path, start: start, end: start)
    }

    /// A range from two 0-based byte offsets.
    public func range(fromByte start: Int, toByte end: Int) -> SourceRange {
        SourceRange(file: path, start: position(ofByte: start), end: position(ofByte: end))
    }

    @inline(__always)
    static func scalarLength(lead: UInt8) -> Int {
        switch lead {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0..<0xF8: return 4
        default: return 1
        }
    }
}
