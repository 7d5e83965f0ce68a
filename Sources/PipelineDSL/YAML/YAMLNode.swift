/// How a scalar was written. Decoding needs it: a quoted `"true"` is text, never a boolean.
public enum YAMLScalarStyle: String, Sendable, Hashable, Codable {
    case plain, singleQuoted, doubleQuoted, literal, folded

    /// True for the two quoted styles.
    public var isQuoted: Bool { self == .singleQuoted || self == .doubleQuoted }
}

/// A scalar node: its text after YAML unescaping, its style, and where it was written.
public struct YAMLScalar: Sendable, Hashable {
    /// The value with escapes and folding applied (may contain any character, NUL included).
    public var value: String
    /// How it was written.
    public var style: YAMLScalarStyle
    /// From the first character of the token (the opening quote or `|` included) to just after it.
    public var range: SourceRange

    /// Creates a scalar.
    public init(value: String, style: YAMLScalarStyle, range: SourceRange) {
        self.value = value
        self.style = style
        self.range = range
    }

    /// True for a plain `null`, `~` or an empty plain scalar: the spellings YAML uses for "no value".
    public var isNull: Bool {
        style == .plain && (value.isEmpty || value == "null" || value == "~" || value == "Null" || value == "NULL")
    }
}

/// A sequence node.
public struct YAMLSequence: Sendable, Hashable {
    /// The items in order.
    public var items: [YAMLNode]
    /// True if written `[a, b]` rather than as a block list.
    public var isFlow: Bool
    /// The whole sequence.
    public var range: SourceRange
}

/// A mapping node. Keys keep their order and duplicates are kept (the composer reports them).
public struct YAMLMapping: Sendable, Hashable {
    /// One `key: value` pair.
    public struct Entry: Sendable, Hashable {
        /// The key (keys are always scalars; the composer rejects complex keys).
        public var key: YAMLScalar
        /// The value.
        public var value: YAMLNode
    }

    /// The pairs in the order written.
    public var entries: [Entry]
    /// True if written `{a: 1}` rather than as a block mapping.
    public var isFlow: Bool
    /// The whole mapping.
    public var range: SourceRange

    /// The first entry with the given key.
    public func entry(_ key: String) -> Entry? { entries.first { $0.key.value == key } }
}

/// A node of the Swift-owned YAML tree. Every node knows its range.
public indirect enum YAMLNode: Sendable, Hashable {
    case scalar(YAMLScalar)
    case sequence(YAMLSequence)
    case mapping(YAMLMapping)

    /// Where the node is.
    public var range: SourceRange {
        switch self {
        case .scalar(let s): s.range
        case .sequence(let s): s.range
        case .mapping(let m): m.range
        }
    }

    /// A short noun for messages: "a string", "a list", "a mapping", "null".
    public var kindDescription: String {
        switch self {
        case .scalar(let s): s.isNull ? "null" : "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// The result of composing one file: its single root node (nil when the file could not be composed).
public struct YAMLDocument: Sendable {
    /// The file the tree came from.
    public var file: SourceFile
    /// The root node.
    public var root: YAMLNode
}
