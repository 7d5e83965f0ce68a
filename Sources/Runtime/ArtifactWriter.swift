public import Compiler
import Foundation

/// Writes compiled artifacts into a folder, touching only files whose bytes changed.
public enum ArtifactWriter {
    /// What happened (or would happen) to one file.
    public enum Change: String, Sendable {
        case created, updated, unchanged
    }

    /// Writes `artifacts` under `folder` (creating subfolders); with `dryRun`, only reports.
    ///
    /// The comparisons run concurrently, and so do the writes. Each write is atomic for readers: the bytes go to
    /// a temporary file beside the target, which is renamed into place, so a reader (or a crash) never sees a
    /// half-written artifact. The files are not synced one by one: they are build output, produced again by the
    /// next compile, and syncing 2,000 files costs a second where writing them costs a tenth. Folders are
    /// created in artifact order before the writes. On a failure, the error of the first failing artifact in
    /// order is thrown, after the artifacts before it were written (later ones may have been written too).
    public static func write(
        _ artifacts: [RenderedArtifact], to folder: String, dryRun: Bool = false
    ) throws -> [(path: String, change: Change)] {
        let paths = artifacts.map { folder + "/" + $0.path }
        let changes = Concurrently.map(artifacts.count) { index in change(of: paths[index], to: artifacts[index].text) }
        let result = Array(zip(paths, changes))
        if dryRun { return result.map { ($0.0, $0.1) } }

        var pending: [Int] = []
        var folderFailure: (any Error)?
        var created: Set<String> = []
        for index in artifacts.indices where changes[index] != .unchanged {
            let directory = (paths[index] as NSString).deletingLastPathComponent
            do {
                if created.insert(directory).inserted {
                    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                }
            } catch {
                folderFailure = error
                break
            }
            pending.append(index)
        }
        let toWrite = pending
        let failures = Concurrently.map(toWrite.count) { slot -> (any Error)? in
            let index = toWrite[slot]
            do {
                try replace(paths[index], with: artifacts[index].text)
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.first(where: { $0 != nil }), let failure { throw failure }
        if let folderFailure { throw folderFailure }
        return result.map { ($0.0, $0.1) }
    }

    /// A file that could not be written.
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        /// The path and the system's reason.
        public var description: String
    }

    /// Writes `text` to a new temporary file in `path`'s folder and renames it over `path`.
    static func replace(_ path: String, with text: String) throws(WriteError) {
        func failure(_ what: String) -> WriteError {
            WriteError(description: "\(path): cannot \(what): \(String(cString: strerror(errno)))")
        }
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temporary = String(path[..<slash]) + "." + String(path[slash...]) + ".cloudact-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure("create a temporary file") }
        var text = text
        let written = text.withUTF8 { bytes -> Bool in
            var offset = 0
            while offset < bytes.count {
                let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        if !written {
            let error = failure("write")
            close(descriptor)
            unlink(temporary)
            throw error
        }
        if close(descriptor) != 0 {
            let error = failure("write")
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let error = failure("replace the file")
            unlink(temporary)
            throw error
        }
    }

    /// Whether the file at `path` already holds exactly `text`'s bytes. A path that cannot be opened or is a
    /// folder counts as missing (`created`), as `FileManager.contents(atPath:)` returning nil did.
    ///
    /// A regular file of another size differs without being read; one of the same size is read until that many
    /// bytes have come (short reads included) and compared, stopping at the first difference. Anything else at
    /// the path (a FIFO, a device) is replaced: `O_NONBLOCK` keeps opening it from blocking the compile.
    static func change(of path: String, to text: String) -> Change {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .created }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { return .created }
        var text = text
        return text.withUTF8 { expected -> Change in
            guard (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == expected.count else { return .updated }
            let capacity = min(64 * 1024, max(expected.count, 1))
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer -> Change in
                var offset = 0
                while offset < expected.count {
                    let got = read(descriptor, buffer.baseAddress!, min(capacity, expected.count - offset))
                    if got < 0 {
                        if errno == EINTR { continue }
                        return .updated
                    }
                    // Shorter than stat said (it changed meanwhile), or different: rewrite it.
                    guard got > 0, memcmp(buffer.baseAddress!, expected.baseAddress! + offset, got) == 0 else {
                        return .updated
                    }
                    offset += got
                }
                return .unchanged
            }
        }
    }
}
