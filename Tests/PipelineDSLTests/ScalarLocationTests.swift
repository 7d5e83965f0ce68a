@testable import PipelineDSL
import Testing

/// An offset inside a scalar's value maps back to the exact source character, whatever the style.
@Suite("Positions inside scalars")
struct ScalarLocationTests {
    /// Composes `text`, takes the value of key `k`, and returns the source position of the first occurrence of
    /// `needle` in that value.
    func position(of needle: String, in text: String) throws -> SourcePosition {
        let file = SourceFile(path: "f.yaml", text: text)
        var diagnostics = Diagnostics()
        let document = try #require(YAMLComposer().compose(file, diagnostics: &diagnostics))
        guard case .mapping(let mapping) = document.root, case .scalar(let scalar) = mapping.entry("k")?.value else {
            throw ScalarError.notFound
        }
        let value = Array(scalar.value.unicodeScalars)
        let target = Array(needle.unicodeScalars)
        guard let offset = (0...(value.count - target.count)).first(where: { Array(value[$0..<($0 + target.count)]) == target })
        else { throw ScalarError.notFound }
        return file.position(in: scalar, valueOffset: offset)
    }

    enum ScalarError: Error { case notFound }

    @Test("plain scalar")
    func plain() throws {
        let p = try position(of: "bad", in: "k: a AND bad\n")
        #expect((p.line, p.column) == (1, 10))
    }

    @Test("double-quoted scalar with escapes before the target")
    func doubleQuoted() throws {
        let p = try position(of: "bad", in: "k: \"a\\tb\\\"c\\u00e9 bad\"\n")
        #expect((p.line, p.column) == (1, 19))
    }

    @Test("single-quoted scalar with doubled quotes")
    func singleQuoted() throws {
        let p = try position(of: "bad", in: "k: 'it''s bad'\n")
        #expect((p.line, p.column) == (1, 11))
    }

    @Test("multi-line plain scalar folds line breaks")
    func multiLinePlain() throws {
        let p = try position(of: "bad", in: "k: first line\n  second bad\n")
        #expect((p.line, p.column) == (2, 10))
    }

    @Test("literal block scalar")
    func literal() throws {
        let p = try position(of: "bad", in: "k: |\n  line one\n  two bad\n")
        #expect((p.line, p.column) == (3, 7))
    }

    @Test("folded block scalar with a strip indicator")
    func folded() throws {
        let p = try position(of: "bad", in: "k: >-\n    alpha beta\n    gamma bad\n")
        #expect((p.line, p.column) == (3, 11))
    }

    @Test("non-ASCII text before the target on the same line")
    func nonASCII() throws {
        let p = try position(of: "bad", in: "k: \"é漢字😀 bad\"\n")
        #expect((p.line, p.column) == (1, 10))
        #expect(p.offset == 1 + 3 + 1 + 2 + 3 + 3 + 4 + 1)
    }
}
