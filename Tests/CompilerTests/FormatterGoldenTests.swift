import Compiler
import Foundation
import PipelineDSL
import Testing

/// End-to-end goldens of the formatters' output for chosen corpus files, stored next to them:
/// `Corpus/NAME.human.txt`, and `NAME.json.txt`, `NAME.sarif.txt`, `NAME.github.txt` for one file.
///
/// To accept new output: `UPDATE_GOLDEN=1 swift test --filter FormatterGoldenTests`, review `git diff`, then run
/// again without the variable (a run that writes goldens always fails, so CI cannot pass by rewriting them).
@Suite("Formatter goldens")
struct FormatterGoldenTests {
    /// Files whose human output is kept: notes (in the same file and in the example project), hints, carets
    /// after non-ASCII text, inside escapes and block scalars, a tab in the snippet, and a zero-width range.
    static let humanCases = [
        "yaml-duplicate-key",
        "yaml-tab-indentation",
        "yaml-syntax-unclosed-flow-mapping",
        "syntax-invalid-cron-double-quoted",
        "syntax-unknown-time-zone",
        "syntax-invalid-identifier-block-scalars",
        "syntax-missing-key",
        "pipeline-cycle-three-steps",
        "pipeline-unknown-argument",
        "table-cluster",
    ]

    /// The file whose json, sarif and github output is kept: errors and a warning, notes and hints, non-ASCII.
    static let machineCase = "pipeline-mixed-diagnostics"

    /// A fixed version, so the SARIF golden does not change with each release.
    static let toolVersion = "0.0.0-golden"

    /// Renders with every file of the run known to the formatter, so notes into the example project get snippets.
    static func render(_ name: String, as format: DiagnosticFormatter.Format) throws -> (String, Diagnostics) {
        let file = try Corpus.sourceFile(name)
        let diagnostics = Corpus.validate(file)
        let formatter = DiagnosticFormatter(files: [file] + Corpus.exampleFiles, toolVersion: toolVersion)
        return (formatter.format(diagnostics, as: format), diagnostics)
    }

    @Test("human output matches its golden", arguments: humanCases)
    func humanOutputMatchesGolden(_ name: String) throws {
        let (text, diagnostics) = try Self.render(name, as: .human)
        #expect(!diagnostics.isEmpty, "Corpus/\(name).yaml produced no diagnostics")
        expectFormatterGolden(text, named: "\(name).human.txt")
    }

    @Test(
        "json, sarif and github output of a file with several diagnostics match their goldens",
        arguments: [DiagnosticFormatter.Format.json, .sarif, .github])
    func machineOutputMatchesGolden(_ format: DiagnosticFormatter.Format) throws {
        let (text, diagnostics) = try Self.render(Self.machineCase, as: format)
        #expect(Set(diagnostics.all.map(\.severity)) == [.error, .warning], "the file should have errors and a warning")
        expectFormatterGolden(text, named: "\(Self.machineCase).\(format.rawValue).txt")
    }

    @Test("a golden that matches passes, a missing one names the command, a different one shows a diff")
    func goldenHelperReportsProblems() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("cloudact-golden-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("case.txt")

        withKnownIssue {
            expectFormatterGolden("a\nb\n", at: url, shownAs: "case.txt", update: false)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("UPDATE_GOLDEN=1 swift test --filter FormatterGoldenTests") }
        }
        withKnownIssue {
            expectFormatterGolden("a\nb\n", at: url, shownAs: "case.txt", update: true)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("updated golden case.txt; re-run without UPDATE_GOLDEN") }
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "a\nb\n")
        expectFormatterGolden("a\nb\n", at: url, shownAs: "case.txt", update: false)
        withKnownIssue {
            expectFormatterGolden("a\nc\n", at: url, shownAs: "case.txt", update: false)
        } matching: { issue in
            issue.comments.contains { $0.rawValue.contains("- b\n+ c") }
        }
    }

    @Test("sarif output is JSON with version 2.1.0 and one result per diagnostic")
    func sarifIsValidJSON() throws {
        let (text, diagnostics) = try Self.render(Self.machineCase, as: .sarif)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let log = try #require(object as? [String: Any], "SARIF is not a JSON object")
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let results = try #require(runs.first?["results"] as? [[String: Any]])
        #expect(results.count == diagnostics.all.count)
        for (result, diagnostic) in zip(results, diagnostics.sorted) {
            #expect(result["ruleId"] as? String == diagnostic.id.rawValue)
            let locations = result["locations"] as? [[String: Any]]
            let physical = locations?.first?["physicalLocation"] as? [String: Any]
            let region = physical?["region"] as? [String: Any]
            #expect(region?["startLine"] as? Int == diagnostic.range?.start.line)
            #expect(region?["startColumn"] as? Int == diagnostic.range?.start.column)
        }
    }
}

/// Compares `actual` with the golden `Corpus/NAME`; with `UPDATE_GOLDEN=1` rewrites it and fails.
func expectFormatterGolden(_ actual: String, named golden: String, sourceLocation: SourceLocation = #_sourceLocation) {
    expectFormatterGolden(
        actual, at: Corpus.directory.appendingPathComponent(golden), shownAs: "Tests/CompilerTests/Corpus/\(golden)",
        update: ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1", sourceLocation: sourceLocation)
}

/// Compares `actual` with the golden file at `url`. When `update` is true, writes the file and records a failure
/// (a run that rewrites goldens must not pass). A missing golden fails with the command that creates it; a
/// mismatch fails with a line diff.
func expectFormatterGolden(
    _ actual: String, at url: URL, shownAs shown: String, update: Bool,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    if update {
        do {
            try Data(actual.utf8).write(to: url)
            Issue.record("updated golden \(shown); re-run without UPDATE_GOLDEN", sourceLocation: sourceLocation)
        } catch {
            Issue.record("could not write golden \(shown): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = try? Data(contentsOf: url) else {
        Issue.record(
            "missing golden \(shown); create it with: UPDATE_GOLDEN=1 swift test --filter FormatterGoldenTests",
            sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        Issue.record(
            """
            output differs from golden \(shown) (- golden, + actual):
            \(unifiedLineDiff(expected: expected, actual: actual))
            If the new output is right: UPDATE_GOLDEN=1 swift test --filter FormatterGoldenTests
            """,
            sourceLocation: sourceLocation)
    }
}
