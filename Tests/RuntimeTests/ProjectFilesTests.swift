import Foundation
import PipelineDSL
import Runtime
import Testing

@Suite("Project files")
struct ProjectFilesTests {
    /// A fresh temporary folder, removed by the caller.
    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "cloudact-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("folders are read recursively, YAML files only, sorted, each once")
    func loadsFolders() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/pipelines/sub", withIntermediateDirectories: true)
        try "pipeline: b\n".write(toFile: root + "/pipelines/b.yaml", atomically: true, encoding: .utf8)
        try "pipeline: a\n".write(toFile: root + "/pipelines/sub/a.yml", atomically: true, encoding: .utf8)
        try "not yaml".write(toFile: root + "/pipelines/readme.txt", atomically: true, encoding: .utf8)
        let files = try ProjectFiles.load([root + "/pipelines", root + "/pipelines/b.yaml"])
        #expect(files.map { $0.path.replacingOccurrences(of: root + "/", with: "") } == ["pipelines/b.yaml", "pipelines/sub/a.yml"])
        #expect(try ProjectFiles.projectFiles(root: root).count == 2)
        #expect(ProjectFiles.isProject(root: root))
    }

    @Test("files in folders are read whole at every size: empty, one byte, 64 KiB ± 1, and huge")
    func sizesInFolders() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/tables", withIntermediateDirectories: true)
        let sizes = [0, 1, 65_535, 65_536, 65_537, 200_000, 6 * 1024 * 1024]
        for (index, size) in sizes.enumerated() {
            let bytes = (0..<size).map { UInt8(ascii: "a") &+ UInt8(truncatingIfNeeded: $0 % 26) }
            _ = FileManager.default.createFile(atPath: root + "/tables/t\(index).yaml", contents: Data(bytes))
        }
        let files = try ProjectFiles.load([root + "/tables"])
        #expect(files.map(\.bytes.count) == sizes.map { min($0, YAMLComposer.Limits().maxBytes + 1) })
        #expect(files[5].bytes == (0..<200_000).map { UInt8(ascii: "a") &+ UInt8(truncatingIfNeeded: $0 % 26) })
    }

    @Test("a missing path is an I/O error naming the path")
    func missingPath() {
        #expect(throws: ProjectFiles.LoadError.self) { try ProjectFiles.load(["/nonexistent/cloudact"]) }
    }

    @Test("a huge file is read only up to the limit and then rejected by the composer")
    func hugeFile() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/big.yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: UInt8(ascii: "a"), count: 6 * 1024 * 1024))
        let files = try ProjectFiles.load([path])
        #expect(files[0].bytes.count == YAMLComposer.Limits().maxBytes + 1)
        var diagnostics = Diagnostics()
        _ = YAMLComposer().compose(files[0], diagnostics: &diagnostics)
        #expect(diagnostics.all.map(\.id) == [.yamlFileTooLarge])
    }

    @Test("the system zone database has zones and links")
    func timeZones() {
        let database = TimeZoneDatabase.system()
        #expect(database.contains("UTC"))
        #expect(database.contains("Europe/Berlin"))
        #expect(database.contains("America/Argentina/Buenos_Aires"))
        #expect(!database.contains("Europe/Berln"))
    }

    @Test("tzdata.zi zones and links are parsed")
    func tzdataFormat() {
        let database = TimeZoneDatabase(tzdataZi: "# version\nZ Europe/Paris 0:9:21 - LMT 1891\nR x 1 2 -\nL Europe/Paris Europe/Monaco\n")
        #expect(database.names == ["Europe/Paris", "Europe/Monaco"])
    }
}
