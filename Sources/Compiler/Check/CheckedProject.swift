public import PipelineDSL

/// A column of a checked table, standard columns included.
public struct ColumnDefinition: Sendable {
    /// Where a column comes from.
    public enum Origin: Sendable {
        /// Written in the table's `columns`.
        case declared(SourceRange)
        /// Brought by the table's `standard`.
        case standard(TableStandard)
        /// Appended by a `fields` group.
        case group(FieldGroup)
    }

    /// The column's name.
    public var name: String
    /// Its type.
    public var type: ColumnType
    /// True if every row must have a value.
    public var isRequired: Bool
    /// Where it comes from.
    public var origin: Origin
}

/// A table with its full column list: standard columns, declared columns, then field groups in a fixed order.
///
/// Immutable and shared: every write, check step and scope that reads a table refers to the same instance
/// (a class, so that passing it around does not copy the table's syntax tree).
public final class TableDefinition: Sendable {
    /// The decoded table.
    public let syntax: TableSyntax
    /// Every column in order.
    public let columns: [ColumnDefinition]

    public init(syntax: TableSyntax, columns: [ColumnDefinition]) {
        self.syntax = syntax
        self.columns = columns
    }

    /// The table's name.
    public var name: String { syntax.name.value }
    /// `org` unless written otherwise.
    public var scope: TableScope { syntax.scope?.value ?? .org }

    /// The column with the given name.
    public func column(_ name: String) -> ColumnDefinition? { columns.first { $0.name == name } }
}

/// A pipeline whose steps are known to form a DAG.
public struct CheckedPipeline: Sendable {
    /// The decoded pipeline.
    public var syntax: PipelineSyntax
    /// Step indices in an order that respects `after` (ties keep the written order).
    public var order: [Int]
}

/// The result of `check`: every definition of the project, names resolved, DAGs acyclic.
public struct CheckedProject: Sendable {
    /// Tables by name.
    public var tables: [String: TableDefinition]
    /// Procedures by name.
    public var procedures: [String: ProcedureSyntax]
    /// Pipelines by id, each with a step order.
    public var pipelines: [String: CheckedPipeline]
    /// Procedures lowered to IR, with the passes applied (lineage, hierarchy, pruning scope).
    public var procedureIRs: [String: ProcedureIR]
    /// Pipelines ready for planning.
    public var pipelineIRs: [String: PipelineIR]
}

/// The variables a pipeline step may pass as arguments, and their types.
public enum RunVariables {
    /// `$name` → type. A run covers one data date: `$date`; the others are derived from it or from the run.
    public static let all: [String: ColumnType] = [
        "date": .date, "month_start": .date, "month_end": .date, "year_start": .date, "previous_date": .date,
        "org_slug": .string, "pipeline_id": .string, "credential_id": .string, "run_id": .string,
    ]
}
