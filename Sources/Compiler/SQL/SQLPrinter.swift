internal import PipelineDSL

/// Prints the SQL AST as text for one dialect. Layout is decided here, once: upper-case keywords, one clause
/// per line, two-space indentation, a trailing newline. Identifiers are quoted in ``quoteIdentifier(_:)`` and
/// string literals escaped in ``quoteString(_:)``, and nowhere else.
///
/// Everything is written into one ``SQLOutput`` buffer: a statement is a sequence of lines, and a nested block
/// (a procedure body, a MERGE source) is the same lines with more indentation.
public struct SQLPrinter: Sendable {
    public var dialect: SQLDialect {
        didSet { reserved = ReservedWords(dialect.reservedWords) }
    }
    /// The dialect's reserved words, arranged for ``isPlainUnreserved(_:)``.
    private var reserved: ReservedWords

    public init(dialect: SQLDialect) {
        self.dialect = dialect
        reserved = ReservedWords(dialect.reservedWords)
    }

    /// Reserved words by length and first letter, as lower-case bytes: a name is compared with the few words of
    /// its own shape, byte by byte and case-insensitively, without hashing or lower-casing it. This runs for
    /// every identifier printed.
    struct ReservedWords: Sendable {
        /// Index `length * 27 + letter` (a-z, then `_`) for lengths below 32.
        private var byShape: [[[UInt8]]]
        /// Words that do not fit the table (32 bytes or more, or starting with another byte), in lower case.
        private var others: Set<String>

        init(_ words: Set<String>) {
            byShape = Array(repeating: [], count: 32 * 27)
            others = []
            for word in SQLPrinter.lowercased(words) {
                let bytes = Array(word.utf8)
                if let first = bytes.first, bytes.count < 32, let letter = ReservedWords.letter(first) {
                    byShape[bytes.count * 27 + letter].append(bytes)
                } else if !bytes.isEmpty {
                    others.insert(word)
                }
            }
        }

        /// 0–25 for a-z (either case), 26 for `_`.
        static func letter(_ byte: UInt8) -> Int? {
            let lower = byte | 0x20
            if lower >= 0x61 && lower <= 0x7A { return Int(lower - 0x61) }
            return byte == 0x5F ? 26 : nil
        }

        /// True if `name` (a plain ASCII name of `length` bytes) is a reserved word in any case.
        func contains(_ name: String, length: Int) -> Bool {
            if !others.isEmpty, others.contains(name.lowercased()) { return true }
            guard length < 32, let first = name.utf8.first, let letter = Self.letter(first) else { return false }
            let candidates = byShape[length * 27 + letter]
            if candidates.isEmpty { return false }
            var name = name
            return name.withUTF8 { bytes in
                candidates.contains { word in
                    // ASCII letters, digits and `_`: OR-ing 0x20 lower-cases letters and leaves the others alone.
                    zip(word, bytes).allSatisfy { expected, byte in expected == byte | 0x20 || expected == byte }
                }
            }
        }
    }

    /// A plain name is reserved if its upper-case form is in the list. Plain names are ASCII, so only ASCII
    /// words already in upper case can match, and for those comparing lower-case forms is the same test.
    private static func lowercased(_ words: Set<String>) -> Set<String> {
        Set(words.filter { $0.utf8.allSatisfy { $0 < 0x80 } && $0 == $0.uppercased() }.map { $0.lowercased() })
    }

    // MARK: - Quoting (the only two places)

    /// An identifier, quoted if it is reserved or not a plain name.
    public func quoteIdentifier(_ name: String) -> String {
        isPlainUnreserved(name) ? name : quotePath(name)
    }

    /// True if `name` is `[A-Za-z_][A-Za-z0-9_]*` and not a reserved word (in any case).
    private func isPlainUnreserved(_ name: String) -> Bool {
        // Byte checks: Character's isLetter consults Unicode tables, and this runs for every identifier printed.
        var contiguous = name
        let plain = contiguous.withUTF8 { bytes -> Bool in
            for (index, byte) in bytes.enumerated() {
                let letter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == 0x5F
                let digit = byte >= 0x30 && byte <= 0x39
                if !(letter || (index > 0 && digit)) { return false }
            }
            return !bytes.isEmpty
        }
        return plain && !reserved.contains(name, length: name.utf8.count)
    }

    /// A quoted path or identifier: `` `a.b.c` ``; the quote character and backslashes are escaped.
    func quotePath(_ text: String) -> String {
        var out = SQLOutput()
        writeQuotedPath(text, into: &out)
        return out.text
    }

    /// True if `text` holds the identifier quote, or a backslash where backslashes escape.
    func needsEscaping(_ text: String, quote: UInt8) -> Bool {
        let backslash = dialect.stringEscaping == .backslash
        var text = text
        return text.withUTF8 { bytes in bytes.contains { $0 == quote || (backslash && $0 == 0x5C) } }
    }

    func writeQuotedPath(_ text: String, into out: inout SQLOutput) {
        let q = dialect.identifierQuote
        out.write(q)
        let backslash = dialect.stringEscaping == .backslash
        if let quote = q.asciiValue, !needsEscaping(text, quote: quote) {
            out.write(text)
        } else {
            for character in text {
                if character == q { out.write(backslash ? "\\\(q)" : "\(q)\(q)") }
                else if character == "\\" && backslash { out.write("\\\\") }
                else { out.write(character) }
            }
        }
        out.write(q)
    }

