import Compiler
import PipelineDSL

/// The rows of one table in one engine, each cell read for its column's type.
struct TableState: Sendable {
    var name: String
    var columns: [(name: String, type: ColumnType)]
    var rows: [[Cell]]

    func index(of column: String) -> Int? { columns.firstIndex { $0.name == column } }
}

/// Compares two tables as row multisets.
enum RowComparison {
    /// Wall-clock lineage columns: excluded from every comparison (each engine stamps its own clock), but checked
    /// to be non-NULL in every written row.
    static let wallClockColumns: Set<String> = ["x_ingested_at", "x_ingestion_date"]

    /// The differences between `left` and `right` (nil if every row of each has an equal row in the other, with
    /// multiplicity), rendered side by side. Columns in `ignoring` are not compared.
    static func difference(
        _ left: TableState, _ right: TableState, leftName: String = "BigQuery", rightName: String = "SQLite",
        ignoring: Set<String> = wallClockColumns, context: String
    ) -> String? {
        let compared = left.columns.indices.filter { !ignoring.contains(left.columns[$0].name) }
        guard left.columns.map(\.name) == right.columns.map(\.name) else {
            return "\(context): the engines have different columns:\n  \(leftName): \(left.columns.map(\.name))\n  \(rightName): \(right.columns.map(\.name))"
        }
        func equal(_ a: [Cell], _ b: [Cell]) -> Bool {
            compared.allSatisfy { a[$0].matches(b[$0], as: left.columns[$0].type) }
        }
        var unmatchedRight = Array(right.rows.indices)
        var unmatchedLeft: [Int] = []
        for (index, row) in left.rows.enumerated() {
            if let position = unmatchedRight.firstIndex(where: { equal(row, right.rows[$0]) }) {
                unmatchedRight.remove(at: position)
            } else {
                unmatchedLeft.append(index)
            }
        }
        if unmatchedLeft.isEmpty && unmatchedRight.isEmpty { return nil }

        var out = [
            "\(context): \(unmatchedLeft.count) of \(left.rows.count) \(leftName) row(s) and \(unmatchedRight.count) of "
                + "\(right.rows.count) \(rightName) row(s) have no equal row in the other engine"
        ]
        // Pair each unmatched row with the unmatched row of the other side that agrees on the most columns.
        var remaining = unmatchedRight
        for (number, l) in unmatchedLeft.enumerated() {
            let lrow = left.rows[l]
            let best = remaining.max { a, b in
                agreement(lrow, right.rows[a], compared, left.columns) < agreement(lrow, right.rows[b], compared, left.columns)
            }
            if let best, agreement(lrow, right.rows[best], compared, left.columns) > 0 {
                remaining.removeAll { $0 == best }
                out.append("  row pair \(number + 1):")
                out.append(sideBySide(lrow, right.rows[best], left.columns, compared, leftName, rightName))
            } else {
                out.append("  only in \(leftName): " + oneLine(lrow, left.columns))
            }
        }
        for r in remaining {
            out.append("  only in \(rightName): " + oneLine(right.rows[r], right.columns))
        }
        return out.joined(separator: "\n")
    }

    static func agreement(_ a: [Cell], _ b: [Cell], _ compared: [Int], _ columns: [(name: String, type: ColumnType)]) -> Int {
        compared.filter { !a[$0].isNull && a[$0].matches(b[$0], as: columns[$0].type) }.count
    }

    /// The differing columns (marked ≠) first, then the equal non-NULL ones that identify the row.
    static func sideBySide(
        _ a: [Cell], _ b: [Cell], _ columns: [(name: String, type: ColumnType)], _ compared: [Int], _ leftName: String,
        _ rightName: String
    ) -> String {
        let differing = compared.filter { !a[$0].matches(b[$0], as: columns[$0].type) }
        let same = compared.filter { !differing.contains($0) && !(a[$0].isNull && b[$0].isNull) }
        let nameWidth = max(6, (differing + same).map { columns[$0].name.count }.max() ?? 0)
        let leftWidth = min(48, max(leftName.count, (differing + same).map { a[$0].description.count }.max() ?? 0))
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        var lines = ["      " + pad("column", nameWidth) + "  " + pad(leftName, leftWidth) + "  " + rightName]
        for index in differing {
            lines.append("    ≠ " + pad(columns[index].name, nameWidth) + "  " + pad(a[index].description, leftWidth) + "  " + b[index].description)
        }
        for index in same {
            lines.append("      " + pad(columns[index].name, nameWidth) + "  " + pad(a[index].description, leftWidth) + "  " + b[index].description)
        }
        return lines.joined(separator: "\n")
    }

    static func oneLine(_ row: [Cell], _ columns: [(name: String, type: ColumnType)]) -> String {
        "{" + zip(columns, row).filter { !$0.1.isNull }.map { "\($0.0.name)=\($0.1)" }.joined(separator: ", ") + "}"
    }

    /// Rows of `state` whose wall-clock columns are NULL (there must be none).
    static func nullWallClock(_ state: TableState) -> [String] {
        let indices = state.columns.indices.filter { wallClockColumns.contains(state.columns[$0].name) }
        return state.rows.filter { row in indices.contains { row[$0].isNull } }.map { oneLine($0, state.columns) }
    }
}
