public import Compiler
import Foundation

/// Writes compiled artifacts into a folder, touching only files whose bytes changed.
public enum ArtifactWriter {
    /// What happened (or would happen) to one file.
    public enum Change: String, Sendable {
        case created, updated, unchanged
    }

    /// Writes `artifacts` under `folder` (creating subfolders); with `dryRun`, only reports.
    public static func write(
        _ artifacts: [RenderedArtifact], to folder: String, dryRun: Bool = false
    ) throws -> [(path: String, change: Change)] {
        var result: [(String, Change)] = []
        for artifact in artifacts {
            let path = folder + "/" + artifact.path
            let data = Data(artifact.text.utf8)
            let change: Change
            if let existing = FileManager.default.contents(atPath: path) {
                change = existing == data ? .unchanged : .updated
            } else {
                change = .created
            }
            if !dryRun, change != .unchanged {
                let directory = (path as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            }
            result.append((path, change))
        }
        return result
    }
}
