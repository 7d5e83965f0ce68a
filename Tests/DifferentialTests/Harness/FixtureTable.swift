import Foundation
import Compiler
import PipelineDSL
import Runtime

/// Input rows for one table, written as a readable pipe table:
///
/// ```
/// subscription_id | seats | end_date   | plan_name
/// s-1             | 10    | NULL       | 'Pro | Max'
/// ```
///
/// The first line names the columns; each further line is a row. Cells are trimmed. `NULL` is SQL NULL; a
/// single-quoted cell is taken literally (`''` is the empty string, `'it''s'` is `it's`, quotes keep spaces and
/// `|`; inside quotes `\n`, `\t`, `\r`, `\u{HEX}` and `\\` are escapes); anything else is the text of the value: `2024-02-29` for a DATE, `2024-02-29 10:00:00.5+00` or
/// `2024-02-29T10:00:00Z` for a TIMESTAMP, `true`/`false` for a BOOL, a decimal for numbers, JSON text for JSON.
/// Lines starting with `#` are comments. Columns the header leaves out take the table's `defaults`, if the table
/// has them, else NULL (the lineage columns of input tables are filled this way).
struct FixtureTable: Sendable {
    var dataset: String
    var table: String
    var columns: [String]
    var rows: [[String?]]
    /// Mistakes in the text (a row with the wrong number of cells, a bad escape): reported when the rows are used.
    var problems: [String] = []

    /// - Parameters:
    ///   - name: `dataset.table`, for example `acme_prod.subscription_plans` or `organizations.org_hierarchy`.
    ///   - defaults: values for columns missing from the header (ignored when the table has no such column).
    init(_ name: String, defaults: [String: String] = [:], _ text: String) {
        let parts = name.split(separator: ".")
        dataset = parts.count == 2 ? String(parts[0]) : ""
        table = String(parts.last ?? "")
        if parts.count != 2 { problems.append("fixture table name must be dataset.table: \(name)") }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard let header = lines.first else {
            columns = []
            rows = []
            return
        }
        var problems: [String] = []
        let named = Self.cells(header, problems: &problems).map { $0 ?? "NULL" }
        let extra = defaults.keys.sorted().filter { !named.contains($0) }
        columns = named + extra
        rows = lines.dropFirst().map { line in
            var cells = Self.cells(line, problems: &problems)
            if cells.count != named.count {
                problems.append("\(name): \(cells.count) cells for \(named.count) columns in: \(line)")
                cells = Array((cells + Array(repeating: nil, count: named.count)).prefix(named.count))
            }
            return cells + extra.map { defaults[$0] }
        }
        self.problems += problems
    }

    /// The tables with rows of several parts of the same table merged (in order; a column one part lacks is NULL
    /// in its rows).
    static func merged(_ tables: [FixtureTable]) -> [FixtureTable] {
        var result: [FixtureTable] = []
        for table in tables {
            guard let index = result.firstIndex(where: { $0.dataset == table.dataset && $0.table == table.table }) else {
                result.append(table)
                continue
            }
            var merged = result[index]
            merged.problems += table.problems
            let columns = merged.columns + table.columns.filter { !merged.columns.contains($0) }
            func widen(_ part: FixtureTable) -> [[String?]] {
                part.rows.map { row in columns.map { column in part.columns.firstIndex(of: column).flatMap { row[$0] } } }
            }
            merged.rows = widen(merged) + widen(table)
            merged.columns = columns
            result[index] = merged
        }
        return result
    }

