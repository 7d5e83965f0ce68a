internal import Compiler
internal import PipelineDSL

/// How one table's columns are filled from a file: which columns the file must have, which it may have, which come
/// from the runtime (lineage), and the row template every record starts from.
struct LoadPlan {
    /// Where a column's value comes from.
    enum Role {
        /// Declared or standard column: the file must have it (CSV header; JSONL: required columns must be present).
        case file
        /// Hierarchy or provider-group column (`x_hierarchy_*`, `x_genai_*`, …): the file may have it; NULL otherwise.
        case optional
        /// Lineage column: filled from the caller's lineage values; the file must not have it.
        case lineage
    }

    let path: String
    let tableName: String
    let names: [String]
    let types: [ColumnType]
    let required: [Bool]
    let roles: [Role]
    let index: [String: Int]
    /// One value per column: lineage values in place, NULL elsewhere.
    let template: [LoadValue]
    /// The columns a file may name (file and optional roles), in table order, for suggestions.
    let inputColumns: [String]

    init(table: TableDefinition, path: String, lineage: [String: LoadValue]) throws(LoadError) {
        self.path = path
        tableName = table.name
        names = table.columns.map(\.name)
        types = table.columns.map(\.type)
        required = table.columns.map(\.isRequired)
        roles = table.columns.map { column in
            switch column.origin {
            case .declared, .standard: .file
            case .group(.lineage): .lineage
            case .group: .optional
            }
        }
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        self.index = index
        inputColumns = zip(names, roles).filter { $0.1 != .lineage }.map(\.0)

        let lineageNames = Set(FieldGroup.lineage.columns.map(\.name))
        for key in lineage.keys.sorted() where !lineageNames.contains(key) {
            throw LoadError(
                path: path, line: 0, column: 0,
                message: "'\(key)' is not a lineage column; lineage values are "
                    + Suggestions.list(FieldGroup.lineage.columns.map { "'\($0.name)'" }, conjunction: "and"))
        }
        var template = [LoadValue](repeating: .null, count: names.count)
        for position in names.indices where roles[position] == .lineage {
            let name = names[position]
            guard let value = lineage[name], value != .null else {
                throw LoadError(
                    path: path, line: 0, column: 0,
                    message: "no lineage value for '\(name)': the runtime must pass every lineage column of table \(tableName)")
            }
            switch LoadPlan.normalise(value, as: types[position]) {
            case .value(let normalised): template[position] = normalised
            case .problem(let problem):
                throw LoadError(path: path, line: 0, column: 0, message: "lineage value for '\(name)': \(problem)")
            }
        }
        self.template = template
    }

    /// A caller-supplied value checked and normalised like file input (dates checked, timestamps to UTC).
    static func normalise(_ value: LoadValue, as type: ColumnType) -> Conversion {
        switch (value, type) {
        case (.text(let text), .string), (.text(let text), .json):
            return type == .json ? convert(text, as: .json) : .value(.text(text))
        case (.text(let text), .date), (.text(let text), .timestamp):
            return convert(text, as: type)
        case (.integer, .int64), (.bool, .bool), (.real, .numeric), (.real, .bignumeric), (.real, .float64):
            return .value(value)
        case (.integer(let integer), .numeric), (.integer(let integer), .bignumeric), (.integer(let integer), .float64):
            return .value(.real(Double(integer)))
        default:
            return .problem("\(value) is not a \(type.rawValue) value")
        }
    }

    static func convert(_ text: String, as type: ColumnType) -> Conversion {
        var text = text
        return text.withUTF8 { ValueParser.convert($0, as: type) }
    }

    /// Maps header names (with their positions) to column indices, or throws the first problem in header order;
    /// then checks that every `.file` column is present.
    func mapHeader(_ header: [(name: String, line: Int, column: Int)]) throws(LoadError) -> [Int] {
        var mapping: [Int] = []
        var seen: [String: Int] = [:]
        for entry in header {
            if entry.name.isEmpty {
                throw LoadError(path: path, line: entry.line, column: entry.column, message: "empty column name in the header")
            }
            if let first = seen[entry.name] {
                throw LoadError(
                    path: path, line: entry.line, column: entry.column,
                    message: "column '\(entry.name)' appears twice in the header (first at column \(first))")
            }
            seen[entry.name] = entry.column
            guard let position = index[entry.name] else {
                throw unknownColumn(entry.name, line: entry.line, column: entry.column)
            }
            if roles[position] == .lineage {
                throw lineageInInput(entry.name, line: entry.line, column: entry.column)
            }
            mapping.append(position)
        }
        let missing = names.indices.filter { roles[$0] == .file && seen[names[$0]] == nil }.map { "'\(names[$0])'" }
        if !missing.isEmpty {
            let line = header.first?.line ?? 1
            throw LoadError(
                path: path, line: line, column: 1,
                message: "missing column\(missing.count == 1 ? "" : "s") \(Suggestions.list(missing, conjunction: "and")) of table "
                    + "\(tableName): the header must name every column except the lineage columns")
        }
        return mapping
    }

    func unknownColumn(_ name: String, line: Int, column: Int) -> LoadError {
        var message = "unknown column \(ByteText.quote(name)): table \(tableName) has no such column"
        if let hint = Suggestions.hint(for: name, among: inputColumns) { message += "; " + hint }
        return LoadError(path: path, line: line, column: column, message: message)
    }

    func lineageInInput(_ name: String, line: Int, column: Int) -> LoadError {
        LoadError(
            path: path, line: line, column: column,
            message: "'\(name)' is a lineage column: the runtime fills it, so the file must not contain it")
    }

    /// The message for a NULL in a required column.
    func requiredProblem(_ position: Int, found: String) -> String {
        "a value is required (the column is required: true), but \(found)"
    }

    /// The error for a conversion problem of a column's value at a position.
    func valueError(_ position: Int, _ problem: String, line: Int, column: Int) -> LoadError {
        LoadError(path: path, line: line, column: column, message: "column '\(names[position])': \(problem)")
    }

    /// Converts a JSON member's value for a column.
    func convert(_ value: JSONValue, column position: Int) -> Conversion {
        let type = types[position]
        switch value {
        case .null:
            return required[position] ? .problem(requiredProblem(position, found: "the value is null")) : .value(.null)
        case .string(let text):
            switch type {
            case .string: return .value(.text(text))
            case .json: return .value(.text(value.compactText))
            case .bool: return mismatch(value, position)
            default: return LoadPlan.convert(text, as: type)
            }
        case .number(let text):
            switch type {
            case .int64, .numeric, .bignumeric, .float64: return LoadPlan.convert(text, as: type)
            case .json: return .value(.text(text))
            default: return mismatch(value, position)
            }
        case .bool(let flag):
            switch type {
            case .bool: return .value(.bool(flag))
            case .json: return .value(.text(flag ? "true" : "false"))
            default: return mismatch(value, position)
            }
        case .array, .object:
            return type == .json ? .value(.text(value.compactText)) : mismatch(value, position)
        }
    }

    func mismatch(_ value: JSONValue, _ position: Int) -> Conversion {
        let expected: String =
            switch types[position] {
            case .string: "a string"
            case .int64: "a whole number"
            case .numeric, .bignumeric, .float64: "a number"
            case .bool: "true or false"
            case .date: "a \"YYYY-MM-DD\" string"
            case .timestamp: "an ISO 8601 timestamp string"
            case .json: "a JSON value"
            }
        return .problem("expected \(expected) for \(types[position].rawValue), found \(value.kind)")
    }
}
