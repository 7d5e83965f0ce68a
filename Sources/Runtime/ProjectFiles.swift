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
        var files: [SourceFile] = []
        var seen: Set<String> = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw LoadError(description: "\(path): no such file or directory")
            }
            let candidates = isFolder.boolValue ? try yamlFiles(under: path) : [path]
            for candidate in candidates where seen.insert(normalize(candidate)).inserted {
                files.append(SourceFile(path: display(candidate), bytes: try read(candidate)))
            }
        }
        return files
    }

    static func yamlFiles(under folder: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw LoadError(description: "\(folder): cannot list the folder")
        }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                let path = join(folder, relative)
                if !isDirectory(path) { found.append(path) }
            }
        }
        return found.sorted()
    }

    static func read(_ path: String) throws -> [UInt8] {
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
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
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