    /// The cells of one line: `NULL` → nil, quoted → literal, else trimmed text.
    static func cells(_ line: String, problems: inout [String]) -> [String?] {
        var cells: [String?] = []
        var scalars = Array(line.unicodeScalars)[...]
        while true {
            while scalars.first == " " { scalars = scalars.dropFirst() }
            if scalars.first == "'" {
                scalars = scalars.dropFirst()
                var text = String.UnicodeScalarView()
                while let c = scalars.popFirst() {
                    if c == "'" {
                        if scalars.first == "'" {
                            text.append("'")
                            scalars = scalars.dropFirst()
                        } else {
                            break
                        }
                    } else if c == "\\", let e = scalars.popFirst() {
                        switch e {
                        case "n": text.append("\n")
                        case "t": text.append("\t")
                        case "r": text.append("\r")
                        case "u":
                            // \u{HEX}
                            var hex = ""
                            if scalars.first == "{" {
                                scalars = scalars.dropFirst()
                                while let h = scalars.popFirst(), h != "}" { hex.unicodeScalars.append(h) }
                            }
                            if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                                text.append(scalar)
                            } else {
                                problems.append("bad \\u{\(hex)} escape in fixture line: \(line)")
                            }
                        default: text.append(e)
                        }
                    } else {
                        text.append(c)
                    }
                }
                cells.append(String(text))
                while scalars.first == " " { scalars = scalars.dropFirst() }
            } else {
                var text = String.UnicodeScalarView()
                while let c = scalars.first, c != "|" {
                    text.append(c)
                    scalars = scalars.dropFirst()
                }
                let trimmed = String(text).trimmingCharacters(in: .whitespaces)
                cells.append(trimmed == "NULL" ? nil : trimmed)
            }
            guard scalars.first == "|" else { break }
            scalars = scalars.dropFirst()
        }
        return cells
    }

    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    /// The rows as JSON Lines for zeval, typed by `definition` (numbers keep their exact text).
    func jsonLines(_ definition: TableDefinition) throws -> String {
        let types = try columnTypes(definition)
        return try rows.map { row in
            let members = try zip(columns, zip(types, row)).map { column, typed -> String in
                let (type, text) = typed
                return JSONValue.quote(column) + ":" + (try Self.json(text, type, column: column))
            }
            return "{" + members.joined(separator: ",") + "}"
        }.joined(separator: "\n") + "\n"
    }

    /// The rows as the embedded engine stores them (Docs/SQLITE.md D1).
    func sqliteRows(_ definition: TableDefinition) throws -> [[SQLValue]] {
        let types = try columnTypes(definition)
        return try rows.map { row in try zip(types, row).enumerated().map { try Self.sqlite($0.element.1, $0.element.0, column: columns[$0.offset]) } }
    }

    func columnTypes(_ definition: TableDefinition) throws -> [ColumnType] {
        if !problems.isEmpty { throw Problem(description: problems.joined(separator: "\n")) }
        return try columns.map { name in
            guard let column = definition.column(name) else { throw Problem(description: "\(dataset).\(table) has no column \(name)") }
            return column.type
        }
    }

    static func json(_ text: String?, _ type: ColumnType, column: String) throws -> String {
        guard let text else { return "null" }
        switch type {
        case .string, .date: return JSONValue.quote(text)
        case .int64:
            guard Int64(text) != nil else { throw Problem(description: "\(column): '\(text)' is not an INT64") }
            return text
        case .numeric, .bignumeric, .float64:
            guard Double(text) != nil, (try? JSONValue.parse(text)) != nil else {
                throw Problem(description: "\(column): '\(text)' is not a JSON number")
            }
            return text
        case .bool:
            guard let value = bool(text) else { throw Problem(description: "\(column): '\(text)' is not a BOOL") }
            return value ? "true" : "false"
        case .timestamp:
            guard let micros = Timestamp.parse(text) else { throw Problem(description: "\(column): '\(text)' is not a TIMESTAMP") }
            // Both engines get the same instant, spelled as BigQuery reads it.
            return JSONValue.quote(Timestamp.format(micros))
        case .json:
            guard (try? JSONValue.parse(text)) != nil else { throw Problem(description: "\(column): '\(text)' is not JSON") }
            return text
        }
    }

    static func sqlite(_ text: String?, _ type: ColumnType, column: String) throws -> SQLValue {
        guard let text else { return .null }
        switch type {
        case .string, .json: return .text(text)
        case .date:
            guard Days.isValid(text) else { throw Problem(description: "\(column): '\(text)' is not a DATE") }
            return .text(text)
        case .int64:
            guard let v = Int64(text) else { throw Problem(description: "\(column): '\(text)' is not an INT64") }
            return .integer(v)
        case .numeric, .bignumeric, .float64:
            guard let v = Double(text) else { throw Problem(description: "\(column): '\(text)' is not a number") }
            return .real(v)
        case .bool:
            guard let value = bool(text) else { throw Problem(description: "\(column): '\(text)' is not a BOOL") }
            return .integer(value ? 1 : 0)
        case .timestamp:
            guard let micros = Timestamp.parse(text) else { throw Problem(description: "\(column): '\(text)' is not a TIMESTAMP") }
            return .text(Timestamp.format(micros))
        }
    }

    static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }
}
