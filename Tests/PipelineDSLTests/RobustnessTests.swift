import PipelineDSL
import TestSupport
import Testing

import Compiler

// The front end's robustness contract, tested two ways:
//
// 1. Mutation: every valid example file of the repository is damaged in small, seeded, reproducible ways (a line
//    deleted, duplicated, re-indented or swapped, a tab or a hostile byte sequence inserted, the file cut short).
//    Whatever the damage, parsing either succeeds or reports at least one error, and every position it reports
//    lies inside the file. The same holds for `Compiler.validate` with the rest of the project as context.
// 2. Hostile inputs: files built to exhaust a parser (deep nesting, huge collections, alias bombs, oversized
//    files) are each rejected with the specific diagnostic that names the limit.
//
// Timing is deliberately not asserted; `Scripts/measure-hostile.sh` measures the release build instead.

// MARK: - Mutation

@Suite("Robustness: mutated example files")
struct MutatedExampleTests {
    /// The base seed; each mutant's own seed is derived from it, the file and the mutant's index, and printed on
    /// failure so one mutant can be rebuilt with `Mutator.mutant(of:seed:)`.
    static let baseSeed: UInt64 = 0xC10D_AC7_2026
    /// Mutants in total, spread evenly over the example files (at least 2,000 are required).
    static let totalMutants = 2_500

    /// Mutants per example file, so that the total is at least `totalMutants` however many examples there are.
    static func mutantsPerFile(_ files: Int) -> Int { (totalMutants + files - 1) / max(files, 1) }

    @Test("every mutant of an example file either parses or reports an error at a position inside the file")
    func mutantsParseOrReportErrorsInsideTheFile() throws {
        let examples = exampleProjectFiles()
        try #require(!examples.isEmpty, "no example files found under \(repositoryRoot)")
        var failures = 0
        var mutants = 0
        for (fileIndex, example) in examples.enumerated() {
            for index in 0..<Self.mutantsPerFile(examples.count) {
                let seed = Mutator.seed(base: Self.baseSeed, file: fileIndex, mutant: index)
                let mutant = SourceFile(path: example.path, bytes: Mutator.mutant(of: example.bytes, seed: seed))
                mutants += 1
                var diagnostics = Diagnostics()
                let syntax = DocumentSyntax.parse(mutant, diagnostics: &diagnostics)
                var problems: [String] = []
                if syntax == nil && !diagnostics.hasErrors {
                    problems.append("parse returned nil without an error")
                }
                problems += RangeCheck.problems(in: diagnostics, files: [mutant])
                if !problems.isEmpty {
                    failures += 1
                    if failures <= 10 {
                        Issue.record(Comment(rawValue: Self.report(problems, seed, mutant, diagnostics)))
                    }
                }
            }
        }
        #expect(mutants >= 2_000)
    }

    @Test("validating a mutant in the project yields a checked project or an error inside the file")
    func mutantsValidateOrReportErrorsInsideTheFile() throws {
        let examples = exampleProjectFiles()
        try #require(!examples.isEmpty, "no example files found under \(repositoryRoot)")
        var failures = 0
        var mutants = 0
        for (fileIndex, example) in examples.enumerated() {
            // The mutant keeps the example's path, so it replaces the example in the project.
            let context = examples.filter { $0.path != example.path }
            for index in 0..<Self.mutantsPerFile(examples.count) {
                let seed = Mutator.seed(base: Self.baseSeed, file: fileIndex, mutant: index)
                let mutant = SourceFile(path: example.path, bytes: Mutator.mutant(of: example.bytes, seed: seed))
                mutants += 1
                let result = Compiler.validate([mutant], context: context)
                var problems: [String] = []
                if result.project == nil && !result.diagnostics.hasErrors {
                    problems.append("validate returned no project without an error")
                }
                problems += RangeCheck.problems(in: result.diagnostics, files: [mutant] + context)
                if !problems.isEmpty {
                    failures += 1
                    if failures <= 10 {
                        Issue.record(Comment(rawValue: Self.report(problems, seed, mutant, result.diagnostics)))
                    }
                }
            }
        }
        #expect(mutants >= 2_000)
    }

