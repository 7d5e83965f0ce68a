/// A point in a source file.
///
/// All three coordinates are **1-based**. `column` counts Unicode scalars from the start of the line (the unit
/// libyaml reports and the one SARIF calls `unicodeCodePoints`); `offset` counts UTF-8 bytes from the start of
/// the file, so the byte at `offset` is `bytes[offset - 1]`.
public struct SourcePosition: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int
    /// 1-based UTF-8 byte offset from the start of the file.
    public var offset: Int

    /// Creates a position from 1-based coordinates.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
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
