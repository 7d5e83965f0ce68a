/// The shape of the YAML language, written once as data.
///
/// The decoder reads every mapping through an ``ObjectSchema`` (which keys exist, which are required, what
/// "did you mean" suggests) and `cloudact schema` turns the same values into a JSON Schema for editors, so
/// the two cannot drift apart.
public indirect enum ValueSchema: Sendable {
    /// A string in a given format.
    case string(StringFormat)
    /// An integer, plain-written, within bounds.
    case integer(min: Int, max: Int)
    /// `true` or `false`, plain-written.
    case boolean
    /// One of a fixed set of plain strings.
    case enumeration([String])
    /// A list of values of one shape.
    case list(ValueSchema, minItems: Int)
    /// A mapping with fixed keys.
    case object(ObjectSchema)
    /// A mapping from user-chosen names to values of one shape (columns, params, select).
    case map(key: StringFormat, value: ValueSchema)
    /// Any of several shapes (for example a column written as `DATE` or as `{ type: DATE }`).
    case anyOf([ValueSchema])
    /// A scalar of any kind, checked later against something the schema cannot know (procedure arguments).
    case anyScalar
}

/// The formats a string field can have. Each has a checker in the decoder and a pattern in the JSON Schema.
public enum StringFormat: Sendable, Hashable {
    /// Free text.
    case text
    /// `^[a-z][a-z0-9_]*$`.
    case identifier
    /// A column name: an identifier, or a FOCUS PascalCase name in a `standard: focus-1.3` table.
    case columnName
    /// `30s`, `10m`, `2h`.
    case duration
    /// A five-field cron expression.
    case cron
    /// An IANA time zone name.
    case timeZone
    /// An expression of the expression language (checked by the compiler).
    case expression
    /// `table alias`: a table name with an optional alias.
    case tableReference
    /// A category path such as `genai/payg`.
    case category
    /// A file path pattern with `{org}` and `{date}` placeholders.
    case pathPattern
}

/// One key of an ``ObjectSchema``.
public struct FieldSchema: Sendable {
    /// The key as written in YAML.
    public var name: String
    /// The value's shape.
    public var value: ValueSchema
    /// Whether the key must be present.
    public var isRequired: Bool
    /// A one-line description, shown by editors.
    public var summary: String

    /// Creates a field.
    public init(_ name: String, _ value: ValueSchema, required: Bool = false, _ summary: String) {
        self.name = name
        self.value = value
        self.isRequired = required
        self.summary = summary
    }
}

/// A mapping with a fixed set of keys.
public struct ObjectSchema: Sendable {
    /// A name for messages ("step", "write") and the JSON Schema's definitions.
    public var name: String
    /// A one-line description.
    public var summary: String
    /// The keys in the order documentation shows them.
    public var fields: [FieldSchema]

    /// Creates an object schema.
    public init(_ name: String, _ summary: String, fields: [FieldSchema]) {
        self.name = name
        self.summary = summary
        self.fields = fields
    }

    /// The field with the given key.
    public func field(_ name: String) -> FieldSchema? { fields.first { $0.name == name } }

    /// True if `name` is one of the keys (without copying the field).
    func hasField(_ name: String) -> Bool { fields.contains { $0.name == name } }
}
