internal import PipelineDSL

/// A syntax error inside an expression: a message and the span it points at.
public struct ExpressionError: Error, Sendable, Hashable {
    public var message: String
    public var span: TextSpan
    public var hint: String?
}

/// Recursive-descent parser for the expression language, with BigQuery's operator precedence (lowest first):
/// OR; AND; NOT; comparisons, IS, [NOT] IN, [NOT] BETWEEN, [NOT] LIKE; + -; * / ||; unary minus.
public struct ExpressionParser {
    enum TokenKind: Equatable {
        case identifier(String)
        case keyword(String)  // upper-cased
        case integer(String)
        case decimal(String)
        case string(String)
        case parameter(String)
        case symbol(String)
        case end

        var isString: Bool {
            if case .string = self { return true }
            return false
        }
    }

    struct Token {
        var kind: TokenKind
        var span: TextSpan
    }

    static let keywords: Set<String> = [
        "AND", "OR", "NOT", "IS", "NULL", "TRUE", "FALSE", "IN", "BETWEEN", "LIKE", "CASE", "WHEN", "THEN", "ELSE",
        "END", "CAST", "SAFE_CAST", "AS", "INTERVAL", "FROM",
    ]

    /// Parts of TIMESTAMP functions, which the language does not have: named in errors instead of becoming columns.
    static let timeParts: Set<String> = ["HOUR", "MINUTE", "SECOND", "MILLISECOND", "MICROSECOND", "ISOWEEK", "ISOYEAR"]

    var tokens: [Token] = []
    var position = 0
    let textLength: Int

    /// Parses `text`; the whole text must be one expression.
    public static func parse(_ text: String) -> Result<ExpressionSyntax, ExpressionError> {
        var parser: ExpressionParser
        switch tokenize(text) {
        // The end token's offset is the text's length in scalars.
        case .success(let tokens): parser = ExpressionParser(tokens: tokens, textLength: tokens.last?.span.offset ?? 0)
        case .failure(let error): return .failure(error)
        }
        do {
            let expression = try parser.parseOr()
            if parser.current.kind != .end {
                throw ExpressionError(
                    message: "unexpected \(describe(parser.current.kind)) after the expression", span: parser.current.span,
                    hint: "combine conditions with AND or OR")
            }
            return .success(expression)
        } catch let error as ExpressionError {
            return .failure(error)
        } catch {
            return .failure(ExpressionError(message: "\(error)", span: TextSpan(offset: 0, length: 1)))
        }
    }

    init(tokens: [Token], textLength: Int) {
        self.tokens = tokens
        self.textLength = textLength
    }

    // MARK: - Lexer

    /// `keywords` by length, for ``keyword(caseInsensitive:)``.
    static let keywordsByLength: [[String]] = {
        var table = [[String]](repeating: [], count: 10)
        for keyword in keywords { table[keyword.utf8.count].append(keyword) }
        return table
    }()

    /// The keyword an ASCII word spells in any case, without building a string for words that are not one
    /// (every column name).
    static func keyword(caseInsensitive word: ArraySlice<Unicode.Scalar>) -> String? {
        guard word.count < keywordsByLength.count else { return nil }
        candidates: for keyword in keywordsByLength[word.count] {
            for (letter, expected) in zip(word, keyword.utf8) {
                let value = letter.value
                let upper = value >= 0x61 && value <= 0x7A ? value - 0x20 : value
                if upper != UInt32(expected) { continue candidates }
            }
            return keyword
        }
        return nil
    }