    func writeIdentifier(_ name: String, into out: inout SQLOutput) {
        if isPlainUnreserved(name) { out.write(name) } else { writeQuotedPath(name, into: &out) }
    }

    /// A string literal with every special character escaped.
    public func quoteString(_ value: String) -> String {
        var out = SQLOutput()
        writeString(value, into: &out)
        return out.text
    }

    func writeString(_ value: String, into out: inout SQLOutput) {
        out.write("'")
        let backslash = dialect.stringEscaping == .backslash
        // Most literals have nothing to escape: copy them whole.
        var contiguous = value
        let needsEscaping = contiguous.withUTF8 { bytes in
            bytes.contains { byte in byte == 0x27 || (backslash && (byte == 0x5C || byte < 0x20 || byte == 0x7F)) }
        }
        if !needsEscaping {
            out.write(value)
            out.write("'")
            return
        }
        for scalar in value.unicodeScalars {
            switch dialect.stringEscaping {
            case .doubledQuote:
                if scalar == "'" { out.write("''") } else { out.write(scalar) }
            case .backslash:
                switch scalar {
                case "'": out.write("\\'")
                case "\\": out.write("\\\\")
                case "\n": out.write("\\n")
                case "\r": out.write("\\r")
                case "\t": out.write("\\t")
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        let hex = String(scalar.value, radix: 16)
                        out.write("\\x" + (hex.count == 1 ? "0" + hex : hex))
                    } else {
                        out.write(scalar)
                    }
                }
            }
        }
        out.write("'")
    }

    func tableName(_ name: SQLTableName) -> String {
        var out = SQLOutput()
        writeTableName(name, into: &out)
        return out.text
    }

    func writeTableName(_ name: SQLTableName, into out: inout SQLOutput) {
        if dialect.qualifiesWithProject, let project = name.project {
            // The usual case, names without the quote or a backslash, is written piece by piece, without
            // building the joined path first.
            if let quote = dialect.identifierQuote.asciiValue,
                !needsEscaping(project, quote: quote), !needsEscaping(name.dataset, quote: quote),
                !needsEscaping(name.table, quote: quote)
            {
                out.write(dialect.identifierQuote)
                out.write(project)
                out.write(".")
                out.write(name.dataset)
                out.write(".")
                out.write(name.table)
                out.write(dialect.identifierQuote)
                return
            }
            writeQuotedPath("\(project).\(name.dataset).\(name.table)", into: &out)
            return
        }
        writeIdentifier(name.dataset, into: &out)
        out.write(".")
        writeIdentifier(name.table, into: &out)
    }

    // MARK: - Statements

    /// A script: statements separated by blank lines, each ending with `;`, and a final newline.
    public func print(_ statements: [SQLStatement]) -> String {
        print(statements, reusing: [:])
    }

    /// `print(statements)`, where the statements at some indices were already printed on their own
    /// (`print([statement])`): that text is reused instead of rendering them again.
    func print(_ statements: [SQLStatement], reusing printed: [Int: String]) -> String {
        var out = SQLOutput(capacity: 4096)
        for (index, statement) in statements.enumerated() {
            if index > 0, !statements[index - 1].isComment || statement.isComment { out.line() }
            if let text = printed[index] {
                // A statement printed alone starts a line at the top level and ends with the script's final newline.
                out.line()
                out.appendRaw(text, droppingLastBytes: 1)
            } else {
                render(statement, into: &out)
            }
        }
        out.write("\n")
        return out.text
    }

    /// Prints one CREATE PROCEDURE whose body was already rendered by ``renderBody(of:)``: the same text as
    /// `print([.createProcedure(procedure)])`. The compiler prints a procedure twice (without and with its
    /// content hash in the description); the body, which is most of the text, is rendered once.
    func print(_ procedure: SQLCreateProcedure, renderedBody body: SQLOutput.Chunk) -> String {
        var out = SQLOutput(capacity: 4096)
        renderCreateProcedure(procedure, body: body, into: &out)
        out.write("\n")
        return out.text
    }

    /// The body of a CREATE PROCEDURE as ``print(_:renderedBody:)`` takes it.
    func renderBody(of procedure: SQLCreateProcedure) -> SQLOutput.Chunk {
        var out = SQLOutput.chunk()
        renderProcedureBody(procedure, into: &out)
        return out.finishChunk()
    }

    /// True if `statement` prints no line at all in this dialect.
    func rendersNothing(_ statement: SQLStatement) -> Bool {
        switch statement {
        case .beginTransaction, .commitTransaction: dialect.procedureForm != .storedProcedure
        default: false
        }
    }

    /// Writes a statement's lines. The first line is begun here; the last line is left open (no line break).
    func render(_ statement: SQLStatement, into out: inout SQLOutput) {
        switch statement {
        case .comment(let text):
            // One `-- ` line per line of the text. A CR LF pair is a single Character, not a "\n", so text with a
            // CR keeps the Character split; without one, splitting the bytes at LF is the same and much cheaper.
            if text.utf8.contains(0x0D) {
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    out.line("-- ")
                    out.write(line)
                }
            } else {
                var text = text
                text.withUTF8 { bytes in
                    var start = 0
                    for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x0A {
                        out.line("-- ")
                        out.write(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                        start = end + 1
                    }
                }
            }
        case .createTable(let table):
            renderCreateTable(table, into: &out)
        case .createProcedure(let procedure):
            renderCreateProcedure(procedure, body: nil, into: &out)
        case .beginTransaction:
            if dialect.procedureForm == .storedProcedure { out.line("BEGIN TRANSACTION;") }
        case .commitTransaction:
            if dialect.procedureForm == .storedProcedure { out.line("COMMIT TRANSACTION;") }
        case .delete(let table, let alias, let filter):
            out.line("DELETE FROM ")
            writeTableName(table, into: &out)
            out.write(" AS ")
            writeIdentifier(alias, into: &out)
            renderCondition("WHERE", filter, into: &out)
            out.write(";")
        case .insert(let table, let columns, let select):
            renderInsert(table, columns: columns, select: select, into: &out)
            out.write(";")
        case .merge(let merge):
            renderMerge(merge, into: &out)
        case .assert(.not(.exists(let select)), let message):
            switch dialect.assertions {
            case .statement:
                out.line("ASSERT NOT EXISTS (")
                renderNested(select, into: &out)
                out.line(") AS ")
                writeString(message, into: &out)
                out.write(";")
            case .function(let function):
                out.line("SELECT ")
                out.write(function)
                out.write("(NOT EXISTS (")
                renderNested(select, into: &out)
                out.line("), ")
                writeString(message, into: &out)
                out.write(");")
            }
        case .assert(let condition, let message):
            switch dialect.assertions {
            case .statement:
                out.line("ASSERT ")
                write(condition, context: 0, into: &out)
                out.line("  AS ")
                writeString(message, into: &out)
                out.write(";")
            case .function(let function):
                out.line("SELECT ")
                out.write(function)
                out.write("(")
                write(condition, context: 0, into: &out)
                out.write(", ")
                writeString(message, into: &out)
                out.write(");")
            }
        case .call(let procedure, let arguments):
            out.line("CALL ")
            writeTableName(procedure, into: &out)
            out.write("(")
            writeList(arguments, into: &out)
            out.write(");")
        case .select(let select):
            renderSelect(select, into: &out)
            out.write(";")
        }
    }

    /// `INSERT INTO t (` one column per line `)` and the SELECT (without the terminator).
    func renderInsert(_ table: SQLTableName, columns: [String], select: SQLSelect, into out: inout SQLOutput) {
        out.line("INSERT INTO ")
        writeTableName(table, into: &out)
        out.write(" (")
        writeColumnLines(columns, into: &out)
        out.line(")")
        renderSelect(select, into: &out)
    }

    /// `  a,` … `  z`, one per line.
    func writeColumnLines(_ columns: [String], into out: inout SQLOutput) {
        for (index, column) in columns.enumerated() {
            out.line("  ")
            writeIdentifier(column, into: &out)
            if index < columns.count - 1 { out.write(",") }
        }
    }

    func renderOptions(_ options: [SQLOption], into out: inout SQLOutput) {
        guard !options.isEmpty else { return }
        out.line("OPTIONS (")
        for (index, option) in options.enumerated() {
            out.line("  ")
            out.write(option.key)
            out.write(" = ")
            write(option.value, into: &out)
            if index < options.count - 1 { out.write(",") }
        }
        out.line(")")
    }

    func renderCreateTable(_ table: SQLCreateTable, into out: inout SQLOutput) {
        if !dialect.supportsPartitioning { return renderCreateTableWithIndexes(table, into: &out) }
        out.line("CREATE TABLE IF NOT EXISTS ")
        writeTableName(table.name, into: &out)
        out.write(" (")
        for (index, column) in table.columns.enumerated() {
            out.line("  ")
            writeIdentifier(column.name, into: &out)
            out.write(" ")
            out.write(dialect.typeName(column.type))
            if column.notNull { out.write(" NOT NULL") }
            if let description = column.description {
                out.write(" OPTIONS (description = ")
                writeString(description, into: &out)
                out.write(")")
            }
            if index < table.columns.count - 1 { out.write(",") }
        }
        out.line(")")
        if let partition = table.partition {
            let column = quoteIdentifier(partition.column)
            out.line("PARTITION BY ")
            out.write(partition.type == .timestamp ? "DATE(\(column))" : column)
        }
        if !table.cluster.isEmpty {
            out.line("CLUSTER BY ")
            writeIdentifierList(table.cluster, into: &out)
        }
        renderOptions(table.options, into: &out)
        out.write(";")
    }

    func writeIdentifierList(_ names: [String], into out: inout SQLOutput) {
        for (index, name) in names.enumerated() {
            if index > 0 { out.write(", ") }
            writeIdentifier(name, into: &out)
        }
    }

    /// CREATE TABLE … STRICT (types enforced) and an index on the partition column and on the clustering columns,
    /// which is what a daily delete and the usual filters need.
    func renderCreateTableWithIndexes(_ table: SQLCreateTable, into out: inout SQLOutput) {
        if case .string(let description) = table.options.first(where: { $0.key == "description" })?.value {
            out.line("-- ")
            out.write(description)
        }
        out.line("CREATE TABLE IF NOT EXISTS ")
        writeTableName(table.name, into: &out)
        out.write(" (")
        for (index, column) in table.columns.enumerated() {
            out.line("  ")
            writeIdentifier(column.name, into: &out)
            out.write(" ")
            out.write(dialect.typeName(column.type))
            if column.notNull { out.write(" NOT NULL") }
            if index < table.columns.count - 1 { out.write(",") }
        }
        out.line(") STRICT;")
        let schema = quoteIdentifier(table.name.dataset)
        if let partition = table.partition {
            out.line()
            out.line(
                "CREATE INDEX IF NOT EXISTS \(schema).\(quoteIdentifier(table.name.table + "__partition")) ON \(quoteIdentifier(table.name.table)) (\(quoteIdentifier(partition.column)));")
        }
        if !table.cluster.isEmpty {
            out.line()
            out.line(
                "CREATE INDEX IF NOT EXISTS \(schema).\(quoteIdentifier(table.name.table + "__cluster")) ON \(quoteIdentifier(table.name.table)) (\(table.cluster.map(quoteIdentifier).joined(separator: ", ")));")
        }
    }

    /// The header, the body (rendered here, or already rendered by ``renderBody(of:)``) and the end.
    func renderCreateProcedure(_ procedure: SQLCreateProcedure, body: SQLOutput.Chunk?, into out: inout SQLOutput) {
        if dialect.procedureForm == .statementList {
            out.line("-- procedure \(procedure.name.table)(\(procedure.parameters.map { "@\($0.name) \($0.type.rawValue)" }.joined(separator: ", ")))")
            if case .string(let description) = procedure.options.first(where: { $0.key == "description" })?.value {
                out.line("-- ")
                out.write(description)
            }
            if let body { out.append(body) } else { renderProcedureBody(procedure, into: &out) }
            return
        }
        out.line("CREATE OR REPLACE PROCEDURE ")
        writeTableName(procedure.name, into: &out)
        out.write("(")
        for (index, parameter) in procedure.parameters.enumerated() {
            out.line("  ")
            writeIdentifier(parameter.name, into: &out)
            out.write(" ")
            out.write(parameter.type.rawValue)
            if index < procedure.parameters.count - 1 { out.write(",") }
        }
        out.line(")")
        renderOptions(procedure.options, into: &out)
        out.line("BEGIN")
        if let body { out.append(body) } else { renderProcedureBody(procedure, into: &out) }
        out.line("END;")
    }

    /// The statements between BEGIN and END (indented), or the statement list, each after a blank line.
    func renderProcedureBody(_ procedure: SQLCreateProcedure, into out: inout SQLOutput) {
        if dialect.procedureForm == .statementList {
            for statement in procedure.body where !rendersNothing(statement) {
                out.line()
                render(statement, into: &out)
            }
            return
        }
        out.indentation += 2
        for (index, statement) in procedure.body.enumerated() {
            if index > 0, !procedure.body[index - 1].isComment || statement.isComment { out.line() }
            render(statement, into: &out)
        }
        out.indentation -= 2
    }

    func renderMerge(_ merge: SQLMerge, into out: inout SQLOutput) {
        if dialect.merges == .deleteThenInsert { return renderMergeAsDeleteInsert(merge, into: &out) }
        out.line("MERGE ")
        writeTableName(merge.target, into: &out)
        out.write(" AS ")
        writeIdentifier(merge.targetAlias, into: &out)
        out.line("USING (")
        renderNested(merge.source, into: &out)
        out.line(") AS ")
        writeIdentifier(merge.sourceAlias, into: &out)
        renderCondition("ON", merge.on, into: &out)
        let source = quoteIdentifier(merge.sourceAlias)
        if !merge.updateColumns.isEmpty {
            out.line("WHEN MATCHED THEN")
            out.line("  UPDATE SET")
            for (index, column) in merge.updateColumns.enumerated() {
                let name = quoteIdentifier(column)
                out.line("    \(name) = \(source).\(name)\(index < merge.updateColumns.count - 1 ? "," : "")")
            }
        }
        out.line("WHEN NOT MATCHED THEN")
        out.line("  INSERT (")
        writeIdentifierList(merge.insertColumns, into: &out)
        out.write(")")
        out.line("  VALUES (\(merge.insertColumns.map { "\(source).\(quoteIdentifier($0))" }.joined(separator: ", ")))")
        out.write(";")
    }

    /// MERGE for engines without it: delete the target rows a source row matches, then insert every source row.
    /// Equivalent to a merge that updates every non-key column; the statement list runs in one transaction.
    func renderMergeAsDeleteInsert(_ merge: SQLMerge, into out: inout SQLOutput) {
        out.line("DELETE FROM ")
        writeTableName(merge.target, into: &out)
        out.write(" AS ")
        writeIdentifier(merge.targetAlias, into: &out)
        out.line("WHERE EXISTS (")
        let source = merge.source
        // The source's own FROM keeps its aliases; the match condition refers to it as a derived table.
        out.line("  SELECT 1")
        out.line("  FROM (")
        renderNested(source, indentedBy: 4, into: &out)
        out.line("  ) AS ")
        writeIdentifier(merge.sourceAlias, into: &out)
        renderCondition("WHERE", merge.on, indent: "  ", into: &out)
        out.line(");")
        out.line()
        renderInsert(merge.target, columns: merge.insertColumns, select: merge.source, into: &out)
        out.write(";")
    }

    /// `KEYWORD a` and, for an AND chain, one conjunct per line.
    func renderCondition(_ keyword: String, _ condition: SQLExpr, indent: String = "", into out: inout SQLOutput) {
        var first = true
        writeConjuncts(of: condition, keyword: keyword, indent: indent, first: &first, into: &out)
    }

    /// The top-level conjuncts of an AND chain, left to right, one per line (a method rather than a closure:
    /// this is on the printer's hottest path).
    func writeConjuncts(
        of condition: SQLExpr, keyword: String, indent: String, first: inout Bool, into out: inout SQLOutput
    ) {
        if case .binary(.and, let l, let r) = condition {
            writeConjuncts(of: l, keyword: keyword, indent: indent, first: &first, into: &out)
            writeConjuncts(of: r, keyword: keyword, indent: indent, first: &first, into: &out)
            return
        }
        out.line(indent)
        out.write(first ? keyword : "  AND")
        out.write(" ")
        write(condition, context: Precedence.and + 1, into: &out)
        first = false
    }

    /// A SELECT inside parentheses or another statement: its lines indented further (two spaces by default).
    func renderNested(_ select: SQLSelect, indentedBy spaces: Int = 2, into out: inout SQLOutput) {
        out.indentation += spaces
        renderSelect(select, into: &out)
        out.indentation -= spaces
    }

    func renderSelect(_ select: SQLSelect, into out: inout SQLOutput) {
        out.line("SELECT")
        for (index, item) in select.items.enumerated() {
            out.line("  ")
            write(item.expression, context: 0, into: &out)
            if let alias = item.alias {
                out.write(" AS ")
                writeIdentifier(alias, into: &out)
            }
            if index < select.items.count - 1 { out.write(",") }
        }
        if let from = select.from {
            out.line("FROM ")
            write(from, into: &out)
        }
        for join in select.joins {
            out.line(join.kind.rawValue)
            out.write(" ")
            write(join.item, into: &out)
            if let on = join.on { renderCondition("ON", on, indent: "  ", into: &out) }
        }
        if let filter = select.filter { renderCondition("WHERE", filter, into: &out) }
        if !select.groupBy.isEmpty {
            out.line("GROUP BY")
            for (index, expression) in select.groupBy.enumerated() {
                out.line("  ")
                write(expression, context: 0, into: &out)
                if index < select.groupBy.count - 1 { out.write(",") }
            }
        }
        if let having = select.having { renderCondition("HAVING", having, into: &out) }
        for branch in select.unionAll {
            out.line("UNION ALL")
            renderSelect(branch, into: &out)
        }
    }

    func render(_ item: SQLFromItem) -> String {
        var out = SQLOutput()
        write(item, into: &out)
        return out.text
    }

    func write(_ item: SQLFromItem, into out: inout SQLOutput) {
        switch item {
        case .table(let name, let alias):
            writeTableName(name, into: &out)
            out.write(" AS ")
            writeIdentifier(alias, into: &out)
        case .dateSpine(let from, let to, let alias):
            switch dialect.dateSpines {
            case .unnestGenerateDateArray:
                out.write("UNNEST(GENERATE_DATE_ARRAY(")
                write(from, context: 0, into: &out)
                out.write(", ")
                write(to, context: 0, into: &out)
                out.write(")) AS ")
            case .jsonEach(let function):
                out.write("json_each(")
                out.write(function)
                out.write("(")
                write(from, context: 0, into: &out)
                out.write(", ")
                write(to, context: 0, into: &out)
                out.write(")) AS ")
            }
            writeIdentifier(alias, into: &out)
        case .subquery(let select, let alias):
            out.write("(")
            renderNested(select, into: &out)
            out.line(") AS ")
            writeIdentifier(alias, into: &out)
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
        var out = SQLOutput()
        write(expression, context: context, into: &out)
        return out.text
    }

    /// Writes `expression`, in parentheses if it binds less tightly than `context`.
    func write(_ expression: SQLExpr, context: Int, into out: inout SQLOutput) {
        if precedence(of: expression) < context {
            out.write("(")
            writeExpression(expression, into: &out)
            out.write(")")
        } else {
            writeExpression(expression, into: &out)
        }
    }

    /// `a, b, c` at context 0.
    func writeList(_ expressions: [SQLExpr], into out: inout SQLOutput) {
        for (index, expression) in expressions.enumerated() {
            if index > 0 { out.write(", ") }
            write(expression, context: 0, into: &out)
        }
    }

    /// How tightly the printed form of `expression` binds (what ``writeExpression(_:into:)`` writes).
    func precedence(of expression: SQLExpr) -> Int {
        switch expression {
        case .negate: return Precedence.unary
        case .not: return Precedence.not
        case .binary(.divide, _, _) where dialect.functions == .sqlite: return Precedence.primary
        case .binary(let op, _, _): return Self.precedence(of: op)
        case .isNull, .isNotDistinctFrom, .inList, .between, .like: return Precedence.comparison
        case .function(let function, let arguments):
            if dialect.functions == .sqlite, function == .concat, arguments.count != 1 { return Precedence.multiplicative }
            return Precedence.primary
        case .column, .variable, .spineDay, .queryParameter, .literal, .caseWhen, .cast, .dateToTimestamp,
            .timestampToDate, .countStar, .interval, .datePart, .exists:
            return Precedence.primary
        }
    }

    /// The expression's text and its precedence.
    func renderWithPrecedence(_ expression: SQLExpr) -> (String, Int) {
        var out = SQLOutput()
        writeExpression(expression, into: &out)
        return (out.text, precedence(of: expression))
    }

    /// Writes an expression without outer parentheses.
    func writeExpression(_ expression: SQLExpr, into out: inout SQLOutput) {
        switch expression {
        case .column(let qualifier, let name):
            if let qualifier {
                writeIdentifier(qualifier, into: &out)
                out.write(".")
            }
            writeIdentifier(name, into: &out)
        case .variable(let name):
            switch dialect.argumentReferences {
            case .identifier: writeIdentifier(name, into: &out)
            case .boundParameter:
                out.write("@")
                out.write(name)
            }
        case .spineDay(let alias):
            writeIdentifier(alias, into: &out)
            if case .jsonEach = dialect.dateSpines { out.write(".value") }
        case .queryParameter(let name):
            out.write("@")
            out.write(name)
        case .literal(let literal):
            write(literal, into: &out)
        case .negate(let operand):
            out.write("-")
            write(operand, context: Precedence.unary + 1, into: &out)
        case .not(let operand):
            out.write("NOT ")
            write(operand, context: Precedence.not, into: &out)
        case .binary(.divide, let left, let right) where dialect.functions == .sqlite:
            // SQLite divides integers as integers and returns NULL for x / 0; BigQuery's `/` never truncates and
            // fails on zero. The registered function does what BigQuery does.
            // The registered function only runs for a zero divisor (to raise BigQuery's error); every other row
            // divides natively.
            let l = render(left, context: 0)
            let r = render(right, context: 0)
            out.write("CASE WHEN \(r) = 0 THEN cloudact_divide(\(l), \(r)) ELSE CAST(\(l) AS REAL) / \(r) END")
        case .binary(let op, let left, let right):
            let p = Self.precedence(of: op)
            let rightContext = op.isComparison ? p + 1 : p + 1
            let leftContext = op.isComparison ? p + 1 : p
            write(left, context: leftContext, into: &out)
            out.write(" ")
            out.write(op.rawValue)
            out.write(" ")
            write(right, context: rightContext, into: &out)
        case .isNull(let operand, let negated):
            write(operand, context: Precedence.comparison + 1, into: &out)
            out.write(negated ? " IS NOT NULL" : " IS NULL")
        case .isNotDistinctFrom(let left, let right):
            write(left, context: Precedence.comparison + 1, into: &out)
            out.write(" ")
            out.write(dialect.nullSafeEquality)
            out.write(" ")
            write(right, context: Precedence.comparison + 1, into: &out)
        case .inList(let operand, let items, let negated):
            write(operand, context: Precedence.comparison + 1, into: &out)
            out.write(negated ? " NOT IN (" : " IN (")
            writeList(items, into: &out)
            out.write(")")
        case .between(let operand, let low, let high, let negated):
            let c = Precedence.comparison + 1
            write(operand, context: c, into: &out)
            out.write(negated ? " NOT BETWEEN " : " BETWEEN ")
            write(low, context: c, into: &out)
            out.write(" AND ")
            write(high, context: c, into: &out)
        case .like(let operand, let pattern, let negated):
            let c = Precedence.comparison + 1
            write(operand, context: c, into: &out)
            out.write(negated ? " NOT LIKE " : " LIKE ")
            write(pattern, context: c, into: &out)
            // BigQuery's LIKE takes `\` as its escape character; SQLite has none unless told.
            if dialect.functions == .sqlite { out.write(" ESCAPE '\\'") }
        case .caseWhen(let operand, let whens, let otherwise):
            out.write("CASE")
            if let operand {
                out.write(" ")
                write(operand, context: 0, into: &out)
            }
            for branch in whens {
                out.write(" WHEN ")
                write(branch.condition, context: 0, into: &out)
                out.write(" THEN ")
                write(branch.result, context: 0, into: &out)
            }
            if let otherwise {
                out.write(" ELSE ")
                write(otherwise, context: 0, into: &out)
            }
            out.write(" END")
        case .cast(let operand, let type, let safe, let from):
            if dialect.functions == .sqlite {
                out.write("cloudact_cast(")
                write(operand, context: 0, into: &out)
                out.write(", '\(type.rawValue)', \(safe ? 1 : 0)")
                if let from { out.write(", '\(from.rawValue)'") }
                out.write(")")
            } else {
                out.write(safe ? "SAFE_CAST(" : "CAST(")
                write(operand, context: 0, into: &out)
                out.write(" AS ")
                out.write(type.rawValue)
                out.write(")")
            }
        case .dateToTimestamp(let date):
            if dialect.functions == .sqlite {
                out.write("(")
                write(date, context: 0, into: &out)
                out.write(" || 'T00:00:00.000000Z')")
            } else {
                out.write("TIMESTAMP(")
                write(date, context: 0, into: &out)
                out.write(")")
            }
        case .timestampToDate(let timestamp):
            if dialect.functions == .sqlite {
                out.write("substr(")
                write(timestamp, context: 0, into: &out)
                out.write(", 1, 10)")
            } else {
                out.write("DATE(")
                write(timestamp, context: 0, into: &out)
                out.write(")")
            }
        case .function(let function, let arguments):
            writeFunction(function, arguments, into: &out)
        case .countStar:
            out.write("COUNT(*)")
        case .interval(let amount, let part):
            if dialect.functions == .sqlite {
                write(amount, context: 0, into: &out)
                out.write(", '\(part.rawValue)'")
            } else {
                out.write("INTERVAL ")
                write(amount, context: Precedence.unary, into: &out)
                out.write(" ")
                out.write(part.rawValue)
            }
        case .datePart(let part):
            out.write(dialect.functions == .sqlite ? "'\(part.rawValue)'" : part.rawValue)
        case .exists(let select):
            // The subquery's lines, joined with spaces.
            out.write("EXISTS (")
            let saved = out.beginSingleLine()
            renderSelect(select, into: &out)
            out.endSingleLine(saved)
            out.write(")")
        }
    }

    /// A library function in the dialect's rendering (Docs/SQLITE.md lists the SQLite mapping and why).
    func writeFunction(_ function: SQLFunction, _ arguments: [SQLExpr], into out: inout SQLOutput) {
        switch dialect.functions {
        case .googleSQL:
            if function == .extract, arguments.count == 2 {
                out.write("EXTRACT(")
                write(arguments[0], context: 0, into: &out)
                out.write(" FROM ")
                write(arguments[1], context: 0, into: &out)
                out.write(")")
                return
            }
            out.write(function.rawValue)
            out.write("(")
            writeList(arguments, into: &out)
            out.write(")")
        case .sqlite:
            out.write(renderSQLiteFunction(function, arguments))
        }
    }

    /// The SQLite rendering of a library function.
    func renderSQLiteFunction(_ function: SQLFunction, _ arguments: [SQLExpr]) -> String {
        let args = arguments.map { render($0, context: 0) }
        func call(_ name: String, _ list: [String]) -> String {
            "\(name)(\(list.joined(separator: ", ")))"
        }
        switch function {
        case .coalesce where args.count == 1:
            // SQLite refuses a one-argument coalesce(); the value is its own coalesce.
            return render(arguments[0], context: Precedence.primary)
        case .coalesce, .ifNull, .nullIf, .abs, .round, .sum, .avg, .count, .min, .max:
            return call(function.rawValue.lowercased(), args)
        case .jsonObject:
            return call("json_object", args)
        case .if:
            return "CASE WHEN \(args[0]) THEN \(args[1]) ELSE \(args[2]) END"
        case .least, .greatest:
            // SQLite's one-argument min/max are aggregates; one value is its own least.
            if args.count == 1 { return render(arguments[0], context: Precedence.primary) }
            return call(function == .least ? "min" : "max", args)
        case .concat:
            if args.count == 1 { return call("cloudact_string", args) }
            return arguments.map { render($0, context: Precedence.multiplicative + 1) }.joined(separator: " || ")
        case .countIf:
            return "count(CASE WHEN \(args[0]) THEN 1 END)"
        case .anyValue:
            return call("min", args)
        // Exact native forms where the text representation makes them trivial (no call into Swift per row).
        case .currentTimestamp:
            return "@_cloudact_now"
        case .currentDate:
            return "@_cloudact_today"
        case .dateTrunc where arguments.count == 2 && arguments[1] == .datePart(.month):
            return "(substr(\(args[0]), 1, 7) || '-01')"
        case .dateTrunc where arguments.count == 2 && arguments[1] == .datePart(.year):
            return "(substr(\(args[0]), 1, 4) || '-01-01')"
        case .dateAdd where arguments.count == 2:
            if case .interval(let amount, .day) = arguments[1] {
                return "date(\(args[0]), (\(render(amount, context: 0))) || ' days')"
            }
            // The first of a month plus whole months never needs BigQuery's end-of-month clamping, so SQLite's
            // own month arithmetic is exact there.
            if case .function(.dateTrunc, let truncated) = arguments[0], truncated.count == 2,
                truncated[1] == .datePart(.month) || truncated[1] == .datePart(.year),
                case .interval(let amount, let part) = arguments[1], part == .month || part == .year
            {
                let months = part == .year ? "((\(render(amount, context: 0))) * 12)" : "(\(render(amount, context: 0)))"
                return "date(\(args[0]), \(months) || ' months')"
            }
            return call("cloudact_date_add", args)
        case .dateAdd, .dateSub, .dateTrunc, .dateDiff, .lastDay, .extract, .date, .timestamp, .formatDate,
            .div, .mod, .safeDivide, .lower, .upper, .trim, .substr, .regexpContains, .regexpExtract, .startsWith:
            var list = args
            if function == .lastDay, list.count == 1 { list.append("'MONTH'") }
            return call("cloudact_" + function.rawValue.lowercased(), list)
        }
    }

    func render(_ literal: SQLLiteral) -> String {
        var out = SQLOutput()
        write(literal, into: &out)
        return out.text
    }

    func write(_ literal: SQLLiteral, into out: inout SQLOutput) {
        let googleSQL = dialect.functions == .googleSQL
        switch literal {
        case .integer(let text): out.write(text)
        case .decimal(let text, let type):
            switch dialect.decimalLiterals {
            case .typed:
                out.write(type.rawValue)
                out.write(" ")
                writeString(text, into: &out)
            case .bare: out.write(text)
            }
        case .string(let value): writeString(value, into: &out)
        case .bool(let value): out.write(value ? "TRUE" : "FALSE")
        case .null: out.write("NULL")
        case .date(let value):
            if googleSQL { out.write("DATE ") }
            writeString(value, into: &out)
        case .json(let value):
            out.write(googleSQL ? "JSON " : "json(")
            writeString(value, into: &out)
            if !googleSQL { out.write(")") }
        case .timestamp(let value):
            out.write(googleSQL ? "TIMESTAMP " : "cloudact_timestamp(")
            writeString(value, into: &out)
            if !googleSQL { out.write(")") }
        }
    }
}

