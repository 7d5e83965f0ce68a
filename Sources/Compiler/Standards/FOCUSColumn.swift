public import PipelineDSL

/// A column of the FOCUS specification, as a `standard: focus-1.3` table carries it.
public struct FOCUSColumn: Sendable, Hashable {
    /// How the specification requires the column.
    public enum Level: String, Sendable, Hashable {
        case mandatory, mandatoryDeprecated, conditional, recommended
    }

    /// The PascalCase name.
    public var name: String
    /// The BigQuery type we store it as (Decimal → BIGNUMERIC, DateTime → TIMESTAMP).
    public var type: ColumnType
    /// The requirement level.
    public var level: Level
    /// Whether the specification allows null.
    public var isNullable: Bool
    /// The allowed values of an enumerated column (case-sensitive), nil for free values.
    public var allowedValues: [String]?

    init(name: String, type: ColumnType, level: Level, isNullable: Bool, allowedValues: [String]? = nil) {
        self.name = name
        self.type = type
        self.level = level
        self.isNullable = isNullable
        self.allowedValues = allowedValues
    }

    /// The column of a standard with the given name.
    public static func column(_ name: String, of standard: TableStandard) -> FOCUSColumn? {
        columns(of: standard).first { $0.name == name }
    }

    /// The columns a standard brings, in order.
    public static func columns(of standard: TableStandard) -> [FOCUSColumn] {
        switch standard {
        case .focus13: costAndUsage13
        }
    }
}
