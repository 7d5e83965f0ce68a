import Foundation

/// The states of a run and of a step.
public enum RunStatus: String, Sendable, Codable, CaseIterable {
    case pending = "PENDING"
    case running = "RUNNING"
    case completed = "COMPLETED"
    case failed = "FAILED"
    case timeout = "TIMEOUT"
    case cancelled = "CANCELLED"
    /// Steps only: not run because a step it waits for failed, or the run stopped.
    case skipped = "SKIPPED"

    /// True once nothing more happens.
    public var isFinal: Bool { self != .pending && self != .running }
}

/// A service plan and its quotas.
public enum Plan: String, Sendable, CaseIterable, Codable {
    case starter, professional, scale

    /// Runs a day, runs a month, runs at once.
    public var limits: (daily: Int, monthly: Int, concurrent: Int) {
        switch self {
        case .starter: (6, 180, 2)
        case .professional: (25, 750, 5)
        case .scale: (100, 3_000, 20)
        }
    }
}

/// A request to run one pipeline for one tenant and one data date.
public struct RunRequest: Sendable, Hashable {
    public var pipeline: String
    public var org: String
    /// The data date, `YYYY-MM-DD`.
    public var date: String
    public var credentialID: String
    /// `manual`, `schedule`, `api` — or `backfill` for operator-run ranges (`cloudact run --from --to`, the demo),
    /// which are limited by the concurrency quota but not counted against the daily and monthly run quotas.
    public var trigger: String

    public init(pipeline: String, org: String, date: String, credentialID: String = "default", trigger: String = "manual") {
        self.pipeline = pipeline
        self.org = org
        self.date = date
        self.credentialID = credentialID
        self.trigger = trigger
    }
}

/// Why a run was not started. Nothing was written.
public struct RunRefused: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Reason: String, Sendable {
        case unknownPipeline = "unknown-pipeline"
        case invalidRequest = "invalid-request"
        case duplicateRun = "duplicate-run"
        case dailyQuota = "daily-quota"
        case monthlyQuota = "monthly-quota"
        case concurrencyLimit = "concurrency-limit"
    }

    public var reason: Reason
    public var message: String
    public var description: String { "\(reason.rawValue): \(message)" }
}

/// How one step ended.
public struct StepOutcome: Sendable {
    public var stepID: String
    public var status: RunStatus
    public var attempts: Int
    public var rowsWritten: Int?
    public var errorClass: String?
    public var errorMessage: String?
}

/// How a run ended.
public struct RunOutcome: Sendable {
    public var runID: String
    public var request: RunRequest
    public var status: RunStatus
    public var steps: [StepOutcome]
    public var errorClass: String?
    public var errorMessage: String?
    public var durationMilliseconds: Int
}

/// A classified step failure.
struct StepFailure: Error, CustomStringConvertible {
    enum Class: String {
        case assertion = "AssertionFailed"
        case load = "LoadError"
        case check = "CheckFailed"
        case sql = "SQLError"
        case timeout = "Timeout"
        case cancelled = "Cancelled"
        case notDeployed = "NotDeployed"
    }

    var errorClass: Class
    var message: String
    var description: String { "\(errorClass.rawValue): \(message)" }

    /// Data and definition errors fail the same way every time; only engine errors and timeouts are retried.
    var isRetryable: Bool { errorClass == .sql || errorClass == .timeout }
}
