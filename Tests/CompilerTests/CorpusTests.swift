import Compiler
import Foundation
import PipelineDSL
import TestSupport
import Testing

/// One corpus file, named for the test report.
struct CorpusCase: Sendable, CustomTestStringConvertible {
    /// The file name without `.yaml`.
    let name: String

    var testDescription: String { name }

    /// Every corpus file.
    static let all: [CorpusCase] = Corpus.names.map(CorpusCase.init)
}

@Suite("Broken-file corpus")
struct CorpusTests {
    /// Codes no single definition file can trigger, with the reason. Every other code in
    /// ``DiagnosticID/catalog`` must appear in at least one `.expected` file.
    static let notTriggerableByOneFile: [DiagnosticID: String] = [
        // Reported when `Compiler.validate` is given no files at all.
        .projectNoFiles: "needs an empty list of files",
        // About `Compiler.compile`'s options (org, env, project), not about a file; it has no position.
        .compileInvalidOption: "comes from compile options, not from a definition file",
        // Needs a file over 4 MiB; too big to keep in the corpus (covered by a composer limit test).
        .yamlFileTooLarge: "needs a file larger than 4 MiB",
        // Needs more than 200,000 nodes, a file of several hundred KB; covered with lowered limits instead.
        .yamlTooManyNodes: "needs more than 200,000 YAML nodes",
    ]

    /// Code families of the expression checker and the passes: they are covered by the marker tests in
    /// ExpressionDiagnosticsTests and PassDiagnosticsTests (one or more per code) rather than by corpus files.
    static let familiesNotYetInCorpus: [String] = [
        "expr.",  // ProcedureChecker / ExpressionChecker
        "write.",  // ProcedureChecker
        "hierarchy.",  // ProcedureChecker, HierarchyPass
        "focus.",  // ProcedureChecker, FOCUS rules
        "pruning.",  // PartitionPruningProof
        "tenant.",  // TenantProof
    ]

    @Test("corpus file gets its expected diagnostics", arguments: CorpusCase.all)
    func corpusFileGetsItsExpectedDiagnostics(_ corpusCase: CorpusCase) throws {
        let name = corpusCase.name
        let expected = try #require(
            Corpus.expectedLines(name), "Corpus/\(name).yaml has no sidecar Corpus/\(name).expected")
        let malformed = expected.filter { !Corpus.isWellFormed($0) }
        #expect(malformed.isEmpty, "malformed lines in \(name).expected (want SEVERITY CODE LINE:COL): \(malformed)")

        let file = try Corpus.sourceFile(name)
        let diagnostics = Corpus.validate(file)
        let actual = Corpus.summaryLines(diagnostics)
        #expect(actual == expected, Comment(rawValue: Self.report(name, expected: expected, actual: actual, diagnostics, file)))
    }

    /// A failure message: both lists, the first difference, and the human rendering for context.
    static func report(
        _ name: String, expected: [String], actual: [String], _ diagnostics: Diagnostics, _ file: SourceFile
    ) -> String {
        var text = "Corpus/\(name).yaml: diagnostics differ from \(name).expected\n"
        text += "expected (\(expected.count)):\n" + expected.map { "  \($0)\n" }.joined()
        text += "actual (\(actual.count)):\n" + actual.map { "  \($0)\n" }.joined()
        if let index = zip(expected, actual).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            text += "first difference at line \(index + 1): expected '\(expected[index])', got '\(actual[index])'\n"
        }
        text += "as printed:\n" + DiagnosticFormatter(files: [file] + Corpus.exampleFiles).human(diagnostics)
        return text
    }

    @Test("the example project validates clean")
    func exampleProjectValidatesClean() {
        #expect(Corpus.exampleFiles.count >= 5, "example project not found under \(repositoryRoot)")
        let result = Compiler.validate(Corpus.exampleFiles)
        #expect(result.diagnostics.isEmpty, "\(DiagnosticFormatter(files: Corpus.exampleFiles).human(result.diagnostics))")
    }

    @Test("the corpus has at least 40 files, each with a sidecar")
    func corpusHasEnoughFilesWithSidecars() {
        #expect(Corpus.names.count >= 40, "only \(Corpus.names.count) corpus files in \(Corpus.directory.path)")
        for name in Corpus.names {
            #expect(Corpus.expectedLines(name) != nil, "Corpus/\(name).yaml has no \(name).expected")
        }
        let yamlNames = Set(Corpus.names)
        for sidecar in Corpus.files(withSuffix: ".expected") {
            let name = String(sidecar.dropLast(".expected".count))
            #expect(yamlNames.contains(name), "Corpus/\(sidecar) has no \(name).yaml")
        }
    }

    @Test("every diagnostic code that one file can trigger appears in the corpus")
    func everyTriggerableCodeIsCovered() {
        var covered: [String: [String]] = [:]
        for name in Corpus.names {
            for line in Corpus.expectedLines(name) ?? [] {
                if let code = Corpus.code(ofExpectedLine: line) { covered[code, default: []].append(name) }
            }
        }
        let catalog = Set(DiagnosticID.catalog.keys.map(\.rawValue))
        let allowList = Set(Self.notTriggerableByOneFile.keys.map(\.rawValue))
        let pending = catalog.filter { code in Self.familiesNotYetInCorpus.contains { code.hasPrefix($0) } }
        let missing = catalog.subtracting(allowList).subtracting(pending).subtracting(covered.keys).sorted()
        #expect(missing.isEmpty, "codes without a corpus file (add one, or explain in notTriggerableByOneFile): \(missing)")
        // Keep the allow-list honest: its codes exist and really are absent from the corpus.
        #expect(allowList.isSubset(of: catalog), "allow-listed codes not in the catalog: \(allowList.subtracting(catalog).sorted())")
        let coveredAnyway = allowList.intersection(covered.keys).sorted()
        #expect(coveredAnyway.isEmpty, "allow-listed codes that the corpus covers (remove them from the list): \(coveredAnyway)")
        let unknown = Set(covered.keys).subtracting(catalog).sorted()
        #expect(unknown.isEmpty, "codes in .expected files that are not in the catalog: \(unknown)")
    }
}
