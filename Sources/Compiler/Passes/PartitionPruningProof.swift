internal import PipelineDSL

/// Proves that a daily run reads and replaces one bounded slice of every partitioned table.
///
/// Rule 1 (`pruning.unfiltered-scan`, at the table in `from`/`join`/a check step): every scan of a partitioned
/// table has, among the top-level AND conjuncts of `where` (or of its own join's `on`), a comparison of the bare
/// partition column with constant expressions (parameters, literals and functions of them) that bounds it on
/// both sides: `col = E`, `col BETWEEN L AND H`, `col IN (…)`, or `col >= L` with `col <= H`/`col < H`.
/// A function around the column (`DATE(ts) = @d`) does not count: BigQuery does not prune on it.
///
/// Rule 2 (`pruning.unbounded-target`, at `into`): for replace and merge writes into a partitioned table, the
/// expression written to the target's partition column is a constant, a bounded column, the date spine, or
/// `TIMESTAMP(…)` of one of those; its bounds scope the DELETE (or the MERGE's ON clause) to those partitions.
enum PartitionPruningProof {
    /// The lower and upper bound of one column, as constant expressions.
    struct Bound {
        var low: TypedExpression?
        var high: TypedExpression?
        /// `col IN (…)`: prunes, but has no single range.
        var isList = false

        var isClosed: Bool { isList || (low != nil && high != nil) }
    }

    struct ColumnKey: Hashable {
        var relation: String
        var name: String
    }

    /// Bounds implied by conjuncts on bare columns.
    static func bounds(_ conjuncts: [TypedExpression]) -> [ColumnKey: Bound] {
        var result: [ColumnKey: Bound] = [:]
        for conjunct in conjuncts {
            switch conjunct {
            case .binary(let op, let left, let right, _) where op.isComparison:
                if case .column(let relation, let name, _) = left, right.isRunConstant {
                    apply(op, value: right, to: &result[ColumnKey(relation: relation, name: name), default: Bound()])
                } else if case .column(let relation, let name, _) = right, left.isRunConstant {
                    apply(op.flipped, value: left, to: &result[ColumnKey(relation: relation, name: name), default: Bound()])
                }
            case .between(.column(let relation, let name, _), let low, let high, negated: false)
            where low.isRunConstant && high.isRunConstant:
                var bound = result[ColumnKey(relation: relation, name: name), default: Bound()]
                bound.low = low
                bound.high = high
                result[ColumnKey(relation: relation, name: name)] = bound
            case .inList(.column(let relation, let name, _), let items, negated: false) where items.allSatisfy(\.isRunConstant):
                result[ColumnKey(relation: relation, name: name), default: Bound()].isList = true
            default:
                break
            }
        }
        return result
    }

    static func apply(_ op: BinaryOperator, value: TypedExpression, to bound: inout Bound) {
        switch op {
        case .equal:
            bound.low = value
            bound.high = value
        case .greaterOrEqual:
            bound.low = value
        case .lessOrEqual:
            bound.high = value
        case .greater:
            // On a DATE, `col > L` is `col >= L + 1 day`, so the bound stays exact for the target's DELETE.
            bound.low = value.type == .date ? .call(.dateAdd, [value, .interval(.literal(.integer("1"), .int64), .day)], .date) : value
        case .less:
            bound.high = value.type == .date ? .call(.dateSub, [value, .interval(.literal(.integer("1"), .int64), .day)], .date) : value
        default:
            break
        }
    }

    /// Checks the scans of a write and computes its target scope. Returns false after reporting errors.
    static func prove(_ write: inout WriteIR, tables: [String: TableDefinition], diagnostics: inout Diagnostics) -> Bool {
        var allBounds = bounds(write.query.filter?.conjuncts ?? [])
        // A join's own ON conjuncts bound its table too.
        for join in write.query.joins {
            for (key, bound) in bounds(join.condition?.conjuncts ?? []) where allBounds[key] == nil { allBounds[key] = bound }
        }
        var ok = true
        for source in [write.query.from] + write.query.joins.map(\.source) {
            guard let partition = tables[source.table.name]?.syntax.partition?.value else { continue }
            if !(allBounds[ColumnKey(relation: source.alias, name: partition)]?.isClosed ?? false) {
                diagnostics.append(.unfilteredScan(source, column: partition))
                ok = false
            }
        }
        guard write.mode != .append, let partition = write.target.syntax.partition?.value,
            let column = write.target.column(partition)
        else { return ok }
        guard let value = write.query.select.first(where: { $0.column == partition })?.expression,
            let (low, high) = range(of: value, bounds: allBounds, spine: write.query.spine)
        else {
            diagnostics.append(.unboundedTarget(write, column: partition))
            return false
        }
        write.scope = WriteScopeIR(
            partitionColumn: partition, partitionType: column.type, low: low, high: high,
            byLineageKey: write.target.syntax.fieldGroups.contains { $0.value == .lineage })
        return ok
    }

    /// Checks a check step's read of `table` (under its own name) filtered by `filter`.
    static func proveScan(
        table: TableDefinition, alias: String, filter: TypedExpression?, range: SourceRange, diagnostics: inout Diagnostics
    ) {
        guard let partition = table.syntax.partition?.value else { return }
        let found = bounds(filter?.conjuncts ?? [])[ColumnKey(relation: alias, name: partition)]
        if !(found?.isClosed ?? false) {
            let source = SourceIR(alias: alias, table: TableReferenceIR(name: table.name, scope: table.scope), range: range)
            diagnostics.append(.unfilteredScan(source, column: partition))
        }
    }

    /// The DATE range of the values an expression written to a partition column can take.
    static func range(
        of value: TypedExpression, bounds: [ColumnKey: Bound], spine: DaySpineIR?
    ) -> (TypedExpression, TypedExpression)? {
        if value.isRunConstant { return (value, value) }
        switch value {
        case .column(let relation, let name, _):
            if relation.isEmpty, let spine, spine.name == name { return (spine.from, spine.to) }
            guard let bound = bounds[ColumnKey(relation: relation, name: name)], let low = bound.low, let high = bound.high
            else { return nil }
            return (low, high)
        case .call(.timestamp, let arguments, _), .call(.date, let arguments, _):
            guard arguments.count == 1, arguments[0].type == .date else { return nil }
            return range(of: arguments[0], bounds: bounds, spine: spine)
        case .cast(let inner, .timestamp, safe: false) where inner.type == .date:
            return range(of: inner, bounds: bounds, spine: spine)
        default:
            return nil
        }
    }
}

extension BinaryOperator {
    /// The operator with its operands swapped (`a < b` is `b > a`).
    var flipped: BinaryOperator {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        default: self
        }
    }
}

extension Diagnostic {
    fileprivate static func unfilteredScan(_ source: SourceIR, column: String) -> Diagnostic {
        .error(
            .pruningUnfilteredScan,
            "'\(source.table.name)' is partitioned by '\(column)' but this read does not filter it by a parameter; a daily run would scan the whole table",
            at: source.range,
            hint: "add '\(source.alias).\(column) = @p_…' (or BETWEEN @from AND @to) to 'where'")
    }

    fileprivate static func unboundedTarget(_ write: WriteIR, column: String) -> Diagnostic {
        .error(
            .pruningUnboundedTarget,
            "cannot bound which '\(column)' partitions this \(write.mode.rawValue) writes into '\(write.target.name)'",
            at: write.intoRange,
            notes: write.selectRanges[column].map { [.init("'\(column)' is written here", at: $0)] } ?? [],
            hint: "write '\(column)' from a parameter, or from a column the 'where' bounds by parameters")
    }
}
