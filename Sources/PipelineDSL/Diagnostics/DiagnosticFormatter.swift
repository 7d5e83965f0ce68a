import Foundation

/// Prints diagnostics in the formats `cloudact validate --format` offers. One formatter for the CLI, the
/// server and the tests, so every surface shows the same text.
public struct DiagnosticFormatter: Sendable {
    /// An output format.
    public enum Format: String, Sendable, CaseIterable {
        /// `path:line:col: error[code]: message`, the source line and a caret.
        case human
        /// A JSON object with the diagnostics and counts.
        case json
        /// SARIF 2.1.0 for code scanning.
        case sarif
        /// GitHub Actions workflow commands (`::error file=…`).
        case github
    }

    /// The files diagnostics may point into, by path (for snippets).
    public var files: [String: SourceFile]
    /// The tool version reported in SARIF.
    public var toolVersion: String

    /// Creates a formatter.
    public init(files: [SourceFile] = [], toolVersion: String = "0.1.0") {
        var byPath: [String: SourceFile] = [:]
        for file in files { byPath[file.path] = file }
        self.files = byPath
        self.toolVersion = toolVersion
    }

    /// Renders diagnostics in a format; the text ends with a newline unless empty.
    public func format(_ diagnostics: Diagnostics, as format: Format) -> String {
        switch format {
        case .human: human(diagnostics)
        case .json: json(diagnostics)
        case .sarif: sarif(diagnostics)
        case .github: github(diagnostics)
        }
    }

    // MARK: - Human

    /// `path:line:col: severity[code]: message`, then the source line with a caret, notes and hint.
    public func human(_ diagnostics: Diagnostics) -> String {
        var out = ""
        for diagnostic in diagnostics.sorted {
            out += human(diagnostic)
        }
        return out
    }

    /// One diagnostic in the human format.
    public func human(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if let range = diagnostic.range {
            out += "\(range.file):\(range.start.line):\(range.start.column): "
        }
        out += "\(diagnostic.severity.rawValue)[\(diagnostic.id.rawValue)]: \(diagnostic.message)\n"
        if let range = diagnostic.range, let snippet = snippet(range) { out += snippet }
        for note in diagnostic.notes {
            if let range = note.range {
                out += "  note: \(note.message) (\(range.file):\(range.start.line):\(range.start.column))\n"
                if let snippet = snippet(range) { out += snippet }
            } else {
                out += "  note: \(note.message)\n"
            }
        }
        if let hint = diagnostic.hint { out += "  hint: \(hint)\n" }
        return out
    }

    /// The source line of `range.start` and a caret line under the range (to the end of that line at most).
    func snippet(_ range: SourceRange) -> String? {
        guard let file = files[range.file], range.start.line >= 1, range.start.line <= file.lineCount else {
            return nil
        }
        let text = file.lineText(range.start.line)
        let scalars = Array(text.unicodeScalars)
        let gutter = String(range.start.line)
        let pad = String(repeating: " ", count: gutter.count)
        // Keep tabs in the caret line so the caret lines up in any terminal, and pad by display width so it lines
        // up after wide characters (漢字, emoji) and combining marks too.
        var marker = ""
        let startIndex = max(0, min(range.start.column - 1, scalars.count))
        for index in 0..<startIndex {
            marker += scalars[index] == "\t" ? "\t" : String(repeating: " ", count: Self.displayWidth(scalars[index]))
        }
        var endIndex = startIndex + 1
        if range.end.line == range.start.line, range.end.column > range.start.column {
            endIndex = range.end.column - 1
        } else if range.end.line > range.start.line {
            endIndex = scalars.count
        }
        endIndex = max(startIndex + 1, min(endIndex, scalars.count))
        let width = startIndex < scalars.count ? scalars[startIndex..<endIndex].reduce(0) { $0 + Self.displayWidth($1) } : 1
        marker += String(repeating: "^", count: max(1, width))
        let shown = scalars.count > 200 ? String(String.UnicodeScalarView(scalars.prefix(200))) + "…" : text
        return "\(pad) |\n\(gutter) | \(shown)\n\(pad) | \(marker)\n"
    }

