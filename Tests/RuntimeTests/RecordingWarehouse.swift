import Compiler
import Foundation
@testable import Runtime
import Synchronization

/// A ``Warehouse`` for runner tests: records every call in order and answers from a script, with no SQLite.
///
/// Failures are the `SQLiteError`s ``LocalWarehouse`` throws, so ``PipelineRunner`` classifies them the same way:
/// an engine error is retried, a failed assertion is not, and an interrupted statement ends with code 9
/// (SQLITE_INTERRUPT). A sleeping statement polls its run's interrupt flag, as SQLite's progress handler does, so
/// timeouts and cancellation are testable without an engine.
final class RecordingWarehouse: Warehouse {
    /// One recorded call.
    struct Call: Sendable, Equatable {
        enum Kind: String, Sendable {
            case deploy, call, query, execute, replaceRows, interrupt
        }

        var kind: Kind
        /// The procedure (call), the SQL (query, execute) or the table (replaceRows); empty otherwise.
        var name = ""
        /// The dataset of a call, replaceRows or deploy.
        var dataset: String?
        /// The arguments (call), parameters (query, execute) or owner columns (replaceRows).
        var values: [String: SQLValue] = [:]
        /// The columns of a replaceRows.
        var columns: [String] = []
        /// The rows of a replaceRows.
        var rows: [[SQLValue]] = []
        /// The run the statement is work of, or the run an interrupt is for.
        var token: String?
    }

    /// How one call of a procedure ends.
    enum Answer: Sendable {
        case succeed
        /// An engine error (SQLITE_BUSY with `message`): the runner retries it.
        case engineError(String)
        /// A failed `cloudact_assert` with `message` (a data error): the runner does not retry it.
        case assertionFailure(String)
        /// Succeeds after the duration, unless ``RecordingWarehouse/interrupt(token:)`` interrupts it first.
        case sleep(Duration)
    }

    private struct State {
        var calls: [Call] = []
        /// The answers each procedure's next calls get, in order; the last one repeats.
        var scripts: [String: [Answer]] = [:]
        /// Rows for queries whose SQL contains the fragment; the first match wins.
        var queryRows: [(fragment: String, rows: SQLiteRows)] = []
        /// How many procedure calls each token is running.
        var running: [String: Int] = [:]
        /// Tokens interrupted while they were running.
        var interrupted: Set<String> = []

        mutating func nextAnswer(for procedure: String) -> Answer {
            guard var answers = scripts[procedure], let first = answers.first else { return .succeed }
            if answers.count > 1 {
                answers.removeFirst()
                scripts[procedure] = answers
            }
            return first
        }

        func rows(for sql: String) -> SQLiteRows {
            queryRows.first { sql.contains($0.fragment) }?.rows ?? SQLiteRows(columns: [], rows: [])
        }
    }

    private let state = Mutex(State())

    // MARK: - Script

    /// Answers the next calls of `procedure` with `answers`, in order; the last one repeats. Unscripted calls
    /// succeed.
    func script(_ procedure: String, _ answers: Answer...) {
        state.withLock { $0.scripts[procedure] = answers }
    }

    /// Answers queries whose SQL contains `fragment` with `rows`; other queries return no rows.
    func answerQueries(containing fragment: String, columns: [String], rows: [[SQLValue]]) {
        state.withLock { $0.queryRows.append((fragment, SQLiteRows(columns: columns, rows: rows))) }
    }

    // MARK: - Recording

    /// Every call so far, in the order they arrived.
    var calls: [Call] { state.withLock { $0.calls } }

    /// The calls of one kind, in order.
    func calls(_ kind: Call.Kind) -> [Call] { calls.filter { $0.kind == kind } }

    private func record(_ call: Call) {
        state.withLock { $0.calls.append(call) }
    }

    // MARK: - Warehouse

    func deploy(_ program: CompiledProgram) async throws -> DeployReport {
        record(Call(kind: .deploy, dataset: program.options.tenantDataset))
        return DeployReport(changes: [])
    }

    func call(procedure: String, dataset: String, arguments: [String: SQLValue], token: String?) async throws {
        // Recording, choosing the answer and marking the token as running happen together, so an interrupt sent
        // once the call is visible in `calls` is never lost.
        let answer = state.withLock { state in
            state.calls.append(Call(kind: .call, name: procedure, dataset: dataset, values: arguments, token: token))
            if let token { state.running[token, default: 0] += 1 }
            return state.nextAnswer(for: procedure)
        }
        defer { finish(token) }
        switch answer {
        case .succeed:
            return
        case .engineError(let message):
            throw SQLiteError(code: 5, message: message, sql: nil)
        case .assertionFailure(let message):
            throw SQLiteError(code: 1, message: LocalFunctions.assertionPrefix + message, sql: nil)
        case .sleep(let duration):
            try await sleep(duration, token: token)
        }
    }

    func query(_ sql: String, parameters: [String: SQLValue], token: String?) async throws -> SQLiteRows {
        state.withLock { state in
            state.calls.append(Call(kind: .query, name: sql, values: parameters, token: token))
            return state.rows(for: sql)
        }
    }

    func execute(_ sql: String, parameters: [String: SQLValue]) async throws {
        record(Call(kind: .execute, name: sql, values: parameters))
    }

    func replaceRows(
        in table: String, dataset: String, ownedBy: [String: SQLValue], columns: [String], rows: [[SQLValue]],
        token: String?
    ) async throws {
        record(
            Call(kind: .replaceRows, name: table, dataset: dataset, values: ownedBy, columns: columns, rows: rows, token: token))
    }

    func interrupt(token: String) {
        state.withLock { state in
            state.calls.append(Call(kind: .interrupt, token: token))
            if state.running[token] != nil { state.interrupted.insert(token) }
        }
    }

    // MARK: - Interruption

    /// Waits `duration`, checking every 5 ms whether `token` was interrupted.
    private func sleep(_ duration: Duration, token: String?) async throws {
        let deadline = ContinuousClock.now + duration
        while ContinuousClock.now < deadline {
            if let token, state.withLock({ $0.interrupted.contains(token) }) {
                throw SQLiteError(code: 9, message: "interrupted", sql: nil)
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// Ends one call of `token`; once none is running, an interrupt no longer applies to it.
    private func finish(_ token: String?) {
        guard let token else { return }
        state.withLock { state in
            let remaining = (state.running[token] ?? 1) - 1
            state.running[token] = remaining > 0 ? remaining : nil
            if remaining <= 0 { state.interrupted.remove(token) }
        }
    }
}
