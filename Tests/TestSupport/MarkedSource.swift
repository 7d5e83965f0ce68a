public import PipelineDSL
public import Testing

/// A source text with emoji markers (1️⃣ 2️⃣ …) at the positions diagnostics are expected, after swift-syntax's
/// and swift-format's marker tests. The markers are removed and their 1-based line:column remembered.
public struct MarkedSource {
    public static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

    public let text: String
    public let positions: [String: (line: Int, column: Int)]

    public init(_ marked: String) {
        var text = ""
        var positions: [String: (Int, Int)] = [:]
        var line = 1
        var column = 1
        var rest = Substring(marked)
        outer: while !rest.isEmpty {
            for marker in Self.markers where rest.hasPrefix(marker) {
                positions[marker] = (line, column)
                rest = rest.dropFirst(marker.count)
                continue outer
            }
            let character = rest.removeFirst()
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        self.text = text
        self.positions = positions
    }
}

/// One expected diagnostic: a code at a marker.
public struct ExpectedDiagnostic {
    var marker: String
    var id: DiagnosticID
    var messageContains: String?

    public init(_ marker: String, _ id: DiagnosticID, message: String? = nil) {
        self.marker = marker
        self.id = id
        self.messageContains = message
    }
}

/// The repository root, found from this file's path.
public let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/TestSupport/MarkedSource.swift
    return parts.joined(separator: "/")
}()

/// Asserts that `diagnostics` (errors and warnings) are exactly the expected ones, each at its marker.
public func expectDiagnostics(
    _ diagnostics: Diagnostics, in source: MarkedSource, _ expected: [ExpectedDiagnostic],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = diagnostics.sorted.map { d in
        "\(d.id.rawValue) at \(d.range.map { "\($0.start.line):\($0.start.column)" } ?? "-")"
    }
    let wanted = expected.map { e -> String in
        let position = source.positions[e.marker]
        return "\(e.id.rawValue) at \(position.map { "\($0.line):\($0.column)" } ?? "missing marker \(e.marker)")"
    }
    #expect(actual.sorted() == wanted.sorted(), "\n\(diagnostics.sorted.map { "\($0.id): \($0.message)" }.joined(separator: "\n"))", sourceLocation: sourceLocation)
    for e in expected {
        guard let text = e.messageContains else { continue }
        #expect(
            diagnostics.all.contains { $0.id == e.id && $0.message.contains(text) },
            "no \(e.id) message contains '\(text)'", sourceLocation: sourceLocation)
    }
}

/// Composes and decodes a marked source; returns the diagnostics.
public func parseDiagnostics(_ source: MarkedSource, path: String = "test.yaml") -> (DocumentSyntax?, Diagnostics) {
    var diagnostics = Diagnostics()
    let syntax = DocumentSyntax.parse(SourceFile(path: path, text: source.text), diagnostics: &diagnostics)
    return (syntax, diagnostics)
}
