internal import PipelineDSL

/// Prints the SQL AST as text for one dialect. Layout is decided here, once: upper-case keywords, one clause
/// per line, two-space indentation, a trailing newline. Identifiers are quoted in ``quoteIdentifier(_:)`` and
/// string literals escaped in ``quoteString(_:)``, and nowhere else.
public struct SQLPrinter: Sendable {
    public var dialect: SQLDialect

    public init(dialect: SQLDialect) {
        self.dialect = dialect
    }

    // MARK: - Quoting (the only two places)

    /// An identifier, quoted if it is reserved or not a plain name.
    public func quoteIdentifier(_ name: String) -> String {
        // Byte checks: Character's isLetter consults Unicode tables, and this runs for every identifier printed.
        var plain = !name.isEmpty
        for (index, byte) in name.utf8.enumerated() {
            let letter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
            let digit = byte >= 0x30 && byte <= 0x39
            if !(letter || (index > 0 && digit)) {
                plain = false
                break
            }
        }
        if plain && !dialect.reservedWords.contains(name.uppercased()) { return name }
        return quotePath(name)
    }

    /// A quoted path or identifier: `` `a.b.c` ``; the quote character and backslashes are escaped.
    func quotePath(_ text: String) -> String {
        let q = dialect.identifierQuote
        var out = String(q)
        for character in text {
            if character == q { out += dialect.stringEscaping == .backslash ? "\\\(q)" : "\(q)\(q)" }
            else if character == "\\" && dialect.stringEscaping == .backslash { out += "\\\\" }
            else { out.append(character) }
        }
        out.append(q)
        return out
    }

