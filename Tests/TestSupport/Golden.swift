import Foundation
public import Testing

/// Compares `actual` with the golden file at `path` (relative to the repository root).
///
/// With `UPDATE_GOLDEN=1` the file is rewritten and the test fails, so an update is never silent; review
/// `git diff golden/` and re-run without the variable. A missing golden fails with the command that creates it;
/// a mismatch fails with a line diff.
public func expectGolden(_ actual: String, at path: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let fullPath = repositoryRoot + "/" + path
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
        let directory = (fullPath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: fullPath, contents: Data(actual.utf8))
        Issue.record("updated golden \(path); re-run without UPDATE_GOLDEN", sourceLocation: sourceLocation)
        return
    }
    guard let data = FileManager.default.contents(atPath: fullPath) else {
        Issue.record("missing golden \(path); create it with: UPDATE_GOLDEN=1 swift test --filter GoldenTests", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected != actual {
        Issue.record("golden \(path) differs:\n\(lineDiff(expected: expected, actual: actual))", sourceLocation: sourceLocation)
    }
}

/// A compact line diff: the changed lines with their numbers, `-` expected and `+` actual.
public func lineDiff(expected: String, actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for index in 0..<max(e.count, a.count) {
        let left = index < e.count ? String(e[index]) : nil
        let right = index < a.count ? String(a[index]) : nil
        if left != right {
            if let left { out.append("\(index + 1) - \(left)") }
            if let right { out.append("\(index + 1) + \(right)") }
        }
        if out.count > 40 {
            out.append("…")
            break
        }
    }
    return out.joined(separator: "\n")
}

/// Every file under a folder of the repository, relative to the root.
public func filesUnder(_ folder: String) -> [String] {
    let root = repositoryRoot + "/" + folder
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
    var paths: [String] = []
    while let relative = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue,
            !(relative.split(separator: "/").last?.hasPrefix(".") ?? true)
        {
            paths.append(folder + "/" + relative)
        }
    }
    return paths.sorted()
}
