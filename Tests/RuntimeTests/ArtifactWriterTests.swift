@testable import Compiler
import Foundation
@testable import Runtime
import Testing

@Suite("Artifact writer")
struct ArtifactWriterTests {
    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "cloudact-writer-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("a file is unchanged only when it holds exactly the bytes; every other case is told apart")
    func change() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let expected = "SELECT 1;\n"
        func write(_ text: String, _ name: String) throws -> String {
            let path = root + "/" + name
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            return path
        }
        #expect(ArtifactWriter.change(of: try write(expected, "same.sql"), to: expected) == .unchanged)
        #expect(ArtifactWriter.change(of: try write("SELECT 2;\n", "differs.sql"), to: expected) == .updated)
        #expect(ArtifactWriter.change(of: try write("SELECT 1;", "shorter.sql"), to: expected) == .updated)
        #expect(ArtifactWriter.change(of: try write(expected + "x", "longer.sql"), to: expected) == .updated)
        #expect(ArtifactWriter.change(of: try write("", "empty.sql"), to: expected) == .updated)
        #expect(ArtifactWriter.change(of: try write("", "empty-expected.sql"), to: "") == .unchanged)
        #expect(ArtifactWriter.change(of: root + "/missing.sql", to: expected) == .created)
        try FileManager.default.createDirectory(atPath: root + "/folder.sql", withIntermediateDirectories: false)
        #expect(ArtifactWriter.change(of: root + "/folder.sql", to: expected) == .created)
        // Larger than the 64 KiB read buffer: equal, one byte different at the end, one byte longer.
        let large = String(repeating: "0123456789abcdef", count: 10_000)
        #expect(ArtifactWriter.change(of: try write(large, "large.sql"), to: large) == .unchanged)
        #expect(ArtifactWriter.change(of: try write(String(large.dropLast()) + "!", "large-end.sql"), to: large) == .updated)
        #expect(ArtifactWriter.change(of: try write(large + "!", "large-longer.sql"), to: large) == .updated)
        #expect(ArtifactWriter.change(of: try write(String(large.dropLast()), "large-shorter.sql"), to: large) == .updated)
        // A 20 MB file where a short artifact goes is told apart at its first read, not read to its end.
        #expect(ArtifactWriter.change(of: try write(large + String(repeating: large, count: 120), "huge.sql"), to: expected) == .updated)
    }

    @Test("writing creates folders and files, then reports them unchanged; a changed artifact is rewritten")
    func writes() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let artifacts = [
            RenderedArtifact(path: "tables/a.sql", text: "CREATE TABLE a;\n"),
            RenderedArtifact(path: "procedures/p.sql", text: "CREATE PROCEDURE p;\n"),
        ]
        #expect(try ArtifactWriter.write(artifacts, to: root).map(\.change) == [.created, .created])
        #expect(try ArtifactWriter.write(artifacts, to: root).map(\.change) == [.unchanged, .unchanged])
        var changed = artifacts
        changed[1].text = "CREATE PROCEDURE p2;\n"
        #expect(try ArtifactWriter.write(changed, to: root, dryRun: true).map(\.change) == [.unchanged, .updated])
        #expect(try String(contentsOfFile: root + "/procedures/p.sql", encoding: .utf8) == "CREATE PROCEDURE p;\n")
        #expect(try ArtifactWriter.write(changed, to: root).map(\.change) == [.unchanged, .updated])
        #expect(try String(contentsOfFile: root + "/procedures/p.sql", encoding: .utf8) == "CREATE PROCEDURE p2;\n")
        // No temporary file is left beside the artifacts.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/procedures") == ["p.sql"])
    }

    @Test("a file that cannot be replaced is an error naming it, and leaves nothing behind")
    func failure() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A non-empty folder where the artifact goes: the rename cannot replace it.
        try FileManager.default.createDirectory(atPath: root + "/tables/a.sql/inside", withIntermediateDirectories: true)
        let artifacts = [RenderedArtifact(path: "tables/a.sql", text: "CREATE TABLE a;\n")]
        #expect {
            try ArtifactWriter.write(artifacts, to: root)
        } throws: { error in
            "\(error)".contains(root + "/tables/a.sql: cannot replace the file")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/tables") == ["a.sql"])
    }
}
