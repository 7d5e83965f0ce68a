@testable import PipelineDSL
import Testing

@Suite("YAML composer")
struct ComposerTests {
    func compose(_ text: String) -> (YAMLDocument?, Diagnostics) {
        var diagnostics = Diagnostics()
        let document = YAMLComposer().compose(SourceFile(path: "f.yaml", text: text), diagnostics: &diagnostics)
        return (document, diagnostics)
    }

    func mapping(_ node: YAMLNode?) -> YAMLMapping? {
        if case .mapping(let m) = node { return m }
        return nil
    }

    func scalar(_ node: YAMLNode?) -> YAMLScalar? {
        if case .scalar(let s) = node { return s }
        return nil
    }

    @Test("every node carries 1-based start and end positions with byte offsets")
    func positions() throws {
        let (document, diagnostics) = compose("a: 1\nbb:\n  - x\n  - 'y'\n")
        #expect(diagnostics.isEmpty)
        let root = try #require(mapping(document?.root))
        #expect(root.entries.map(\.key.value) == ["a", "bb"])
        let a = try #require(scalar(root.entries[0].value))
        #expect(a.range.start == SourcePosition(line: 1, column: 4, offset: 4))
        #expect(a.range.end == SourcePosition(line: 1, column: 5, offset: 5))
        guard case .sequence(let list) = root.entries[1].value else {
            Issue.record("expected a sequence")
            return
        }
        #expect(list.range.start.line == 3 && list.range.start.column == 3)
        let y = try #require(scalar(list.items[1]))
        #expect(y.style == .singleQuoted)
        #expect(y.range.start == SourcePosition(line: 4, column: 5, offset: 20))
    }

    @Test("columns count Unicode scalars and offsets count bytes after non-ASCII text")
    func nonASCII() throws {
        let (document, _) = compose("name: \"é漢字\"\nnext: 😀 x\n")
        let root = try #require(mapping(document?.root))
        let next = try #require(scalar(root.entries[1].value))
        #expect(next.value == "😀 x")
        #expect(next.range.start == SourcePosition(line: 2, column: 7, offset: 24))
        #expect(next.range.end.column == 10)
    }

    @Test("scalar styles are kept and quoted booleans stay text")
    func styles() throws {
        let (document, _) = compose("a: true\nb: 'true'\nc: \"x\"\nd: |\n  lit\ne: >\n  fold\n")
        let root = try #require(mapping(document?.root))
        let styles = root.entries.compactMap { scalar($0.value)?.style }
        #expect(styles == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
    }

    @Test("scalars keep NUL escapes and are built from their length")
    func nulEscape() throws {
        let (document, diagnostics) = compose("a: \"x\\0y\"\n")
        #expect(diagnostics.isEmpty)
        let root = try #require(mapping(document?.root))
        #expect(scalar(root.entries[0].value)?.value == "x\u{0}y")
    }

    @Test("a duplicate key is an error at the second key with a note at the first")
    func duplicateKey() throws {
        let (_, diagnostics) = compose("a: 1\nb: 2\na: 3\n")
        let d = try #require(diagnostics.all.first)
        #expect(d.id == .yamlDuplicateKey)
        #expect(d.range?.start.line == 3)
        #expect(d.notes.first?.range?.start.line == 1)
    }

    @Test("the second document is rejected at its marker; the first is kept for further checks")
    func multipleDocuments() {
        let (document, diagnostics) = compose("a: 1\n---\nb: 2\n")
        #expect(document != nil)
        #expect(diagnostics.all.map(\.id) == [.yamlMultipleDocuments])
        #expect(diagnostics.all.first?.range?.start.line == 2)
    }

    @Test("an empty file, a comment-only file and a lone document marker are empty")
    func emptyFiles() {
        for text in ["", "# just a comment\n", "---\n", "\n\n"] {
            let (document, diagnostics) = compose(text)
            #expect(document == nil)
            #expect(diagnostics.all.map(\.id) == [.yamlEmptyFile], "\(text.debugDescription)")
        }
    }

    @Test("syntax errors carry libyaml's problem and context")
    func syntaxError() throws {
        let (document, diagnostics) = compose("a: [1, 2\nb: 3\n")
        #expect(document == nil)
        let d = try #require(diagnostics.all.first)
        #expect(d.id == .yamlSyntax)
        #expect(d.message.contains("invalid YAML"))
        #expect(!d.notes.isEmpty)
    }

    @Test("a tab used for indentation gets its own explanation")
    func tabs() throws {
        let (_, diagnostics) = compose("a:\n\tb: 1\n")
        let d = try #require(diagnostics.all.first)
        #expect(d.id == .yamlTabIndentation)
        #expect(d.range?.start.line == 2)
        #expect(d.hint?.contains("spaces") == true)
    }

    @Test("invalid UTF-8 and NUL bytes are reported at their position")
    func encoding() throws {
        var diagnostics = Diagnostics()
        _ = YAMLComposer().compose(SourceFile(path: "f", bytes: Array("a: 1\nb: x".utf8) + [0xFF, 0x0A]), diagnostics: &diagnostics)
        #expect(diagnostics.all.map(\.id) == [.yamlInvalidUTF8])
        #expect(diagnostics.all.first?.range?.start == SourcePosition(line: 2, column: 5, offset: 10))
        diagnostics = Diagnostics()
        _ = YAMLComposer().compose(SourceFile(path: "f", bytes: Array("a: 1\n".utf8) + [0x00]), diagnostics: &diagnostics)
        #expect(diagnostics.all.map(\.id) == [.yamlNulByte])
        #expect(diagnostics.all.first?.range?.start.line == 2)
    }

    @Test("overlong encodings and surrogates are invalid UTF-8")
    func strictUTF8() {
        for bytes: [UInt8] in [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            #expect(YAMLComposer.firstEncodingProblem(in: Array("a: ".utf8) + bytes) != nil, "\(bytes)")
        }
        #expect(YAMLComposer.firstEncodingProblem(in: Array("a: é漢😀".utf8)) == nil)
    }

    @Test("nesting deeper than the limit stops composition")
    func depth() {
        let (document, diagnostics) = compose(String(repeating: "[", count: 100))
        #expect(document == nil)
        #expect(diagnostics.all.map(\.id) == [.yamlTooDeep])
        #expect(diagnostics.all.first?.range?.start.column == 65)
    }

    @Test("a complex mapping key is rejected")
    func complexKey() {
        let (_, diagnostics) = compose("? [a, b]\n: 1\n")
        #expect(diagnostics.all.map(\.id) == [.yamlComplexKey])
    }
}