/// The printer's output: lines joined by line breaks, each line indented by the enclosing blocks.
///
/// A statement writes its lines with ``line(_:)`` (which ends the previous line) and leaves its last line open,
/// so a caller can append a terminator. Indentation is written lazily, with a line's first text: an empty line
/// stays empty. Between ``beginSingleLine()`` and ``endSingleLine(_:)`` the lines are joined with spaces instead (a subquery inside an
/// expression). The text is kept as UTF-8 bytes (every piece written is a valid string) and becomes a String
/// once, at the end.
struct SQLOutput {
    private var bytes: [UInt8]
    /// Spaces in front of each line begun from now on (a block adds to it while it renders its lines).
    var indentation = 0
    /// True once a line has been begun (the next one is preceded by a separator).
    private var started = false
    /// True between beginning a line and writing its first text.
    private var pendingIndentation = false
    /// True if lines are joined with spaces.
    private var joinsWithSpaces = false

    /// An empty output; `capacity` is a hint (a whole script, or a few words).
    init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The text so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// An output whose first line follows an earlier one (the separator is written), for ``Chunk``.
    static func chunk() -> SQLOutput {
        var out = SQLOutput(capacity: 4096)
        out.started = true
        return out
    }

    /// Lines rendered on their own, to be appended to another output with the same indentation.
    struct Chunk: Sendable {
        fileprivate var bytes: [UInt8]
        fileprivate var pendingIndentation: Bool
    }