    static func tokenize(_ text: String) -> Result<[Token], ExpressionError> {
        // For ASCII text (almost every expression) scalar offsets are byte offsets, and words are built from bytes,
        // which is much cheaper than from a scalar view; the scalars are the bytes, without decoding.
        var contiguous = text
        let (utf8, ascii) = contiguous.withUTF8 { bytes in
            (Array(bytes), !bytes.contains { $0 >= 0x80 })
        }
        let scalars = ascii ? utf8.map { Unicode.Scalar($0) } : Array(text.unicodeScalars)
        func word(_ range: Range<Int>) -> String {
            ascii ? String(decoding: utf8[range], as: UTF8.self) : String(String.UnicodeScalarView(scalars[range]))
        }
        var tokens: [Token] = []
        var index = 0
        func isIdentifierStart(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) || s == "_" }
        func isIdentifierPart(_ s: Unicode.Scalar) -> Bool { isIdentifierStart(s) || ("0"..."9").contains(s) }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                index += 1
                continue
            }
            let start = index
            if isIdentifierStart(scalar) {
                while index < scalars.count, isIdentifierPart(scalars[index]) { index += 1 }
                // Identifier characters are ASCII, so the word's scalars are its bytes.
                let keyword = keyword(caseInsensitive: scalars[start..<index])
                let kind: TokenKind = keyword.map { .keyword($0) } ?? .identifier(word(start..<index))
                tokens.append(Token(kind: kind, span: TextSpan(offset: start, length: index - start)))
            } else if isDigit(scalar) || (scalar == "." && index + 1 < scalars.count && isDigit(scalars[index + 1])) {
                var sawDot = false
                while index < scalars.count, isDigit(scalars[index]) || (scalars[index] == "." && !sawDot) {
                    if scalars[index] == "." { sawDot = true }
                    index += 1
                }
                if index < scalars.count, isIdentifierStart(scalars[index]) {
                    return .failure(
                        ExpressionError(
                            message: "a name cannot start with a digit", span: TextSpan(offset: start, length: index - start + 1)))
                }
                let number = word(start..<index)
                tokens.append(
                    Token(kind: sawDot ? .decimal(number) : .integer(number), span: TextSpan(offset: start, length: index - start)))
            } else if scalar == "'" || scalar == "\"" {
                let quote = scalar
                index += 1
                // ASCII text collects bytes (the same characters, far cheaper to append); other text, scalars.
                var value = String.UnicodeScalarView()
                var bytes: [UInt8] = []
                func append(_ scalar: Unicode.Scalar) {
                    if ascii { bytes.append(UInt8(truncatingIfNeeded: scalar.value)) } else { value.append(scalar) }
                }
                var closed = false
                while index < scalars.count {
                    let c = scalars[index]
                    if c == quote {
                        closed = true
                        index += 1
                        break
                    }
                    if c == "\\" {
                        guard index + 1 < scalars.count else { break }
                        let escaped = scalars[index + 1]
                        switch escaped {
                        case "n": append("\n")
                        case "t": append("\t")
                        case "r": append("\r")
                        case "\\", "'", "\"": append(escaped)
                        default:
                            return .failure(
                                ExpressionError(
                                    message: "unknown escape '\\\(escaped)' in a string", span: TextSpan(offset: index, length: 2),
                                    hint: "valid escapes: \\' \\\" \\\\ \\n \\t \\r"))
                        }
                        index += 2
                        continue
                    }
                    append(c)
                    index += 1
                }
                guard closed else {
                    return .failure(
                        ExpressionError(
                            message: "unterminated string", span: TextSpan(offset: start, length: 1),
                            hint: "close the string with \(quote)"))
                }
                let string = ascii ? String(decoding: bytes, as: UTF8.self) : String(value)
                tokens.append(Token(kind: .string(string), span: TextSpan(offset: start, length: index - start)))
            } else if scalar == "@" {
                index += 1
                while index < scalars.count, isIdentifierPart(scalars[index]) { index += 1 }
                let name = word((start + 1)..<index)
                guard !name.isEmpty, isIdentifierStart(name.unicodeScalars.first!) else {
                    return .failure(
                        ExpressionError(message: "'@' must be followed by a parameter name", span: TextSpan(offset: start, length: 1)))
                }
                tokens.append(Token(kind: .parameter(name), span: TextSpan(offset: start, length: index - start)))
            } else {
                // The two-character symbols are ASCII, so comparing scalars is the same as comparing strings.
                let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
                let two: String? =
                    switch (scalar, next) {
                    case ("<", "="): "<="
                    case (">", "="): ">="
                    case ("!", "="), ("<", ">"): "!="
                    case ("|", "|"): "||"
                    default: nil
                    }
                if let two {
                    tokens.append(Token(kind: .symbol(two), span: TextSpan(offset: start, length: 2)))
                    index += 2
                } else if "+-*/=<>(),.".unicodeScalars.contains(scalar) {
                    tokens.append(Token(kind: .symbol(String(scalar)), span: TextSpan(offset: start, length: 1)))
                    index += 1
                } else {
                    let hint: String? =
                        switch scalar {
                        case ";": "an expression is one value; statements are written by the compiler"
                        case "`": "names need no quoting; write the column name as it is"
                        case "$": "pipeline variables ($date) are passed with 'with:'; inside procedures use @parameters"
                        default: nil
                        }
                    return .failure(
                        ExpressionError(
                            message: "unexpected character '\(scalar)'", span: TextSpan(offset: start, length: 1), hint: hint))
                }
            }
        }
        tokens.append(Token(kind: .end, span: TextSpan(offset: scalars.count, length: 0)))
        return .success(tokens)
    }

    static func describe(_ kind: TokenKind) -> String {
        switch kind {
        case .identifier(let s): "'\(s)'"
        case .keyword(let s): "'\(s)'"
        case .integer(let s), .decimal(let s): "number \(s)"
        case .string: "a string"
        case .parameter(let s): "'@\(s)'"
        case .symbol(let s): "'\(s)'"
        case .end: "the end of the expression"
        }
    }

    // MARK: - Helpers

    var current: Token { tokens[position] }

    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    func isKeyword(_ word: String) -> Bool { current.kind == .keyword(word) }
    func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }

    mutating func accept(keyword: String) -> Token? {
        isKeyword(keyword) ? advance() : nil
    }

    mutating func accept(symbol: String) -> Token? {
        isSymbol(symbol) ? advance() : nil
    }

    mutating func expect(symbol: String, _ context: String) throws -> Token {
        guard let token = accept(symbol: symbol) else {
            throw ExpressionError(
                message: "expected '\(symbol)' \(context), found \(Self.describe(current.kind))", span: current.span)
        }
        return token
    }

    mutating func expect(keyword: String, _ context: String) throws -> Token {
        guard let token = accept(keyword: keyword) else {
            throw ExpressionError(
                message: "expected '\(keyword)' \(context), found \(Self.describe(current.kind))", span: current.span)
        }
        return token
    }

    // MARK: - Grammar

    mutating func parseOr() throws -> ExpressionSyntax {
        var left = try parseAnd()
        while accept(keyword: "OR") != nil {
            let right = try parseAnd()
            left = .binary(.or, left, right, left.span.through(right.span))
        }
        return left
    }

    mutating func parseAnd() throws -> ExpressionSyntax {
        var left = try parseNot()
        while accept(keyword: "AND") != nil {
            let right = try parseNot()
            left = .binary(.and, left, right, left.span.through(right.span))
        }
        return left
    }

    mutating func parseNot() throws -> ExpressionSyntax {
        if let not = accept(keyword: "NOT") {
            let operand = try parseNot()
            return .not(operand, not.span.through(operand.span))
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws -> ExpressionSyntax {
        let left = try parseAdditive()
        if case .symbol(let symbol) = current.kind, let op = BinaryOperator(rawValue: symbol), op.isComparison {
            _ = advance()
            let right = try parseAdditive()
            return .binary(op, left, right, left.span.through(right.span))
        }
        if accept(keyword: "IS") != nil {
            let negated = accept(keyword: "NOT") != nil
            let null = try expect(keyword: "NULL", "after IS (IS NULL or IS NOT NULL)")
            return .isNull(left, negated: negated, left.span.through(null.span))
        }
        let negated = isKeyword("NOT") && [.keyword("IN"), .keyword("BETWEEN"), .keyword("LIKE")].contains(tokens[min(position + 1, tokens.count - 1)].kind)
        if negated { _ = advance() }
        if accept(keyword: "IN") != nil {
            _ = try expect(symbol: "(", "after IN")
            var items = [try parseOr()]
            while accept(symbol: ",") != nil { items.append(try parseOr()) }
            let close = try expect(symbol: ")", "to close the IN list")
            return .inList(left, items, negated: negated, left.span.through(close.span))
        }
        if accept(keyword: "BETWEEN") != nil {
            let low = try parseAdditive()
            _ = try expect(keyword: "AND", "in BETWEEN … AND …")
            let high = try parseAdditive()
            return .between(left, low, high, negated: negated, left.span.through(high.span))
        }
        if accept(keyword: "LIKE") != nil {
            let pattern = try parseAdditive()
            return .like(left, pattern, negated: negated, left.span.through(pattern.span))
        }
        return left
    }

    mutating func parseAdditive() throws -> ExpressionSyntax {
        var left = try parseMultiplicative()
        while case .symbol(let symbol) = current.kind, symbol == "+" || symbol == "-" {
            _ = advance()
            let right = try parseMultiplicative()
            left = .binary(symbol == "+" ? .add : .subtract, left, right, left.span.through(right.span))
        }
        return left
    }

    mutating func parseMultiplicative() throws -> ExpressionSyntax {
        var left = try parseUnary()
        while case .symbol(let symbol) = current.kind, symbol == "*" || symbol == "/" || symbol == "||" {
            _ = advance()
            let right = try parseUnary()
            let op: BinaryOperator = symbol == "*" ? .multiply : symbol == "/" ? .divide : .concat
            left = .binary(op, left, right, left.span.through(right.span))
        }
        return left
    }

    mutating func parseUnary() throws -> ExpressionSyntax {
        if let minus = accept(symbol: "-") {
            let operand = try parseUnary()
            return .negate(operand, minus.span.through(operand.span))
        }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws -> ExpressionSyntax {
        let token = current
        switch token.kind {
        case .integer(let text):
            _ = advance()
            guard Int64(text) != nil else {
                throw ExpressionError(message: "integer \(text) does not fit in INT64", span: token.span)
            }
            return .literal(.integer(text), token.span)
        case .decimal(let text):
            _ = advance()
            return .literal(.decimal(text), token.span)
        case .string(let value):
            _ = advance()
            return .literal(.string(value), token.span)
        case .parameter(let name):
            _ = advance()
            return .parameter(name, token.span)
        case .symbol("("):
            _ = advance()
            let inner = try parseOr()
            _ = try expect(symbol: ")", "to close '('")
            return inner
        case .keyword("NULL"):
            _ = advance()
            return .literal(.null, token.span)
        case .keyword("TRUE"), .keyword("FALSE"):
            _ = advance()
            return .literal(.bool(token.kind == .keyword("TRUE")), token.span)
        case .keyword("CASE"):
            return try parseCase()
        case .keyword("CAST"), .keyword("SAFE_CAST"):
            return try parseCast()
        case .keyword("INTERVAL"):
            _ = advance()
            let amount = try parseAdditive()
            let part = try parseDatePart("after INTERVAL n")
            return .interval(amount, part.0, token.span.through(part.1))
        case .identifier(let name):
            _ = advance()
            // Upper-cased only where a keyword-like name can matter (most names are columns).
            let upper = current.kind.isString || isDatePartContext ? name.uppercased() : ""
            // DATE '2024-01-01' and TIMESTAMP '…' literals.
            if upper == "DATE" || upper == "TIMESTAMP", case .string(let value) = current.kind {
                let literal = advance()
                let span = token.span.through(literal.span)
                if upper == "DATE" {
                    if let problem = ISODate.problem(value) {
                        throw ExpressionError(message: "invalid DATE literal '\(value)': \(problem)", span: literal.span)
                    }
                    return .literal(.date(value), span)
                }
                if !LiteralFit.isTimestamp(value) {
                    throw ExpressionError(
                        message: "invalid TIMESTAMP literal '\(value)'", span: literal.span,
                        hint: "write YYYY-MM-DD HH:MM:SS with Z or an offset, e.g. TIMESTAMP '2026-01-31 00:00:00Z'")
                }
                return .literal(.timestamp(value), span)
            }
            if isSymbol("(") {
                return try parseCall(name: name, nameSpan: token.span)
            }
            if isDatePartContext, let part = DatePart(rawValue: upper) {
                return .datePart(part, token.span)
            }
            if isDatePartContext, Self.timeParts.contains(upper) {
                throw ExpressionError(
                    message: "\(upper) is not a date part; date functions take DAY, WEEK, MONTH, QUARTER or YEAR",
                    span: token.span)
            }
            if accept(symbol: ".") != nil {
                let column = advance()
                guard case .identifier(let columnName) = column.kind else {
                    throw ExpressionError(
                        message: "expected a column name after '\(name).', found \(Self.describe(column.kind))", span: column.span)
                }
                return .column(qualifier: name, name: columnName, token.span.through(column.span))
            }
            return .column(qualifier: nil, name: name, token.span)
        case .end:
            throw ExpressionError(message: "expected a value, found the end of the expression", span: token.span)
        default:
            throw ExpressionError(message: "expected a value, found \(Self.describe(token.kind))", span: token.span)
        }
    }

    /// Inside a call's argument list a bare DAY/MONTH/… is a date part, not a column.
    var isDatePartContext: Bool { isSymbol(")") || isSymbol(",") }

    mutating func parseDatePart(_ context: String) throws -> (DatePart, TextSpan) {
        let token = advance()
        if case .identifier(let word) = token.kind, let part = DatePart(rawValue: word.uppercased()) {
            return (part, token.span)
        }
        throw ExpressionError(
            message: "expected a date part (DAY, WEEK, MONTH, QUARTER, YEAR) \(context), found \(Self.describe(token.kind))",
            span: token.span)
    }

    mutating func parseCall(name: String, nameSpan: TextSpan) throws -> ExpressionSyntax {
        _ = try expect(symbol: "(", "after a function name")
        let upper = name.uppercased()
        if upper == "EXTRACT" {
            let part = try parseDatePart("in EXTRACT(part FROM date)")
            _ = try expect(keyword: "FROM", "in EXTRACT(part FROM date)")
            let argument = try parseOr()
            let close = try expect(symbol: ")", "to close EXTRACT(")
            return .call(
                name: upper, arguments: [.datePart(part.0, part.1), argument], star: false, nameSpan: nameSpan,
                nameSpan.through(close.span))
        }
        if let close = accept(symbol: ")") {
            return .call(name: upper, arguments: [], star: false, nameSpan: nameSpan, nameSpan.through(close.span))
        }
        if accept(symbol: "*") != nil {
            let close = try expect(symbol: ")", "after '*'")
            return .call(name: upper, arguments: [], star: true, nameSpan: nameSpan, nameSpan.through(close.span))
        }
        var arguments = [try parseOr()]
        while accept(symbol: ",") != nil { arguments.append(try parseOr()) }
        let close = try expect(symbol: ")", "to close the argument list of \(upper)")
        return .call(name: upper, arguments: arguments, star: false, nameSpan: nameSpan, nameSpan.through(close.span))
    }

    mutating func parseCase() throws -> ExpressionSyntax {
        let start = advance()
        var operand: ExpressionSyntax?
        if !isKeyword("WHEN") { operand = try parseOr() }
        var branches: [ExpressionSyntax.CaseBranch] = []
        while accept(keyword: "WHEN") != nil {
            let condition = try parseOr()
            _ = try expect(keyword: "THEN", "after the WHEN condition")
            let result = try parseOr()
            branches.append(.init(condition: condition, result: result))
        }
        if branches.isEmpty {
            throw ExpressionError(message: "CASE needs at least one WHEN … THEN …", span: current.span)
        }
        var otherwise: ExpressionSyntax?
        if accept(keyword: "ELSE") != nil { otherwise = try parseOr() }
        let end = try expect(keyword: "END", "to close CASE")
        return .caseWhen(operand: operand, whens: branches, otherwise: otherwise, start.span.through(end.span))
    }

    mutating func parseCast() throws -> ExpressionSyntax {
        let start = advance()
        let safe = start.kind == .keyword("SAFE_CAST")
        _ = try expect(symbol: "(", "after CAST")
        let value = try parseOr()
        _ = try expect(keyword: "AS", "in CAST(value AS TYPE)")
        let typeToken = advance()
        guard case .identifier(let typeName) = typeToken.kind, let type = ColumnType(rawValue: typeName.uppercased()) else {
            throw ExpressionError(
                message: "expected a type (\(ColumnType.allCases.map(\.rawValue).joined(separator: ", "))), found \(Self.describe(typeToken.kind))",
                span: typeToken.span)
        }
        let close = try expect(symbol: ")", "to close CAST(")
        return .cast(value, type, safe: safe, start.span.through(close.span))
    }
}