    /// Terminal columns a character takes: 0 for combining marks and joiners, 2 for East Asian wide characters and
    /// emoji, 1 otherwise. An approximation of wcwidth that covers the scripts our users write.
    static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.value == 0x200D || (0xFE00...0xFE0F).contains(scalar.value) { return 0 }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F680...0x1F6FF, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(scalar.value) } ? 2 : 1
    }

    // MARK: - JSON

    struct JSONReport: Encodable {
        var valid: Bool
        var errorCount: Int
        var warningCount: Int
        var diagnostics: [Diagnostic]
    }

    /// `{ "valid", "errorCount", "warningCount", "diagnostics": [...] }` with 1-based positions, keys sorted.
    public func json(_ diagnostics: Diagnostics) -> String {
        let report = JSONReport(
            valid: !diagnostics.hasErrors, errorCount: diagnostics.errorCount,
            warningCount: diagnostics.warningCount, diagnostics: diagnostics.sorted)
        return Self.encode(report)
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: - SARIF

    /// SARIF 2.1.0 with one rule per diagnostic code and columns in Unicode code points.
    public func sarif(_ diagnostics: Diagnostics) -> String {
        let sorted = diagnostics.sorted
        var ruleIDs: [String] = []
        for diagnostic in sorted where !ruleIDs.contains(diagnostic.id.rawValue) {
            ruleIDs.append(diagnostic.id.rawValue)
        }
        ruleIDs.sort()
        let rules: [SARIF.Rule] = ruleIDs.map { id in
            SARIF.Rule(
                id: id,
                shortDescription: .init(text: DiagnosticID.catalog[DiagnosticID(rawValue: id)] ?? id),
                helpUri: "https://github.com/cloudact/pipelines/blob/main/Docs/DIAGNOSTICS.md")
        }
        let results = sorted.map { diagnostic in
            SARIF.Result(
                ruleId: diagnostic.id.rawValue,
                ruleIndex: ruleIDs.firstIndex(of: diagnostic.id.rawValue) ?? 0,
                level: diagnostic.severity.rawValue,
                message: .init(text: diagnostic.message + (diagnostic.hint.map { " (hint: \($0))" } ?? "")),
                locations: diagnostic.range.map { [SARIF.Location(range: $0, message: nil)] } ?? [],
                relatedLocations: diagnostic.notes.compactMap { note in
                    note.range.map { SARIF.Location(range: $0, message: .init(text: note.message)) }
                })
        }
        let log = SARIF.Log(
            runs: [
                .init(
                    tool: .init(
                        driver: .init(
                            name: "cloudact", version: toolVersion,
                            informationUri: "https://github.com/cloudact/pipelines", rules: rules)),
                    results: results)
            ])
        return Self.encode(log)
    }

    enum SARIF {
        struct Log: Encodable {
            var schema = "https://json.schemastore.org/sarif-2.1.0.json"
            var version = "2.1.0"
            var runs: [Run]
            enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
        }
        struct Run: Encodable {
            var tool: Tool
            var columnKind = "unicodeCodePoints"
            var results: [Result]
        }
        struct Tool: Encodable { var driver: Driver }
        struct Driver: Encodable {
            var name: String
            var version: String
            var informationUri: String
            var rules: [Rule]
        }
        struct Text: Encodable { var text: String }
        struct Rule: Encodable {
            var id: String
            var shortDescription: Text
            var helpUri: String
        }
        struct Result: Encodable {
            var ruleId: String
            var ruleIndex: Int
            var level: String
            var message: Text
            var locations: [Location]
            var relatedLocations: [Location]
        }
        struct Location: Encodable {
            struct Physical: Encodable {
                struct Artifact: Encodable { var uri: String }
                struct Region: Encodable {
                    var startLine: Int
                    var startColumn: Int
                    var endLine: Int
                    var endColumn: Int
                }
                var artifactLocation: Artifact
                var region: Region
            }
            var physicalLocation: Physical
            var message: Text?

            init(range: SourceRange, message: Text?) {
                physicalLocation = Physical(
                    artifactLocation: .init(uri: range.file),
                    region: .init(
                        startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line,
                        endColumn: max(range.end.column, range.end.line == range.start.line ? range.start.column + 1 : 1)))
                self.message = message
            }
        }
    }

    // MARK: - GitHub

    /// One workflow command per diagnostic: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
    public func github(_ diagnostics: Diagnostics) -> String {
        var out = ""
        for diagnostic in diagnostics.sorted {
            let command = diagnostic.severity == .note ? "notice" : diagnostic.severity.rawValue
            var properties: [String] = []
            if let range = diagnostic.range {
                properties.append("file=\(Self.escapeProperty(range.file))")
                properties.append("line=\(range.start.line)")
                properties.append("col=\(range.start.column)")
                properties.append("endLine=\(range.end.line)")
                properties.append("endColumn=\(range.end.column)")
            }
            properties.append("title=\(Self.escapeProperty(diagnostic.id.rawValue))")
            var message = diagnostic.message
            for note in diagnostic.notes {
                message += "\nnote: \(note.message)" + (note.range.map { " (\($0))" } ?? "")
            }
            if let hint = diagnostic.hint { message += "\nhint: \(hint)" }
            out += "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
        }
        return out
    }

    /// Escaping for a workflow command's message.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escaping for a workflow command's property value.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
