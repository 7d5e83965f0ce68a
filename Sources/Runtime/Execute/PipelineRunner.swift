public import Compiler
public import Foundation
internal import PipelineDSL

/// Options of a runner: where input files are, how long leases last, and (for tests) how to sleep.
public struct RunnerOptions: Sendable {
    /// The folder `load` paths are relative to.
    public var inputRoot: String
    /// A lease outlives the run's timeout by this much before it counts as abandoned (a crash).
    public var leaseGrace: TimeInterval
    /// Multiplies every retry backoff (tests set it near zero).
    public var backoffScale: Double
    /// The plan of orgs with no row in `organizations.org_plans`.
    public var defaultPlan: Plan
    /// Awaited before each step starts (tests hold runs open with it to make them overlap).
    public var beforeStep: (@Sendable (String) async -> Void)?

    public init(
        inputRoot: String = ".", leaseGrace: TimeInterval = 60, backoffScale: Double = 1, defaultPlan: Plan = .starter,
        beforeStep: (@Sendable (String) async -> Void)? = nil
    ) {
        self.inputRoot = inputRoot
        self.leaseGrace = leaseGrace
        self.backoffScale = backoffScale
        self.defaultPlan = defaultPlan
        self.beforeStep = beforeStep
    }
}

/// Runs pipelines: one data date per run, steps in `after` order (independent steps concurrently), retries with
/// exponential backoff and jitter, per-step and per-run timeouts, `on_failure`, cancellation. Every state change
/// is recorded in the ledger; quota leases are released on every outcome and expire after a crash.
///
/// Two warehouses play two roles: the *data plane* runs a run's statements (procedure calls, check queries,
/// loads), each under the run id as its token; the ledger, quotas and leases live in `organizations` on a
/// ``LocalWarehouse``.
public actor PipelineRunner {
    /// Runs procedures, check queries and loads; interrupted by run id on timeout and cancellation.
    let dataPlane: any Warehouse
    let program: CompiledProgram
    let options: RunnerOptions
    let ledger: RunLedger
    var cancelled: Set<String> = []

    /// A runner whose data plane and ledger are the same local warehouse.
    public init(warehouse: LocalWarehouse, program: CompiledProgram, options: RunnerOptions = RunnerOptions()) {
        self.init(ledger: warehouse, dataPlane: warehouse, program: program, options: options)
    }

    /// A runner that keeps its ledger in `ledger` and runs the pipelines' statements on `dataPlane` (where
    /// `program` is deployed).
    public init(
        ledger: LocalWarehouse, dataPlane: any Warehouse, program: CompiledProgram, options: RunnerOptions = RunnerOptions()
    ) {
        self.dataPlane = dataPlane
        self.program = program
        self.options = options
        self.ledger = RunLedger(warehouse: ledger)
    }

    /// Asks a running run to stop; its current statement is interrupted and rolled back.
    public func cancel(runID: String) async {
        cancelled.insert(runID)
        dataPlane.interrupt(token: runID)
    }

    /// Runs one pipeline for one date. Throws ``RunRefused`` (nothing written) when the run may not start.
    public func run(_ request: RunRequest) async throws(RunRefused) -> RunOutcome {
        guard let pipeline = program.pipelines[request.pipeline] else {
            throw RunRefused(reason: .unknownPipeline, message: "no pipeline '\(request.pipeline)'")
        }
        guard request.org == program.options.org else {
            throw RunRefused(
                reason: .invalidRequest, message: "this program is compiled for org '\(program.options.org)', not '\(request.org)'")
        }
        guard ISODate.problem(request.date) == nil else {
            throw RunRefused(reason: .invalidRequest, message: "'\(request.date)' is not a date YYYY-MM-DD")
        }
        let runID = UUID().uuidString.lowercased()
        let timeout = TimeInterval(pipeline.syntax.timeout?.value.seconds ?? 3600)
        do {
            try await ledger.reapExpiredLeases()
            try await ledger.startRun(runID: runID, request: request, leaseSeconds: timeout + options.leaseGrace, defaultPlan: options.defaultPlan)
        } catch let refused as RunRefused {
            throw refused
        } catch {
            throw RunRefused(reason: .invalidRequest, message: "the ledger could not be written: \(error)")
        }
        let started = Date()
        var outcome = RunOutcome(
            runID: runID, request: request, status: .running, steps: [], errorClass: nil, errorMessage: nil,
            durationMilliseconds: 0)
        // The run's own time limit: a watchdog interrupts whatever statement the run is executing.
        let watchdog = Task { [dataPlane] in
            try await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
            self.markTimedOut(runID)
            try await Self.keepInterrupting(runID, dataPlane)
        }
        let steps = await runSteps(pipeline, runID: runID, request: request)
        watchdog.cancel()
        outcome.steps = steps
        outcome.durationMilliseconds = Int(Date().timeIntervalSince(started) * 1000)
        if timedOut.contains(runID) {
            outcome.status = .timeout
            outcome.errorClass = "Timeout"
            outcome.errorMessage = "the run exceeded its timeout of \(Int(timeout))s"
        } else if cancelled.contains(runID) {
            outcome.status = .cancelled
            outcome.errorClass = "Cancelled"
            outcome.errorMessage = "cancelled"
        } else if let failed = steps.first(where: { $0.status == .failed && !continues(pipeline, $0.stepID) }) {
            outcome.status = .failed
            outcome.errorClass = failed.errorClass
            outcome.errorMessage = "step \(failed.stepID): \(failed.errorMessage ?? "failed")"
        } else {
            outcome.status = .completed
        }
        try? await ledger.finishRun(outcome)
        timedOut.remove(runID)
        cancelled.remove(runID)
        return outcome
    }

    var timedOut: Set<String> = []

    func markTimedOut(_ runID: String) { timedOut.insert(runID) }

    func continues(_ pipeline: CompiledPipeline, _ stepID: String) -> Bool {
        pipeline.syntax.steps.first { $0.id.value == stepID }?.onFailure?.value == .continue
    }

    func shouldStop(_ runID: String) -> Bool { cancelled.contains(runID) || timedOut.contains(runID) }

    // MARK: - Steps

    /// Runs the DAG: a step starts when every step it waits for completed; independent steps run concurrently.
    func runSteps(_ pipeline: CompiledPipeline, runID: String, request: RunRequest) async -> [StepOutcome] {
        let steps = pipeline.syntax.steps
        var index: [String: Int] = [:]
        for (position, step) in steps.enumerated() { index[step.id.value] = position }
        let outcomes = await withTaskGroup(of: (Int, StepOutcome).self, returning: [Int: StepOutcome].self) { group in
            var outcomes: [Int: StepOutcome] = [:]
            var stopped = false
            var started: Set<Int> = []
            func launchReady() {
                for position in pipeline.order where !started.contains(position) {
                    let step = steps[position]
                    let waits = step.after.compactMap { index[$0.value] }
                    guard waits.allSatisfy({ outcomes[$0] != nil }) else { continue }
                    started.insert(position)
                    let blocked = waits.first { outcomes[$0]?.status != .completed }
                    if stopped || blocked != nil {
                        let reason = stopped ? "the run stopped" : "step \(steps[blocked!].id.value) did not complete"
                        outcomes[position] = StepOutcome(
                            stepID: step.id.value, status: .skipped, attempts: 0, rowsWritten: nil, errorClass: nil,
                            errorMessage: reason)
                        continue
                    }
                    group.addTask { (position, await self.runStep(position, pipeline: pipeline, runID: runID, request: request)) }
                }
            }
            var before = -1
            while before != outcomes.count {
                before = outcomes.count
                launchReady()
            }
            // Skipped steps may unblock others that are skipped in turn.
            while let (position, outcome) = await group.next() {
                outcomes[position] = outcome
                if outcome.status != .completed, !continues(pipeline, outcome.stepID) { stopped = true }
                if shouldStop(runID) { stopped = true }
                var before = -1
                while before != outcomes.count {
                    before = outcomes.count
                    launchReady()
                }
            }
            return outcomes
        }
        for (position, outcome) in outcomes.sorted(by: { $0.key < $1.key }) where outcome.status == .skipped {
            try? await ledger.recordStep(runID: runID, outcome: outcome, startedAt: nil, sequenceHint: position)
        }
        return pipeline.order.compactMap { outcomes[$0] }
    }

    /// Runs one step with its retries and timeout.
    func runStep(_ position: Int, pipeline: CompiledPipeline, runID: String, request: RunRequest) async -> StepOutcome {
        let step = pipeline.syntax.steps[position]
        let attempts = step.retry?.attempts.value ?? 1
        let backoff = Double(step.retry?.backoff?.value.seconds ?? 30)
        if let beforeStep = options.beforeStep { await beforeStep(step.id.value) }
        let startedAt = Date()
        try? await ledger.transition(runID: runID, stepID: step.id.value, from: nil, to: .running, attempt: 1, error: nil)
        var last: StepFailure?
        var rows: Int?
        var used = 0
        for attempt in 1...attempts {
            if shouldStop(runID) {
                last = StepFailure(errorClass: .cancelled, message: "the run stopped")
                break
            }
            used = attempt
            do throws(StepFailure) {
                rows = try await withStepTimeout(step, runID: runID) { () async throws(StepFailure) -> Int? in
                    try await self.perform(step, stepIndex: position, pipeline: pipeline, runID: runID, request: request)
                }
                last = nil
                break
            } catch {
                last = error
                let retrying = error.isRetryable && attempt < attempts && !shouldStop(runID)
                try? await ledger.transition(
                    runID: runID, stepID: step.id.value, from: .running, to: retrying ? .running : .failed, attempt: attempt,
                    error: error)
                guard retrying else { break }
                // Exponential backoff with ±20% jitter.
                let delay = backoff * pow(2, Double(attempt - 1)) * Double.random(in: 0.8...1.2) * options.backoffScale
                try? await Task.sleep(nanoseconds: UInt64(max(0, delay) * 1_000_000_000))
            }
        }
        var status: RunStatus = last == nil ? .completed : .failed
        if let last, last.errorClass == .timeout, timedOut.contains(runID) { status = .timeout }
        if let last, last.errorClass == .cancelled || cancelled.contains(runID) { status = last.errorClass == .cancelled ? .cancelled : status }
        let outcome = StepOutcome(
            stepID: step.id.value, status: status, attempts: used, rowsWritten: rows,
            errorClass: last?.errorClass.rawValue, errorMessage: last?.message)
        if status == .completed {
            try? await ledger.transition(runID: runID, stepID: step.id.value, from: .running, to: .completed, attempt: 1, error: nil)
        }
        try? await ledger.recordStep(runID: runID, outcome: outcome, startedAt: startedAt, sequenceHint: position)
        return outcome
    }

    /// Interrupts the run's statement now and every 50 ms until the calling task is cancelled (when what it limits
    /// has returned). An interrupt only stops a statement that is running, so a single one would be lost if it
    /// came while the run was between statements, about to start the next.
    static func keepInterrupting(_ runID: String, _ dataPlane: any Warehouse) async throws {
        while !Task.isCancelled {
            dataPlane.interrupt(token: runID)
            try await Task.sleep(nanoseconds: 50_000_000)
        }
    }

    /// Runs `body` under the step's timeout; on expiry the running statement is interrupted and rolled back.
    func withStepTimeout(
        _ step: PipelineSyntax.Step, runID: String, _ body: @escaping @Sendable () async throws(StepFailure) -> Int?
    ) async throws(StepFailure) -> Int? {
        guard let seconds = step.timeout?.value.seconds else { return try await body() }
        let expired = ExpiryFlag()
        let timer = Task { [dataPlane] in
            try await Task.sleep(nanoseconds: UInt64(seconds) * 1_000_000_000)
            expired.set()
            try await Self.keepInterrupting(runID, dataPlane)
        }
        defer { timer.cancel() }
        do {
            return try await body()
        } catch {
            if expired.isSet { throw StepFailure(errorClass: .timeout, message: "step \(step.id.value) exceeded its timeout of \(seconds)s") }
            throw error
        }
    }

    /// Does the step's work once. Returns rows written, if known.
    func perform(
        _ step: PipelineSyntax.Step, stepIndex: Int, pipeline: CompiledPipeline, runID: String, request: RunRequest
    ) async throws(StepFailure) -> Int? {
        let variables = RunVariableValues(request: request, runID: runID)
        switch step.action {
        case .load(let load):
            return try await performLoad(load, request: request, runID: runID)
        case .call(let name, let arguments):
            guard let procedure = program.procedures[name.value] else {
                throw StepFailure(errorClass: .notDeployed, message: "procedure \(name.value) is not compiled")
            }
            var values: [String: SQLValue] = [:]
            for parameter in procedure.parameters {
                if parameter.isImplicit {
                    values[parameter.name] = variables.implicit[parameter.name] ?? .null
                } else if let argument = arguments.first(where: { $0.name.value == parameter.name }) {
                    values[parameter.name] = variables.value(of: argument.value, as: parameter.type)
                } else {
                    values[parameter.name] = .null
                }
            }
            do {
                try await dataPlane.call(
                    procedure: name.value, dataset: program.options.tenantDataset, arguments: values, token: runID)
            } catch {
                throw Self.classify(error)
            }
            return nil
        case .check(let check):
            guard let sql = pipeline.checkQueries[stepIndex] else { return nil }
            let rows: SQLiteRows
            do {
                rows = try await dataPlane.query(sql, parameters: variables.implicit, token: runID)
            } catch {
                throw Self.classify(error)
            }
            var failures: [String] = []
            for row in rows.rows {
                let expectation = row[0].text ?? ""
                let severity = row[1].text ?? "error"
                let failed = Int(row[2].integer ?? 0)
                let checked = Int(row[3].integer ?? 0)
                try? await ledger.recordCheck(
                    runID: runID, request: request, stepID: step.id.value, table: check.table.value, expectation: expectation,
                    severity: severity, failed: failed, checked: checked)
                if failed > 0, severity == "error" { failures.append("\(expectation): \(failed) of \(checked) rows") }
            }
            if !failures.isEmpty { throw StepFailure(errorClass: .check, message: failures.joined(separator: "; ")) }
            return nil
        }
    }

    func performLoad(_ load: PipelineSyntax.Load, request: RunRequest, runID: String) async throws(StepFailure) -> Int? {
        guard let table = program.tables[load.into.value]?.definition else {
            throw StepFailure(errorClass: .notDeployed, message: "table \(load.into.value) is not compiled")
        }
        guard let pattern = load.path?.value else {
            throw StepFailure(errorClass: .load, message: "source '\(load.source.value)' has no connector in the embedded runtime; give a file path")
        }
        let relative = FileLoader.resolve(pattern: pattern, org: request.org, date: request.date)
        let path = relative.hasPrefix("/") ? relative : options.inputRoot + "/" + relative
        let format = load.format?.value ?? (path.hasSuffix(".csv") ? .csv : .jsonl)
        let lineage = RunVariableValues(request: request, runID: runID).lineage(pipeline: request.pipeline)
        let loaded: LoadedRows
        do {
            loaded = try FileLoader.load(path: path, format: format, into: table, lineage: lineage.mapValues(\.loadValue))
        } catch {
            throw StepFailure(errorClass: .load, message: error.description)
        }
        let dataset = table.scope == .central ? CompileOptions.centralDataset : program.options.tenantDataset
        let owner: [String: SQLValue] = [
            "x_org_slug": .text(request.org), "x_pipeline_id": .text(request.pipeline),
            "x_credential_id": .text(request.credentialID), "x_pipeline_run_date": .text(request.date),
        ]
        do {
            try await dataPlane.replaceRows(
                in: table.name, dataset: dataset, ownedBy: owner, columns: loaded.columns,
                rows: loaded.rows.map { $0.map(\.sqlValue) }, token: runID)
        } catch {
            throw Self.classify(error)
        }
        return loaded.rows.count
    }

    /// What a data-plane error means for retrying. Warehouses report `SQLiteError`s: code 9 (SQLITE_INTERRUPT)
    /// is a timeout's or cancellation's interrupt, an `assertion failed: ` message a failed ASSERT (a data error,
    /// never retried), anything else an engine error (retried).
    static func classify(_ error: any Error) -> StepFailure {
        if let sqlite = error as? SQLiteError {
            if sqlite.code == 9 { return StepFailure(errorClass: .cancelled, message: "interrupted") }
            if let message = LocalFunctions.assertionMessage(sqlite.message) {
                return StepFailure(errorClass: .assertion, message: message)
            }
            return StepFailure(errorClass: .sql, message: sqlite.message)
        }
        return StepFailure(errorClass: .sql, message: "\(error)")
    }
}

/// A flag set by a timer and read by the task it limits.
final class ExpiryFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }
}