    func finishChunk() -> Chunk { Chunk(bytes: bytes, pendingIndentation: pendingIndentation) }

    /// Appends lines rendered by ``chunk()`` at this output's indentation (the top level).
    mutating func append(_ chunk: Chunk) {
        guard !chunk.bytes.isEmpty || chunk.pendingIndentation else { return }
        bytes.append(contentsOf: chunk.bytes)
        started = true
        pendingIndentation = chunk.pendingIndentation
    }

    /// Appends text rendered at the top level that continues the line just begun, without its last `dropped`
    /// bytes (its final line break).
    mutating func appendRaw(_ rendered: String, droppingLastBytes dropped: Int) {
        var rendered = rendered
        rendered.withUTF8 { utf8 in
            guard utf8.count > dropped else { return }
            if pendingIndentation { writeIndentation() }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8.dropLast(dropped)))
        }
    }

    /// Ends the current line and begins a new one.
    mutating func line() {
        if started { bytes.append(joinsWithSpaces ? 0x20 : 0x0A) }
        started = true
        pendingIndentation = true
    }

    /// Begins a new line with `start`.
    mutating func line(_ start: String) {
        line()
        write(start)
    }

    mutating func write(_ string: String) {
        if pendingIndentation {
            if string.isEmpty { return }
            writeIndentation()
        }
        // The contiguous bytes are one copy; appending the UTF8View goes through its generic path.
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ string: Substring) {
        if pendingIndentation {
            if string.isEmpty { return }
            writeIndentation()
        }
        // A Substring's UTF8View is appended byte by byte; its contiguous storage is one copy.
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Writes valid UTF-8 bytes (a slice of a string).
    mutating func write(bytes: UnsafeBufferPointer<UInt8>) {
        if pendingIndentation {
            if bytes.isEmpty { return }
            writeIndentation()
        }
        self.bytes.append(contentsOf: bytes)
    }

    mutating func write(_ character: Character) {
        if pendingIndentation { writeIndentation() }
        bytes.append(contentsOf: character.utf8)
    }

    mutating func write(_ scalar: Unicode.Scalar) {
        if pendingIndentation { writeIndentation() }
        UTF8.encode(scalar) { bytes.append($0) }
    }

    private mutating func writeIndentation() {
        pendingIndentation = false
        for _ in 0..<indentation { bytes.append(0x20) }
    }

    /// The state ``endSingleLine(_:)`` restores.
    struct SavedLayout {
        fileprivate var indentation: Int
        fileprivate var started: Bool
        fileprivate var joinsWithSpaces: Bool
    }

    /// From here to ``endSingleLine(_:)``, lines are joined by spaces and not indented, continuing the current
    /// line.
    mutating func beginSingleLine() -> SavedLayout {
        if pendingIndentation { writeIndentation() }
        let saved = SavedLayout(indentation: indentation, started: started, joinsWithSpaces: joinsWithSpaces)
        indentation = 0
        started = false
        joinsWithSpaces = true
        return saved
    }

    mutating func endSingleLine(_ saved: SavedLayout) {
        indentation = saved.indentation
        started = saved.started
        joinsWithSpaces = saved.joinsWithSpaces
        pendingIndentation = false
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
