import Compiler
import Foundation
import PipelineDSL
import TestSupport

/// The broken-file corpus in `Tests/CompilerTests/Corpus` and the example project it is validated against.
///
/// Every `NAME.yaml` has a sidecar `NAME.expected` with one diagnostic a line, `SEVERITY CODE LINE:COL`, in the
/// order the formatters print them (``Diagnostics/sorted``). Positions are 1-based and columns count Unicode
/// scalars. Each file is validated on its own, with the example project (`tables/`, `procedures/`,
/// `pipelines/` at the repository root) as context, so it can call `sp_genai_payg_price_usage` or load into
/// `genai_payg_usage_raw`.
enum Corpus {
    /// `Tests/CompilerTests`, found from this file's path so the tests run from any working directory.
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// `Tests/CompilerTests/Corpus`.
    static let directory = testsDirectory.appendingPathComponent("Corpus", isDirectory: true)

    /// The names (without `.yaml`) of every corpus file, sorted.
    static let names: [String] = files(withSuffix: ".yaml").map { String($0.dropLast(".yaml".count)) }

    /// Every file name in the corpus folder that ends with `suffix`, sorted.
    static func files(withSuffix suffix: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }.sorted()
    }

    /// The example project, with paths relative to the repository root as the CLI shows them.
    static let exampleFiles: [SourceFile] = exampleProjectFiles()

    /// The corpus file `NAME.yaml`, with the path `Corpus/NAME.yaml` that its diagnostics show.
    static func sourceFile(_ name: String) throws -> SourceFile {
        let data = try Data(contentsOf: directory.appendingPathComponent("\(name).yaml"))
        return SourceFile(path: "Corpus/\(name).yaml", bytes: [UInt8](data))
    }

    /// Validates one corpus file with the example project as context.
    static func validate(_ file: SourceFile) -> Diagnostics {
        Compiler.validate([file], context: exampleFiles).diagnostics
    }

    /// The diagnostics as sidecar lines: `SEVERITY CODE LINE:COL` (`-` for a diagnostic without a position).
    static func summaryLines(_ diagnostics: Diagnostics) -> [String] {
        diagnostics.sorted.map { diagnostic in
            let position = diagnostic.range.map { "\($0.start.line):\($0.start.column)" } ?? "-"
            return "\(diagnostic.severity.rawValue) \(diagnostic.id.rawValue) \(position)"
        }
    }

    /// The non-empty lines of `NAME.expected` (nil if there is no sidecar).
    static func expectedLines(_ name: String) -> [String]? {
        let url = directory.appendingPathComponent("\(name).expected")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The code of a sidecar line (its second word).
    static func code(ofExpectedLine line: String) -> String? {
        let words = line.split(separator: " ")
        return words.count == 3 ? String(words[1]) : nil
    }

    /// True if `line` has the sidecar shape `SEVERITY CODE LINE:COL`.
    static func isWellFormed(_ line: String) -> Bool {
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        guard words.count == 3, ["error", "warning", "note"].contains(words[0]) else { return false }
        let position = words[2].split(separator: ":", omittingEmptySubsequences: false)
        return !words[1].isEmpty && position.count == 2
            && position.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigitCharacter) && $0 != "0" }
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}

/// A line diff of two texts for failure messages: `-` expected only, `+` actual only, ` ` both (a change
/// shows its `-` lines first).
func unifiedLineDiff(expected: String, actual: String) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // Longest common subsequence table, from the end.
    var lcs = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
    for i in stride(from: old.count - 1, through: 0, by: -1) {
        for j in stride(from: new.count - 1, through: 0, by: -1) {
            lcs[i][j] = old[i] == new[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
        }
    }
    var lines: [String] = []
    var i = 0
    var j = 0
    while i < old.count || j < new.count {
        if i < old.count, j < new.count, old[i] == new[j] {
            lines.append("  \(old[i])")
            i += 1
            j += 1
        } else if j < new.count, i == old.count || lcs[i][j + 1] > lcs[i + 1][j] {
            lines.append("+ \(new[j])")
            j += 1
        } else {
            lines.append("- \(old[i])")
            i += 1
        }
    }
    return lines.joined(separator: "\n")
}