    /// A string literal with every special character escaped.
    public func quoteString(_ value: String) -> String {
        var out = "'"
        for scalar in value.unicodeScalars {
            switch dialect.stringEscaping {
            case .doubledQuote:
                out += scalar == "'" ? "''" : String(scalar)
            case .backslash:
                switch scalar {
                case "'": out += "\\'"
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
        }
        return out + "'"
    }

    func tableName(_ name: SQLTableName) -> String {
        if dialect.qualifiesWithProject, let project = name.project {
            return quotePath("\(project).\(name.dataset).\(name.table)")
        }
        return quoteIdentifier(name.dataset) + "." + quoteIdentifier(name.table)
    }

    // MARK: - Statements

    /// A script: statements separated by blank lines, each ending with `;`, and a final newline.
    public func print(_ statements: [SQLStatement]) -> String {
        var lines: [String] = []
        for (index, statement) in statements.enumerated() {
            if index > 0, !statements[index - 1].isComment || statement.isComment { lines.append("") }
            lines.append(contentsOf: render(statement))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func render(_ statement: SQLStatement) -> [String] {
        switch statement {
        case .comment(let text):
            return text.split(separator: "\n", omittingEmptySubsequences: false).map { "-- \($0)" }
        case .createTable(let table):
            return renderCreateTable(table)
        case .createProcedure(let procedure):
            return renderCreateProcedure(procedure)
        case .beginTransaction:
            return dialect.procedureForm == .storedProcedure ? ["BEGIN TRANSACTION;"] : []
        case .commitTransaction:
            return dialect.procedureForm == .storedProcedure ? ["COMMIT TRANSACTION;"] : []
        case .delete(let table, let alias, let filter):
            return (["DELETE FROM \(tableName(table)) AS \(quoteIdentifier(alias))"] + renderCondition("WHERE", filter))
                .joinedLast(";")
        case .insert(let table, let columns, let select):
            var lines = ["INSERT INTO \(tableName(table)) ("]
            lines += columns.enumerated().map { "  " + quoteIdentifier($0.element) + ($0.offset < columns.count - 1 ? "," : "") }
            lines.append(")")
            lines += renderSelect(select)
            return lines.joinedLast(";")
        case .merge(let merge):
            return renderMerge(merge)
        case .assert(.not(.exists(let select)), let message):
            switch dialect.assertions {
            case .statement:
                return ["ASSERT NOT EXISTS ("] + renderSelect(select).map { "  " + $0 } + [") AS \(quoteString(message));"]
            case .function(let function):
                return ["SELECT \(function)(NOT EXISTS ("] + renderSelect(select).map { "  " + $0 } + ["), \(quoteString(message)));"]
            }
        case .assert(let condition, let message):
            switch dialect.assertions {
            case .statement:
                return ["ASSERT \(render(condition, context: 0))", "  AS \(quoteString(message));"]
            case .function(let function):
                return ["SELECT \(function)(\(render(condition, context: 0)), \(quoteString(message)));"]
            }
        case .call(let procedure, let arguments):
            return ["CALL \(tableName(procedure))(\(arguments.map { render($0, context: 0) }.joined(separator: ", ")));"]
        case .select(let select):
            return renderSelect(select).joinedLast(";")
        }
    }

    func renderOptions(_ options: [SQLOption]) -> [String] {
        guard !options.isEmpty else { return [] }
        var lines = ["OPTIONS ("]
        for (index, option) in options.enumerated() {
            lines.append("  \(option.key) = \(render(.literal(option.value), context: 0))\(index < options.count - 1 ? "," : "")")
        }
        lines.append(")")
        return lines
    }

    func renderCreateTable(_ table: SQLCreateTable) -> [String] {
        if !dialect.supportsPartitioning { return renderCreateTableWithIndexes(table) }
        var lines = ["CREATE TABLE IF NOT EXISTS \(tableName(table.name)) ("]
        for (index, column) in table.columns.enumerated() {
            var line = "  \(quoteIdentifier(column.name)) \(dialect.typeName(column.type))"
            if column.notNull { line += " NOT NULL" }
            if let description = column.description { line += " OPTIONS (description = \(quoteString(description)))" }
            lines.append(line + (index < table.columns.count - 1 ? "," : ""))
        }
        lines.append(")")
        if let partition = table.partition {
            let column = quoteIdentifier(partition.column)
            lines.append("PARTITION BY \(partition.type == .timestamp ? "DATE(\(column))" : column)")
        }
        if !table.cluster.isEmpty { lines.append("CLUSTER BY \(table.cluster.map(quoteIdentifier).joined(separator: ", "))") }
        lines += renderOptions(table.options)
        return lines.joinedLast(";")
    }

    /// CREATE TABLE … STRICT (types enforced) and an index on the partition column and on the clustering columns,
    /// which is what a daily delete and the usual filters need.
    func renderCreateTableWithIndexes(_ table: SQLCreateTable) -> [String] {
        var lines: [String] = []
        if case .string(let description) = table.options.first(where: { $0.key == "description" })?.value {
            lines.append("-- \(description)")
        }
        lines.append("CREATE TABLE IF NOT EXISTS \(tableName(table.name)) (")
        for (index, column) in table.columns.enumerated() {
            var line = "  \(quoteIdentifier(column.name)) \(dialect.typeName(column.type))"
            if column.notNull { line += " NOT NULL" }
            lines.append(line + (index < table.columns.count - 1 ? "," : ""))
        }
        lines.append(") STRICT;")
        let schema = quoteIdentifier(table.name.dataset)
        if let partition = table.partition {
            lines.append("")
            lines.append(
                "CREATE INDEX IF NOT EXISTS \(schema).\(quoteIdentifier(table.name.table + "__partition")) ON \(quoteIdentifier(table.name.table)) (\(quoteIdentifier(partition.column)));")
        }
        if !table.cluster.isEmpty {
            lines.append("")
            lines.append(
                "CREATE INDEX IF NOT EXISTS \(schema).\(quoteIdentifier(table.name.table + "__cluster")) ON \(quoteIdentifier(table.name.table)) (\(table.cluster.map(quoteIdentifier).joined(separator: ", ")));")
        }
        return lines
    }

    func renderCreateProcedure(_ procedure: SQLCreateProcedure) -> [String] {
        if dialect.procedureForm == .statementList {
            var lines = ["-- procedure \(procedure.name.table)(\(procedure.parameters.map { "@\($0.name) \($0.type.rawValue)" }.joined(separator: ", ")))"]
            if case .string(let description) = procedure.options.first(where: { $0.key == "description" })?.value {
                lines.append("-- \(description)")
            }
            for statement in procedure.body {
                let rendered = render(statement)
                if rendered.isEmpty { continue }
                lines.append("")
                lines += rendered
            }
            return lines
        }
        var lines = ["CREATE OR REPLACE PROCEDURE \(tableName(procedure.name))("]
        for (index, parameter) in procedure.parameters.enumerated() {
            lines.append(
                "  \(quoteIdentifier(parameter.name)) \(parameter.type.rawValue)\(index < procedure.parameters.count - 1 ? "," : "")")
        }
        lines.append(")")
        lines += renderOptions(procedure.options)
        lines.append("BEGIN")
        for (index, statement) in procedure.body.enumerated() {
            if index > 0, !procedure.body[index - 1].isComment || statement.isComment { lines.append("") }
            lines += render(statement).map { $0.isEmpty ? $0 : "  " + $0 }
        }
        lines.append("END;")
        return lines
    }

    func renderMerge(_ merge: SQLMerge) -> [String] {
        if dialect.merges == .deleteThenInsert { return renderMergeAsDeleteInsert(merge) }
        var lines = ["MERGE \(tableName(merge.target)) AS \(quoteIdentifier(merge.targetAlias))", "USING ("]
        lines += renderSelect(merge.source).map { "  " + $0 }
        lines.append(") AS \(quoteIdentifier(merge.sourceAlias))")
        lines += renderCondition("ON", merge.on)
        let source = quoteIdentifier(merge.sourceAlias)
        if !merge.updateColumns.isEmpty {
            lines.append("WHEN MATCHED THEN")
            lines.append("  UPDATE SET")
            for (index, column) in merge.updateColumns.enumerated() {
                let name = quoteIdentifier(column)
                lines.append("    \(name) = \(source).\(name)\(index < merge.updateColumns.count - 1 ? "," : "")")
            }
        }
        lines.append("WHEN NOT MATCHED THEN")
        lines.append("  INSERT (\(merge.insertColumns.map(quoteIdentifier).joined(separator: ", ")))")
        lines.append("  VALUES (\(merge.insertColumns.map { "\(source).\(quoteIdentifier($0))" }.joined(separator: ", ")))")
        return lines.joinedLast(";")
    }

    /// MERGE for engines without it: delete the target rows a source row matches, then insert every source row.
    /// Equivalent to a merge that updates every non-key column; the statement list runs in one transaction.
    func renderMergeAsDeleteInsert(_ merge: SQLMerge) -> [String] {
        var lines = ["DELETE FROM \(tableName(merge.target)) AS \(quoteIdentifier(merge.targetAlias))", "WHERE EXISTS ("]
        let source = merge.source
        // The source's own FROM keeps its aliases; the match condition refers to it as a derived table.
        lines.append("  SELECT 1")
        lines.append("  FROM (")
        lines += renderSelect(source).map { "    " + $0 }
        lines.append("  ) AS \(quoteIdentifier(merge.sourceAlias))")
        lines += renderCondition("WHERE", merge.on, indent: "  ")
        lines.append(");")
        lines.append("")
        var insert = ["INSERT INTO \(tableName(merge.target)) ("]
        insert += merge.insertColumns.enumerated().map { "  " + quoteIdentifier($0.element) + ($0.offset < merge.insertColumns.count - 1 ? "," : "") }
        insert.append(")")
        insert += renderSelect(merge.source)
        return lines + insert.joinedLast(";")
    }

    /// `KEYWORD a` and, for an AND chain, one conjunct per line.
    func renderCondition(_ keyword: String, _ condition: SQLExpr, indent: String = "") -> [String] {
        let conjuncts = condition.conjuncts
        var lines = ["\(indent)\(keyword) \(render(conjuncts[0], context: Precedence.and + 1))"]
        for conjunct in conjuncts.dropFirst() {
            lines.append("\(indent)  AND \(render(conjunct, context: Precedence.and + 1))")
        }
        return lines
    }

    func renderSelect(_ select: SQLSelect) -> [String] {
        var lines = ["SELECT"]
        for (index, item) in select.items.enumerated() {
            var line = "  " + render(item.expression, context: 0)
            if let alias = item.alias { line += " AS \(quoteIdentifier(alias))" }
            lines.append(line + (index < select.items.count - 1 ? "," : ""))
        }
        if let from = select.from { lines.append("FROM \(render(from))") }
        for join in select.joins {
            lines.append("\(join.kind.rawValue) \(render(join.item))")
            if let on = join.on { lines += renderCondition("ON", on, indent: "  ") }
        }
        if let filter = select.filter { lines += renderCondition("WHERE", filter) }
        if !select.groupBy.isEmpty {
            lines.append("GROUP BY")
            for (index, expression) in select.groupBy.enumerated() {
                lines.append("  " + render(expression, context: 0) + (index < select.groupBy.count - 1 ? "," : ""))
            }
        }
        if let having = select.having { lines += renderCondition("HAVING", having) }
        for branch in select.unionAll {
            lines.append("UNION ALL")
            lines += renderSelect(branch)
        }
        return lines
    }

    func render(_ item: SQLFromItem) -> String {
        switch item {
        case .table(let name, let alias):
            return "\(tableName(name)) AS \(quoteIdentifier(alias))"
        case .dateSpine(let from, let to, let alias):
            switch dialect.dateSpines {
            case .unnestGenerateDateArray:
                return "UNNEST(GENERATE_DATE_ARRAY(\(render(from, context: 0)), \(render(to, context: 0)))) AS \(quoteIdentifier(alias))"
            case .jsonEach(let function):
                return "json_each(\(function)(\(render(from, context: 0)), \(render(to, context: 0)))) AS \(quoteIdentifier(alias))"
            }
        }
    }

    // MARK: - Expressions

    enum Precedence {
        static let or = 1, and = 2, not = 3, comparison = 4, additive = 5, multiplicative = 6, unary = 7, primary = 8
    }

    static func precedence(of op: BinaryOperator) -> Int {
        switch op {
        case .or: Precedence.or
        case .and: Precedence.and
        case .add, .subtract: Precedence.additive
        case .multiply, .divide, .concat: Precedence.multiplicative
        default: Precedence.comparison
        }
    }

    /// Renders an expression inside a context of the given precedence, adding parentheses when needed.
    func render(_ expression: SQLExpr, context: Int) -> String {
        let (text, precedence) = renderWithPrecedence(expression)
        return precedence < context ? "(\(text))" : text
    }

    func renderWithPrecedence(_ expression: SQLExpr) -> (String, Int) {
        switch expression {
        case .column(let qualifier, let name):
            return ((qualifier.map { quoteIdentifier($0) + "." } ?? "") + quoteIdentifier(name), Precedence.primary)
        case .variable(let name):
            switch dialect.argumentReferences {
            case .identifier: return (quoteIdentifier(name), Precedence.primary)
            case .boundParameter: return ("@" + name, Precedence.primary)
            }
        case .spineDay(let alias):
            switch dialect.dateSpines {
            case .unnestGenerateDateArray: return (quoteIdentifier(alias), Precedence.primary)
            case .jsonEach: return (quoteIdentifier(alias) + ".value", Precedence.primary)
            }
        case .queryParameter(let name):
            return ("@" + name, Precedence.primary)
        case .literal(let literal):
            return (render(literal), Precedence.primary)
        case .negate(let operand):
            return ("-" + render(operand, context: Precedence.unary + 1), Precedence.unary)
        case .not(let operand):
            return ("NOT " + render(operand, context: Precedence.not), Precedence.not)
        case .binary(.divide, let left, let right) where dialect.functions == .sqlite:
            // SQLite divides integers as integers and returns NULL for x / 0; BigQuery's `/` never truncates and
            // fails on zero. The registered function does what BigQuery does.
            // The registered function only runs for a zero divisor (to raise BigQuery's error); every other row
            // divides natively.
            let l = render(left, context: 0)
            let r = render(right, context: 0)
            return ("CASE WHEN \(r) = 0 THEN cloudact_divide(\(l), \(r)) ELSE CAST(\(l) AS REAL) / \(r) END", Precedence.primary)
        case .binary(let op, let left, let right):
            let p = Self.precedence(of: op)
            let rightContext = op.isComparison ? p + 1 : p + 1
            let leftContext = op.isComparison ? p + 1 : p
            return ("\(render(left, context: leftContext)) \(op.rawValue) \(render(right, context: rightContext))", p)
        case .isNull(let operand, let negated):
            return ("\(render(operand, context: Precedence.comparison + 1)) IS \(negated ? "NOT " : "")NULL", Precedence.comparison)
        case .isNotDistinctFrom(let left, let right):
            return (
                "\(render(left, context: Precedence.comparison + 1)) \(dialect.nullSafeEquality) \(render(right, context: Precedence.comparison + 1))",
                Precedence.comparison
            )
        case .inList(let operand, let items, let negated):
            let list = items.map { render($0, context: 0) }.joined(separator: ", ")
            return ("\(render(operand, context: Precedence.comparison + 1)) \(negated ? "NOT " : "")IN (\(list))", Precedence.comparison)
        case .between(let operand, let low, let high, let negated):
            let c = Precedence.comparison + 1
            return (
                "\(render(operand, context: c)) \(negated ? "NOT " : "")BETWEEN \(render(low, context: c)) AND \(render(high, context: c))",
                Precedence.comparison
            )
        case .like(let operand, let pattern, let negated):
            let c = Precedence.comparison + 1
            // BigQuery's LIKE takes `\` as its escape character; SQLite has none unless told.
            let escape = dialect.functions == .sqlite ? " ESCAPE '\\'" : ""
            return (
                "\(render(operand, context: c)) \(negated ? "NOT " : "")LIKE \(render(pattern, context: c))\(escape)", Precedence.comparison
            )
        case .caseWhen(let operand, let whens, let otherwise):
            var text = "CASE"
            if let operand { text += " " + render(operand, context: 0) }
            for branch in whens { text += " WHEN \(render(branch.condition, context: 0)) THEN \(render(branch.result, context: 0))" }
            if let otherwise { text += " ELSE \(render(otherwise, context: 0))" }
            return (text + " END", Precedence.primary)
        case .cast(let operand, let type, let safe, let from):
            if dialect.functions == .sqlite {
                let source = from.map { ", '\($0.rawValue)'" } ?? ""
                return ("cloudact_cast(\(render(operand, context: 0)), '\(type.rawValue)', \(safe ? 1 : 0)\(source))", Precedence.primary)
            }
            return ("\(safe ? "SAFE_CAST" : "CAST")(\(render(operand, context: 0)) AS \(type.rawValue))", Precedence.primary)
        case .dateToTimestamp(let date):
            if dialect.functions == .sqlite { return ("(\(render(date, context: 0)) || 'T00:00:00.000000Z')", Precedence.primary) }
            return ("TIMESTAMP(\(render(date, context: 0)))", Precedence.primary)
        case .timestampToDate(let timestamp):
            if dialect.functions == .sqlite { return ("substr(\(render(timestamp, context: 0)), 1, 10)", Precedence.primary) }
            return ("DATE(\(render(timestamp, context: 0)))", Precedence.primary)
        case .function(let function, let arguments):
            return renderFunction(function, arguments)
        case .countStar:
            return ("COUNT(*)", Precedence.primary)
        case .interval(let amount, let part):
            if dialect.functions == .sqlite {
                return ("\(render(amount, context: 0)), '\(part.rawValue)'", Precedence.primary)
            }
            return ("INTERVAL \(render(amount, context: Precedence.unary)) \(part.rawValue)", Precedence.primary)
        case .datePart(let part):
            return (dialect.functions == .sqlite ? "'\(part.rawValue)'" : part.rawValue, Precedence.primary)
        case .exists(let select):
            let body = renderSelect(select).joined(separator: " ")
            return ("EXISTS (\(body))", Precedence.primary)
        }
    }

    /// A library function in the dialect's rendering (Docs/SQLITE.md lists the SQLite mapping and why).
    func renderFunction(_ function: SQLFunction, _ arguments: [SQLExpr]) -> (String, Int) {
        let args = arguments.map { render($0, context: 0) }
        func call(_ name: String, _ list: [String]) -> (String, Int) {
            ("\(name)(\(list.joined(separator: ", ")))", Precedence.primary)
        }
        switch dialect.functions {
        case .googleSQL:
            if function == .extract, args.count == 2 {
                return ("EXTRACT(\(args[0]) FROM \(args[1]))", Precedence.primary)
            }
            return call(function.rawValue, args)
        case .sqlite:
            switch function {
            case .coalesce where args.count == 1:
                // SQLite refuses a one-argument coalesce(); the value is its own coalesce.
                return (render(arguments[0], context: Precedence.primary), Precedence.primary)
            case .coalesce, .ifNull, .nullIf, .abs, .round, .sum, .avg, .count, .min, .max:
                return call(function.rawValue.lowercased(), args)
            case .jsonObject:
                return call("json_object", args)
            case .if:
                return ("CASE WHEN \(args[0]) THEN \(args[1]) ELSE \(args[2]) END", Precedence.primary)
            case .least, .greatest:
                // SQLite's one-argument min/max are aggregates; one value is its own least.
                if args.count == 1 { return (render(arguments[0], context: Precedence.primary), Precedence.primary) }
                return call(function == .least ? "min" : "max", args)
            case .concat:
                if args.count == 1 { return call("cloudact_string", args) }
                return (arguments.map { render($0, context: Precedence.multiplicative + 1) }.joined(separator: " || "), Precedence.multiplicative)
            case .countIf:
                return ("count(CASE WHEN \(args[0]) THEN 1 END)", Precedence.primary)
            case .anyValue:
                return call("min", args)
            // Exact native forms where the text representation makes them trivial (no call into Swift per row).
            case .currentTimestamp:
                return ("@_cloudact_now", Precedence.primary)
            case .currentDate:
                return ("@_cloudact_today", Precedence.primary)
            case .dateTrunc where arguments.count == 2 && arguments[1] == .datePart(.month):
                return ("(substr(\(args[0]), 1, 7) || '-01')", Precedence.primary)
            case .dateTrunc where arguments.count == 2 && arguments[1] == .datePart(.year):
                return ("(substr(\(args[0]), 1, 4) || '-01-01')", Precedence.primary)
            case .dateAdd where arguments.count == 2:
                if case .interval(let amount, .day) = arguments[1] {
                    return ("date(\(args[0]), (\(render(amount, context: 0))) || ' days')", Precedence.primary)
                }
                // The first of a month plus whole months never needs BigQuery's end-of-month clamping, so SQLite's
                // own month arithmetic is exact there.
                if case .function(.dateTrunc, let truncated) = arguments[0], truncated.count == 2,
                    truncated[1] == .datePart(.month) || truncated[1] == .datePart(.year),
                    case .interval(let amount, let part) = arguments[1], part == .month || part == .year
                {
                    let months = part == .year ? "((\(render(amount, context: 0))) * 12)" : "(\(render(amount, context: 0)))"
                    return ("date(\(args[0]), \(months) || ' months')", Precedence.primary)
                }
                return call("cloudact_date_add", args)
            case .dateAdd, .dateSub, .dateTrunc, .dateDiff, .lastDay, .extract, .date, .timestamp, .formatDate,
                .div, .mod, .safeDivide, .lower, .upper, .trim, .substr, .regexpContains, .regexpExtract, .startsWith:
                var list = args
                if function == .lastDay, list.count == 1 { list.append("'MONTH'") }
                return call("cloudact_" + function.rawValue.lowercased(), list)
            }
        }
    }

    func render(_ literal: SQLLiteral) -> String {
        switch literal {
        case .integer(let text): text
        case .decimal(let text, let type):
            switch dialect.decimalLiterals {
            case .typed: "\(type.rawValue) \(quoteString(text))"
            case .bare: text
            }
        case .string(let value): quoteString(value)
        case .bool(let value): value ? "TRUE" : "FALSE"
        case .null: "NULL"
        case .date(let value): dialect.functions == .googleSQL ? "DATE \(quoteString(value))" : quoteString(value)
        case .json(let value): dialect.functions == .googleSQL ? "JSON \(quoteString(value))" : "json(\(quoteString(value)))"
        case .timestamp(let value):
            dialect.functions == .googleSQL ? "TIMESTAMP \(quoteString(value))" : "cloudact_timestamp(\(quoteString(value)))"
        }
    }
}

extension SQLStatement {
    var isComment: Bool {
        if case .comment = self { return true }
        return false
    }
}

extension SQLExpr {
    /// The top-level conjuncts of an AND chain.
    var conjuncts: [SQLExpr] {
        if case .binary(.and, let l, let r) = self { return l.conjuncts + r.conjuncts }
        return [self]
    }
}

extension Array where Element == String {
    /// Appends `suffix` to the last line (statement terminators).
    func joinedLast(_ suffix: String) -> [String] {
        guard !isEmpty else { return self }
        var copy = self
        copy[copy.count - 1] += suffix
        return copy
    }
}
