import Compiler
import Foundation
import PipelineDSL
import Testing
import TestSupport

@Suite("Golden SQL")
struct GoldenTests {
    let files = exampleProjectFiles()

    func compile(_ files: [SourceFile]) -> CompilationResult {
        Compiler.compile(files)
    }

    @Test("every artifact of the standard library matches its golden file")
    func artifactsMatchGoldens() {
        let result = compile(files)
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.all)")
        #expect(!result.artifacts.isEmpty)
        for artifact in result.artifacts {
            expectGolden(artifact.text, at: "golden/bigquery/" + artifact.path)
        }
    }

    @Test("a golden file that nothing produces fails")
    func noStaleGoldens() {
        let produced = Set(compile(files).artifacts.map { "golden/bigquery/" + $0.path })
        let stale = filesUnder("golden/bigquery").filter { !produced.contains($0) }
        #expect(stale.isEmpty, "stale goldens (delete them, or restore what produced them): \(stale)")
    }

    @Test("compiling twice gives identical bytes")
    func deterministic() {
        let first = compile(files).artifacts
        let second = compile(files.reversed()).artifacts
        #expect(first == second)
    }

    @Test("deleting the partition predicate gives the pruning error at its line; restoring it gives identical SQL")
    func pruningRoundTrip() throws {
        let path = "procedures/sp_genai_payg_price_usage.yaml"
        let original = try #require(files.first { $0.path == path })
        let text = String(decoding: original.bytes, as: UTF8.self)
        let predicate = "u.usage_date = @p_cost_date AND "
        #expect(text.contains(predicate))
        let broken = SourceFile(path: path, text: text.replacingOccurrences(of: predicate, with: ""))
        let brokenResult = compile(files.filter { $0.path != path } + [broken])
        let errors = brokenResult.diagnostics.sorted.filter { $0.severity == .error }
        // The scan is unfiltered (at the table in `from:`), and so the replaced partitions are unbounded (at `into:`).
        #expect(errors.map(\.id) == [.pruningUnboundedTarget, .pruningUnfilteredScan])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let intoLine = try #require(lines.firstIndex { $0.contains("- into: genai_payg_costs_daily") }) + 1
        let fromLine = try #require(lines.firstIndex { $0.contains("from: genai_payg_usage_raw u") }) + 1
        #expect(errors.map { $0.range?.start.line } == [intoLine, fromLine])
        #expect(errors.last?.range?.start.column == 11)
        #expect(brokenResult.artifacts.isEmpty)
        let restored = compile(files.filter { $0.path != path } + [SourceFile(path: path, text: text)])
        #expect(restored.artifacts == compile(files).artifacts)
    }

    @Test("every procedure asserts its tenant and reaches only its two datasets")
    func tenantScoped() {
        for artifact in compile(files).artifacts where artifact.path.hasPrefix("procedures/") {
            #expect(artifact.text.contains("ASSERT _org_slug = 'acme'"))
            for line in artifact.text.split(separator: "\n") where line.contains("`cloudact-example.") {
                #expect(line.contains("`cloudact-example.acme_prod.") || line.contains("`cloudact-example.organizations."), "\(line)")
            }
        }
    }

    @Test("another tenant gets its own dataset and tenant assertion, and the same content hash scheme")
    func otherTenant() {
        let result = Compiler.compile(files, options: CompileOptions(project: "finops-prod-1", org: "globex", env: "stage"))
        let procedure = result.artifacts.first { $0.path.hasPrefix("procedures/") }
        #expect(procedure?.text.contains("`finops-prod-1.globex_stage.") == true)
        #expect(procedure?.text.contains("ASSERT _org_slug = 'globex'") == true)
        #expect(CompileOptions(org: "Bad-Org").problem != nil)
        #expect(CompileOptions(org: "a'b").problem != nil)
        #expect(CompileOptions(project: "x`y").problem != nil)
    }
}
