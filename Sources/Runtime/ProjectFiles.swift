public import PipelineDSL
import Foundation

/// Finds and reads definition files. The compiler is pure; this is where the file system is touched.
public enum ProjectFiles {
    /// The folders of a project, in the order they are read.
    public static let folders = ["tables", "procedures", "pipelines"]

    /// A file or folder that could not be read.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        /// What went wrong, with the path.
        public var description: String
    }

    /// The definition files of the project at `root`: every `*.yaml`/`*.yml` under its standard folders.
    public static func projectFiles(root: String = ".") throws -> [SourceFile] {
        let folders = folders.map { join(root, $0) }.filter { isDirectory($0) }
        return try load(folders)
    }

    /// True if `root` has at least one of the standard folders.
    public static func isProject(root: String = ".") -> Bool {
        folders.contains { isDirectory(join(root, $0)) }
    }

    /// Reads files and the `*.yaml`/`*.yml` files under folders (recursively, sorted by path).
    ///
    /// A file is read up to 4 MiB + 1 byte: the composer rejects anything larger, and a huge file must not be
    /// held in memory just to be rejected.
    public static func load(_ paths: [String]) throws -> [SourceFile] {
        // First the list (in order, without duplicates), then the reads, which are independent: they run
        // concurrently, and the first failure in list order is the one reported, as a sequential loop would.
        var candidates: [String] = []
        var seen: Set<String> = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw LoadError(description: "\(path): no such file or directory")
            }
            if isFolder.boolValue {
                // Normalising the folder once and appending the relative names gives the same keys as normalising
                // every file's path: the enumerator's relative names have no `.`, `..` or empty components.
                let base = normalize(path)
                let prefix = base.hasSuffix("/") ? base : base + "/"
                for file in try yamlFiles(under: path) where seen.insert(prefix + file.relative).inserted {
                    candidates.append(file.path)
                }
            } else if seen.insert(normalize(path)).inserted {
                candidates.append(path)
            }
        }
        var files: [SourceFile] = []
        files.reserveCapacity(candidates.count)
        for content in readAll(candidates) { files.append(try content.get()) }
        return files
    }

    /// The `*.yaml`/`*.yml` files under a folder, sorted by path, each with its path relative to the folder.
    ///
    /// Walks the tree with `opendir`/`readdir`, as `FileManager.enumerator(atPath:)` does but without an object
    /// per entry: every entry, hidden ones too; symbolic links to folders are listed but not entered; folders
    /// that cannot be read are skipped. A name that ends in `.yaml` but is a folder (or a link to one) is left out.
    static func yamlFiles(under folder: String) throws -> [(path: String, relative: String)] {
        var found: [(path: String, relative: String)] = []
        func walk(_ directory: String, relativePrefix: String) {
            guard let stream = opendir(directory) else { return }
            defer { closedir(stream) }
            while let entry = readdir(stream) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let relative = relativePrefix + name
                let path = join(folder, relative)
                var isRealFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
                if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                    var info = stat()
                    isRealFolder = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                    // A regular file needs no stat; a link (or an unknown type) may lead to a folder.
                    if Int32(entry.pointee.d_type) == Int32(DT_REG) || !isDirectory(path) { found.append((path, relative)) }
                }
                if isRealFolder { walk(path, relativePrefix: relative + "/") }
            }
        }
        walk(folder, relativePrefix: "")
        return found.sorted { $0.path < $1.path }
    }

    /// Reads every file (and indexes its lines), concurrently; results are in `paths`' order.
    static func readAll(_ paths: [String]) -> [Result<SourceFile, LoadError>] {
        @Sendable func readOne(_ path: String) -> Result<SourceFile, LoadError> {
            do throws(LoadError) {
                return .success(SourceFile(path: display(path), bytes: try read(path)))
            } catch {
                return .failure(error)
            }
        }
        return Concurrently.map(paths.count) { readOne(paths[$0]) }
    }

    /// Reads up to the limit with `open`/`read`: no Foundation objects per file. A failure is retried through
    /// FileHandle, so its error message is Foundation's.
    static func read(_ path: String) throws(LoadError) -> [UInt8] {
        let limit = YAMLComposer.Limits().maxBytes + 1
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            defer { close(descriptor) }
            var info = stat()
            let size = fstat(descriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
            // One byte more than stat says: a short read of a regular file is its end, so a file that did not
            // change size is read with one call.
            var bytes = [UInt8](repeating: 0, count: min(max(size, 0) + 1, limit))
            var count = 0
            var failed = false
            while true {
                if count > 0, count < bytes.count, count == size { break }
                if count == bytes.count {
                    if bytes.count >= limit { break }
                    // Larger than stat said (or not a regular file): grow.
                    bytes.append(contentsOf: repeatElement(0, count: min(max(bytes.count, 4096), limit - bytes.count)))
                }
                let got = bytes.withUnsafeMutableBytes { buffer in
                    Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                }
                if got < 0 {
                    if errno == EINTR { continue }
                    failed = true
                    break
                }
                if got == 0 { break }
                count += got
            }
            if !failed {
                bytes.removeSubrange(count...)
                return bytes
            }
        }
        return try readWithFileHandle(path)
    }

    static func readWithFileHandle(_ path: String) throws(LoadError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LoadError(description: "\(path): cannot open the file")
        }
        defer { try? handle.close() }
        let limit = YAMLComposer.Limits().maxBytes + 1
        do {
            let data = try handle.read(upToCount: limit) ?? Data()
            return [UInt8](data)
        } catch {
            throw LoadError(description: "\(path): \(error.localizedDescription)")
        }
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
    }

    static func display(_ path: String) -> String {
        path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    }

    static func normalize(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}

extension TimeZoneDatabase {
    /// The system's zone database (`/usr/share/zoneinfo/tzdata.zi`), or Foundation's list if it is missing.
    public static func system() -> TimeZoneDatabase {
        guard let data = FileManager.default.contents(atPath: "/usr/share/zoneinfo/tzdata.zi") else {
            return .foundation
        }
        var database = TimeZoneDatabase(tzdataZi: String(decoding: data, as: UTF8.self))
        if database.names.isEmpty { return .foundation }
        database.names.formUnion(["UTC", "GMT"])
        return database
    }
}
