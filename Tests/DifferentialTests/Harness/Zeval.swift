import Foundation
import TestSupport

/// Runs `../shared/tools/bq-oracle/zeval.py` (Google's ZetaSQL reference engine, see its ZEVAL.md) as a process.
///
/// At most ``Zeval/parallelRuns`` processes run at once (each takes about 110 MB and one core for 1–3 s), whatever
/// the test runner's parallelism.
enum Zeval {
    /// `<repository>/../shared/tools/bq-oracle/zeval.py`.
    static let path: String = {
        let url = URL(fileURLWithPath: repositoryRoot + "/../shared/tools/bq-oracle/zeval.py").standardizedFileURL
        return url.path
    }()

    static let parallelRuns = max(1, min(3, ProcessInfo.processInfo.activeProcessorCount))
    static let gate = Gate(limit: parallelRuns)

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "zeval.py not found at \(Zeval.path): the differential tests run every procedure on Google's ZetaSQL "
                + "reference engine through it. Check out the shared tools beside the repository (CI has them) and "
                + "run ../shared/tools/bq-oracle/check.sh --setup once."
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// What one run left behind.
    struct Run: Sendable {
        var exitCode: Int32
        var stdout: String
        var stderr: String
        var outDirectory: String

        /// `error.txt` (the script's uncaught error), if the script failed.
        var error: String? {
            (try? String(contentsOfFile: outDirectory + "/error.txt", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// The rows of `select_NNN.csv` (header first), or nil if that SELECT did not run.
        func select(_ number: Int) -> [[String]]? {
            let digits = String(number)
            let name = outDirectory + "/select_" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits + ".csv"
            return (try? String(contentsOfFile: name, encoding: .utf8)).map(parseCSV)
        }

        /// The rows of an output table (`dataset.table.csv`, header first).
        func table(_ dataset: String, _ table: String) -> [[String]]? {
            (try? String(contentsOfFile: "\(outDirectory)/\(dataset).\(table).csv", encoding: .utf8)).map(parseCSV)
        }

        var log: String { (try? String(contentsOfFile: outDirectory + "/log.txt", encoding: .utf8)) ?? "" }
    }

    /// Runs zeval with `--ddl ddl --data data --script script --out out --quiet` plus `extra` arguments. Exit code 0
    /// (success) and 1 (the script failed: error.txt) are returned; 2 and 3 (bad input, internal error) throw.
    static func run(ddl: String, data: String, script: String, out: String, extra: [String] = []) async throws -> Run {
        guard FileManager.default.fileExists(atPath: path) else { throw Missing() }
        await gate.enter()
        let result: Result<Run, any Error>
        do {
            result = .success(try await launch(ddl: ddl, data: data, script: script, out: out, extra: extra))
        } catch {
            result = .failure(error)
        }
        await gate.leave()
        return try result.get()
    }

    static func launch(ddl: String, data: String, script: String, out: String, extra: [String]) async throws -> Run {
        let arguments = ["python3", path, "--ddl", ddl, "--data", data, "--script", script, "--out", out, "--quiet"] + extra
        let stdoutPath = out + ".stdout"
        let stderrPath = out + ".stderr"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        let run = Run(
            exitCode: status, stdout: (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "", outDirectory: out)
        if status != 0 && status != 1 {
            var message = "zeval exited with \(status) (\(status == 2 ? "bad input" : "internal or setup error"))\n\(run.stderr)"
            if run.stderr.contains("cannot import zetasql") {
                message += "\nzeval's Python environment is missing: run ../shared/tools/bq-oracle/check.sh --setup"
            }
            throw Failure(description: message + "\ncommand: " + arguments.joined(separator: " "))
        }
        return run
    }

    /// A counting semaphore for async code.
    actor Gate {
        let limit: Int
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []

        init(limit: Int) { self.limit = limit }

        func enter() async {
            if running < limit {
                running += 1
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func leave() {
            if waiting.isEmpty {
                running -= 1
            } else {
                waiting.removeFirst().resume()
            }
        }
    }
}

/// A fresh temporary directory for one differential run.
func temporaryDirectory(_ label: String) throws -> String {
    let safe = String(label.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
    let path = NSTemporaryDirectory() + "cloudact-diff-" + safe + "-" + UUID().uuidString.prefix(8)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Quotes a value as a GoogleSQL string literal.
func googleSQLString(_ s: String) -> String {
    var out = "'"
    for scalar in s.unicodeScalars {
        switch scalar {
        case "'": out += "\\'"
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "'"
}

/// Removes a run's directory, unless `CLOUDACT_DIFF_KEEP` is set (then it says where it is, for debugging: the
/// zeval script, data files, output CSVs and the SQLite warehouse are all there).
func removeUnlessKept(_ directory: String) {
    if ProcessInfo.processInfo.environment["CLOUDACT_DIFF_KEEP"] != nil {
        print("differential run kept in \(directory)")
    } else {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