    @Test("the example project validates clean, so every mutant starts from a valid file")
    func examplesAreValid() throws {
        let examples = exampleProjectFiles()
        #expect(examples.count >= 5)
        let result = Compiler.validate(examples)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.all.map(\.message))")
        #expect(result.project != nil)
    }

    @Test("the same seed always builds the same mutant")
    func mutationIsDeterministic() throws {
        let example = try #require(exampleProjectFiles().first)
        for index in 0..<50 {
            let seed = Mutator.seed(base: Self.baseSeed, file: 0, mutant: index)
            #expect(Mutator.mutant(of: example.bytes, seed: seed) == Mutator.mutant(of: example.bytes, seed: seed))
        }
        var generator = SplitMix64(seed: 1)
        // Reference values of SplitMix64 for seed 1, so the generator cannot drift silently.
        #expect(generator.next() == 0x910A_2DEC_8902_5CC1)
        #expect(generator.next() == 0xBEEB_8DA1_658E_EC67)
    }

    static func report(_ problems: [String], _ seed: UInt64, _ mutant: SourceFile, _ diagnostics: Diagnostics)
        -> String
    {
        let shown = diagnostics.all.prefix(5).map { diagnostic in
            let at =
                diagnostic.range.map {
                    "\($0.file):\($0.start.line):\($0.start.column)-\($0.end.line):\($0.end.column)"
                } ?? "-"
            return "  \(diagnostic.severity.rawValue)[\(diagnostic.id.rawValue)] at \(at): \(diagnostic.message)"
        }
        return """
            \(problems.joined(separator: "; "))
            file: \(mutant.path) (\(mutant.lineCount) lines), mutant seed: 0x\(String(seed, radix: 16)) \
            (rebuild with Mutator.mutant(of: bytes, seed: 0x\(String(seed, radix: 16))))
            diagnostics:
            \(shown.joined(separator: "\n"))
            mutant text (escaped):
            \(Mutator.escaped(mutant.bytes))
            """
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and the same on every platform and Swift version, unlike
/// the standard library's `random(in:using:)` algorithms, which may change.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0). The modulo bias is irrelevant for a fuzzer.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// A number in `range`.
    mutating func inRange(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Builds mutants of a file from a seed. Works on bytes, so mutants may be invalid UTF-8.
enum Mutator {
    /// The kinds of damage applied.
    enum Mutation: CaseIterable {
        case deleteLine, duplicateLine, reindentLine, insertTab, insertBytes, swapLines, truncate
    }

    /// Byte sequences that tend to confuse YAML parsers or the UTF-8 pre-check.
    static let fragments: [[UInt8]] = {
        let text = [
            "\"", "'", "[", "]", "{", "}", "[[", "]]", "{{", "}}", "&a ", "&anchor ", "*a", "*anchor", "!", "!!str ",
            "!custom ", "<<", "<<: ", "---", "---\n", "...\n", ":", ": ", " :", "- ", "-", "#", "|", ">", "|-\n",
            "? ", ",", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "\\", "\"\\u00", "\r", "\r\n", "\n", " ", "@", "`",
            "$date", "\u{FEFF}", "é", "漢字", "🙂", "\u{2028}", "\u{85}",
        ]
        let bytes: [[UInt8]] = [
            [0x00], [0xFF], [0xFE], [0xC0, 0x80], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
            [0xF0, 0x9F, 0x99], [0x80], [0x09], [0x0B], [0x0C], [0x1B], [0x7F],
        ]
        return text.map { Array($0.utf8) } + bytes
    }()

    /// The seed of one mutant, mixed so that neighbouring indices give unrelated mutants.
    static func seed(base: UInt64, file: Int, mutant: Int) -> UInt64 {
        var mixer = SplitMix64(seed: base ^ (UInt64(file) << 32) ^ UInt64(mutant))
        return mixer.next()
    }

    /// Applies one to three mutations, chosen by `seed`, to `bytes`.
    static func mutant(of bytes: [UInt8], seed: UInt64) -> [UInt8] {
        var random = SplitMix64(seed: seed)
        var result = bytes
        for _ in 0..<random.inRange(1...3) {
            result = apply(random.pick(Mutation.allCases), to: result, using: &random)
        }
        return result
    }

    static func apply(_ mutation: Mutation, to bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var lines = self.lines(bytes)
        switch mutation {
        case .deleteLine:
            guard !lines.isEmpty else { return bytes }
            lines.remove(at: random.below(lines.count))
        case .duplicateLine:
            guard !lines.isEmpty else { return bytes }
            let index = random.below(lines.count)
            var line = lines[index]
            if line.last != 0x0A { line.append(0x0A) }
            lines.insert(line, at: index)
        case .reindentLine:
            guard !lines.isEmpty else { return bytes }
            let index = random.below(lines.count)
            let amount = random.inRange(1...4)
            if random.below(2) == 0 {
                lines[index].insert(contentsOf: repeatElement(0x20, count: amount), at: 0)
            } else {
                let leading = lines[index].prefix { $0 == 0x20 }.count
                lines[index].removeFirst(min(leading, amount))
            }
        case .insertTab:
            guard !lines.isEmpty else { return [0x09] + bytes }
            let index = random.below(lines.count)
            // Half the time at the start of the line (tab indentation), otherwise anywhere in it.
            let position = random.below(2) == 0 ? 0 : random.below(lines[index].count + 1)
            lines[index].insert(0x09, at: position)
        case .insertBytes:
            var result = bytes
            let position = random.below(bytes.count + 1)
            let inserted: [UInt8]
            if random.below(4) == 0 {
                inserted = (0..<random.inRange(1...4)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            } else {
                inserted = random.pick(fragments)
            }
            result.insert(contentsOf: inserted, at: position)
            return result
        case .swapLines:
            guard lines.count >= 2 else { return bytes }
            let first = random.below(lines.count)
            let second = random.below(lines.count)
            // Keep line breaks where they were, so a swap never joins two lines.
            let firstBreak = lines[first].last == 0x0A
            let secondBreak = lines[second].last == 0x0A
            var a = lines[first]
            var b = lines[second]
            if firstBreak != secondBreak {
                if firstBreak {
                    a.removeLast()
                    b.append(0x0A)
                } else {
                    b.removeLast()
                    a.append(0x0A)
                }
            }
            lines[first] = b
            lines[second] = a
        case .truncate:
            return Array(bytes.prefix(random.below(bytes.count + 1)))
        }
        return Array(lines.joined())
    }

    /// The lines of `bytes`, each with its line break (the last one may have none).
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in bytes {
            current.append(byte)
            if byte == 0x0A {
                lines.append(current)
                current = []
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The bytes as text with everything unprintable escaped (`\t`, `\r`, `\xNN`), newlines kept.
    static func escaped(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            switch byte {
            case 0x0A: text += "\n"
            case 0x09: text += "\\t"
            case 0x0D: text += "\\r"
            case 0x5C: text += "\\\\"
            case 0x20..<0x7F: text.unicodeScalars.append(Unicode.Scalar(byte))
            default: text += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return text
    }
}

/// Checks that every position a diagnostic (or one of its notes) reports lies in its file.
enum RangeCheck {
    static func problems(in diagnostics: Diagnostics, files: [SourceFile]) -> [String] {
        var lineCounts: [String: Int] = [:]
        for file in files { lineCounts[file.path] = file.lineCount }
        var problems: [String] = []
        for diagnostic in diagnostics.all {
            let ranges = [diagnostic.range] + diagnostic.notes.map(\.range)
            for case let range? in ranges {
                guard let lines = lineCounts[range.file] else {
                    problems.append("[\(diagnostic.id.rawValue)] points into unknown file '\(range.file)'")
                    continue
                }
                for (name, position) in [("start", range.start), ("end", range.end)] {
                    if position.line < 1 || position.line > lines + 1 || position.column < 1 {
                        problems.append(
                            "[\(diagnostic.id.rawValue)] \(name) \(position.line):\(position.column) is outside "
                                + "\(range.file) (\(lines) lines)")
                    }
                }
            }
        }
        return problems
    }
}

// MARK: - Hostile inputs

@Suite("Robustness: hostile inputs")
struct HostileInputTests {
    /// Parses `text` and returns its diagnostics, checking the contract every hostile input must meet: no
    /// result, at least one error, and positions inside the file.
    func rejected(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostics {
        let file = SourceFile(path: "hostile.yaml", bytes: bytes)
        var diagnostics = Diagnostics()
        let syntax = DocumentSyntax.parse(file, diagnostics: &diagnostics)
        #expect(syntax == nil, "a hostile input decoded", sourceLocation: sourceLocation)
        #expect(diagnostics.hasErrors, sourceLocation: sourceLocation)
        #expect(diagnostics.all.count <= 51, "\(diagnostics.all.count) diagnostics", sourceLocation: sourceLocation)
        let problems = RangeCheck.problems(in: diagnostics, files: [file])
        #expect(problems.isEmpty, "\(problems.prefix(5))", sourceLocation: sourceLocation)
        return diagnostics
    }

    func rejected(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Diagnostics {
        rejected(Array(text.utf8), sourceLocation: sourceLocation)
    }

    func codes(_ diagnostics: Diagnostics) -> [String] { diagnostics.all.map(\.id.rawValue) }

    @Test("200,000 nested flow sequences are rejected as too deep")
    func deepFlowSequences() {
        let diagnostics = rejected(String(repeating: "[", count: 200_000))
        #expect(codes(diagnostics) == ["yaml.too-deep"])
        #expect(diagnostics.all.first?.range?.start.column == 65)
    }

    @Test("200,000 nested flow mappings are rejected as too deep")
    func deepFlowMappings() {
        let diagnostics = rejected(String(repeating: "{a: ", count: 200_000))
        #expect(codes(diagnostics) == ["yaml.too-deep"])
    }

    @Test("a flow sequence of 1,000,000 items is rejected for too many nodes")
    func millionItemFlowSequence() {
        let diagnostics = rejected("[" + Array(repeating: "1", count: 1_000_000).joined(separator: ",") + "]\n")
        #expect(codes(diagnostics) == ["yaml.too-many-nodes"])
    }

    @Test("more than 200,000 nodes in short rows are rejected for too many nodes")
    func tooManyNodesInRows() {
        // 2,100 rows of 100 items: 212,101 nodes without one huge collection or one long line.
        let row = "  - [" + Array(repeating: "1", count: 100).joined(separator: ",") + "]\n"
        let diagnostics = rejected("rows:\n" + String(repeating: row, count: 2_100))
        #expect(codes(diagnostics) == ["yaml.too-many-nodes"])
    }

    @Test("a file larger than 4 MiB is rejected before it is parsed")
    func fiveMebibyteScalar() {
        let diagnostics = rejected("pipeline: " + String(repeating: "a", count: 5 * 1024 * 1024) + "\n")
        #expect(codes(diagnostics) == ["yaml.file-too-large"])
        #expect(diagnostics.all.first?.range?.start.line == 1)
    }

    /// Nine levels, each a list of nine aliases of the level before: 9^9 (387 million) leaves if expanded.
    static let billionLaughs: String = {
        var lines = ["a0: &a0 [" + Array(repeating: "lol", count: 9).joined(separator: ", ") + "]"]
        for level in 1..<9 {
            lines.append(
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test("a billion-laughs alias bomb is rejected for its anchors and aliases")
    func billionLaughsIsRejected() {
        let diagnostics = rejected(Self.billionLaughs)
        let found = Set(codes(diagnostics))
        #expect(found.contains("yaml.anchor"))
        #expect(found.contains("yaml.alias"))
        #expect(found.isSubset(of: ["yaml.anchor", "yaml.alias", "yaml.too-many-errors"]), "\(found)")
    }

    @Test("a billion-laughs alias bomb is never expanded, even when every error is collected")
    func billionLaughsIsNotExpanded() throws {
        var limits = YAMLComposer.Limits()
        limits.maxDiagnostics = 1_000
        var diagnostics = Diagnostics()
        let file = SourceFile(path: "laughs.yaml", text: Self.billionLaughs)
        let document = try #require(YAMLComposer(limits: limits).compose(file, diagnostics: &diagnostics))
        #expect(diagnostics.all.count { $0.id == .yamlAnchor } == 9)
        #expect(diagnostics.all.count { $0.id == .yamlAlias } == 72)
        // 1 root mapping + 9 keys + 9 lists of 9 items: each alias stands for one null, not for a copy.
        #expect(Self.nodeCount(document.root) == 1 + 9 + 9 * 10)
    }

    static func nodeCount(_ node: YAMLNode) -> Int {
        switch node {
        case .scalar: 1
        case .sequence(let sequence): 1 + sequence.items.reduce(0) { $0 + nodeCount($1) }
        case .mapping(let mapping): 1 + mapping.entries.reduce(0) { $0 + 1 + nodeCount($1.value) }
        }
    }

    @Test("100,000 duplicate keys stop after the diagnostic limit")
    func duplicateKeys() {
        let diagnostics = rejected(String(repeating: "a: 1\n", count: 100_000))
        #expect(diagnostics.all.count { $0.id == .yamlDuplicateKey } == 50)
        #expect(diagnostics.all.last?.id == .yamlTooManyErrors)
        #expect(diagnostics.all.first?.notes.first?.range?.start.line == 1)
    }

    @Test("a block sequence nested 1,000 deep is rejected as too deep")
    func deepBlockSequence() {
        let diagnostics = rejected(String(repeating: "- ", count: 1_000) + "x\n")
        #expect(codes(diagnostics) == ["yaml.too-deep"])
    }

    @Test("10,000 lines of '-' are a list, not a definition")
    func tenThousandDashes() {
        let diagnostics = rejected(String(repeating: "-\n", count: 10_000))
        #expect(codes(diagnostics) == ["syntax.unknown-document-kind"])
    }

    @Test("a single 3 MiB line of 'a' is a scalar, not a definition")
    func threeMebibyteLine() {
        let diagnostics = rejected(String(repeating: "a", count: 3 * 1024 * 1024))
        #expect(codes(diagnostics) == ["syntax.unknown-document-kind"])
    }
}
