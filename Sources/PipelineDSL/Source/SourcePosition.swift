/// A point in a source file.
///
/// All three coordinates are **1-based**. `column` counts Unicode scalars from the start of the line (the unit
/// libyaml reports and the one SARIF calls `unicodeCodePoints`); `offset` counts UTF-8 bytes from the start of
/// the file, so the byte at `offset` is `bytes[offset - 1]`.
public struct SourcePosition: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    // Stored in 32 bits: every node and range of a project carries positions, and files are at most a few MiB
    // (the composer rejects more than 4 MiB), so this halves their size without limiting anything.
    private var storedLine: UInt32
    private var storedColumn: UInt32
    private var storedOffset: UInt32

    /// 1-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = UInt32(clamping: newValue) }
    }
    /// 1-based column, in Unicode scalars.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = UInt32(clamping: newValue) }
    }
    /// 1-based UTF-8 byte offset from the start of the file.
    public var offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = UInt32(clamping: newValue) }
    }

    /// Creates a position from 1-based coordinates (each at most 2³² − 1).
    public init(line: Int, column: Int, offset: Int) {
        storedLine = UInt32(clamping: line)
        storedColumn = UInt32(clamping: column)
        storedOffset = UInt32(clamping: offset)
    }

    private enum CodingKeys: String, CodingKey { case line, column, offset }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            line: try container.decode(Int.self, forKey: .line), column: try container.decode(Int.self, forKey: .column),
            offset: try container.decode(Int.self, forKey: .offset))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(offset, forKey: .offset)
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`, the way terminals and editors link positions.
    public var description: String { "\(line):\(column)" }
}

/// A half-open span of a file: `start` is the first character, `end` the position just after the last one.
public struct SourceRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file's path as the user gave it (relative paths stay relative).
    public var file: String
    /// The first character of the span.
    public var start: SourcePosition
    /// The position just after the span.
    public var end: SourcePosition

    /// Creates a range; `end` defaults to `start` (an empty range, e.g. "end of file").
    public init(file: String, start: SourcePosition, end: SourcePosition? = nil) {
        self.file = file
        self.start = start
        self.end = end ?? start
    }

    /// `file:line:column` of the start.
    public var description: String { "\(file):\(start.line):\(start.column)" }
}
