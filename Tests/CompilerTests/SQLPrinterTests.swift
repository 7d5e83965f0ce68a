@testable import Compiler
import PipelineDSL
import Testing

@Suite("SQL printer")
struct SQLPrinterTests {
    let bigQuery = SQLPrinter(dialect: .bigQuery)

    /// A dialect unlike any real one: if the printer hard-coded backticks or backslash escapes, these fail.
    let odd: SQLPrinter = {
        var dialect = SQLDialect.sqlite
        dialect.reservedWords = ["SELECT", "ORDER"]
        return SQLPrinter(dialect: dialect)
    }()

    @Test("string literals escape quotes, backslashes and control characters in one place")
    func stringEscaping() {
        #expect(bigQuery.quoteString("it's a \\ path\nnext\u{1}") == "'it\\'s a \\\\ path\\nnext\\x01'")
        #expect(odd.quoteString("it's") == "'it''s'")
    }

    @Test("identifiers are quoted only when reserved or unusual, with the dialect's quote")
    func identifiers() {
        #expect(bigQuery.quoteIdentifier("cost_date") == "cost_date")
        #expect(bigQuery.quoteIdentifier("from") == "`from`")
        #expect(bigQuery.quoteIdentifier("FrOm") == "`FrOm`")
        #expect(bigQuery.quoteIdentifier("froms") == "froms")
        #expect(bigQuery.quoteIdentifier("fro") == "fro")
        #expect(bigQuery.quoteIdentifier("grOUP") == "`grOUP`")
        #expect(bigQuery.quoteIdentifier("assert_rows_modified") == "`assert_rows_modified`")
        #expect(bigQuery.quoteIdentifier("Group_By") == "Group_By")
        #expect(bigQuery.quoteIdentifier("we`ird") == "`we\\`ird`")
        #expect(odd.quoteIdentifier("order") == "\"order\"")
        #expect(odd.quoteIdentifier("from") == "from")
        #expect(odd.quoteIdentifier("a\"b") == "\"a\"\"b\"")
    }

    @Test("table paths follow the dialect")
    func tablePaths() {
        let name = SQLTableName(project: "p-1", dataset: "acme_prod", table: "t")
        #expect(bigQuery.tableName(name) == "`p-1.acme_prod.t`")
        #expect(odd.tableName(name) == "acme_prod.t")
    }

    @Test("parentheses follow precedence and keep left-associative meaning")
    func precedence() {
        let a = SQLExpr.column(qualifier: nil, name: "a")
        let b = SQLExpr.column(qualifier: nil, name: "b")
        let c = SQLExpr.column(qualifier: nil, name: "c")
        #expect(bigQuery.render(.binary(.subtract, a, .binary(.subtract, b, c)), context: 0) == "a - (b - c)")
        #expect(bigQuery.render(.binary(.subtract, .binary(.subtract, a, b), c), context: 0) == "a - b - c")
        #expect(bigQuery.render(.binary(.multiply, .binary(.add, a, b), c), context: 0) == "(a + b) * c")
        #expect(bigQuery.render(.binary(.and, .binary(.or, a, b), c), context: 0) == "(a OR b) AND c")
        #expect(bigQuery.render(.not(.binary(.and, a, b)), context: 0) == "NOT (a AND b)")
        #expect(bigQuery.render(.negate(.negate(a)), context: 0) == "-(-a)")
    }

    @Test("decimals are exact typed literals, never floats")
    func decimals() {
        #expect(bigQuery.render(.literal(.decimal("0.000003", .bignumeric)), context: 0) == "BIGNUMERIC '0.000003'")
        #expect(odd.render(.literal(.decimal("1.5", .numeric)), context: 0) == "1.5")
    }

    @Test("an expression printed from parsed text re-parses to the same tree")
    func roundTrip() throws {
        for text in [
            "a - (b - c) * 2", "NOT (x OR y) AND z", "CASE WHEN a > 1 THEN 'x' ELSE NULL END", "-(a + b)",
            "a BETWEEN 1 AND 2 OR b NOT IN (1, 2)", "DATE_ADD(d, INTERVAL n + 1 MONTH)", "x IS NOT NULL AND y LIKE 'a%'",
        ] {
            guard case .success(let syntax) = ExpressionParser.parse(text) else {
                Issue.record("does not parse: \(text)")
                continue
            }
            let printed = bigQuery.render(Self.sql(syntax), context: 0)
            guard case .success(let reparsed) = ExpressionParser.parse(printed) else {
                Issue.record("printed form does not parse: \(printed)")
                continue
            }
            #expect(bigQuery.render(Self.sql(reparsed), context: 0) == printed, "\(text) → \(printed)")
        }
    }

    /// A direct syntax → SQL mapping for the round-trip test (no name resolution).
    static func sql(_ e: ExpressionSyntax) -> SQLExpr {
        switch e {
        case .literal(let v, _):
            switch v {
            case .integer(let t): return .literal(.integer(t))
            case .decimal(let t): return .literal(.decimal(t, .numeric))
            case .string(let t): return .literal(.string(t))
            case .bool(let b): return .literal(.bool(b))
            case .null: return .literal(.null)
            case .date(let t): return .literal(.date(t))
            case .timestamp(let t): return .literal(.timestamp(t))
            }
        case .column(let q, let n, _): return .column(qualifier: q, name: n)
        case .parameter(let n, _): return .variable(n)
        case .negate(let x, _): return .negate(sql(x))
        case .not(let x, _): return .not(sql(x))
        case .binary(let op, let l, let r, _): return .binary(op, sql(l), sql(r))
        case .isNull(let x, let n, _): return .isNull(sql(x), negated: n)
        case .inList(let x, let items, let n, _): return .inList(sql(x), items.map(sql), negated: n)
        case .between(let x, let l, let h, let n, _): return .between(sql(x), sql(l), sql(h), negated: n)
        case .like(let x, let p, let n, _): return .like(sql(x), sql(p), negated: n)
        case .caseWhen(let o, let w, let e, _):
            return .caseWhen(operand: o.map(sql), whens: w.map { SQLWhen(condition: sql($0.condition), result: sql($0.result)) }, otherwise: e.map(sql))
        case .cast(let x, let t, let s, _): return .cast(sql(x), t, safe: s, from: nil)
        case .call(let name, let args, _, _, _): return .function(SQLFunction(rawValue: name) ?? .coalesce, args.map(sql))
        case .interval(let x, let p, _): return .interval(sql(x), p)
        case .datePart(let p, _): return .datePart(p)
        }
    }

    @Test("SHA-256 matches the standard test vectors")
    func sha256() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
