import Foundation
public import PipelineDSL

/// The example project's files (tables/, procedures/, pipelines/ at the repository root), with paths relative
/// to the root.
public func exampleProjectFiles() -> [SourceFile] {
    var files: [SourceFile] = []
    for folder in ["tables", "procedures", "pipelines"] {
        let directory = repositoryRoot + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names.sorted() where name.hasSuffix(".yaml") {
            if let data = FileManager.default.contents(atPath: directory + "/" + name) {
                files.append(SourceFile(path: folder + "/" + name, bytes: [UInt8](data)))
            }
        }
    }
    return files
}
