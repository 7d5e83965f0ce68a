import Foundation

/// The run ledger in `organizations`: runs, steps, every state transition, data-quality results and quota
/// leases. Starting a run is one transaction that checks the duplicate guard and every quota and takes a lease.
struct RunLedger {
    let warehouse: LocalWarehouse

    /// Runs whose lease expired without a release (the process died) end FAILED and free their lease.
    func reapExpiredLeases() async throws {
        let now = Timestamps.now()
        try await warehouse.execute(
            """
            UPDATE organizations.org_meta_pipeline_runs
            SET status = 'FAILED', finished_at = @now, error_class = 'LeaseExpired',
                error_message = 'the process running this run stopped without finishing it; its lease expired'
            WHERE status IN ('PENDING', 'RUNNING')
              AND run_id IN (SELECT run_id FROM organizations.org_meta_quota_leases WHERE released_at IS NULL AND expires_at < @now);

            INSERT INTO organizations.org_meta_state_transitions (run_id, step_id, from_status, to_status, at, attempt, error_class, error_message, sequence)
            SELECT run_id, NULL, 'RUNNING', 'FAILED', @now, NULL, 'LeaseExpired', 'lease expired', 1000000
            FROM organizations.org_meta_quota_leases WHERE released_at IS NULL AND expires_at < @now;

            UPDATE organizations.org_meta_quota_leases SET released_at = @now WHERE released_at IS NULL AND expires_at < @now;
            """, parameters: ["now": .text(now)])
    }

    /// Checks the duplicate guard and the plan's quotas and, if they allow it, records the run (PENDING →
    /// RUNNING) and takes a lease, all in one transaction. Throws ``RunRefused`` otherwise.
    func startRun(runID: String, request: RunRequest, leaseSeconds: TimeInterval, defaultPlan: Plan) async throws {
        let now = Date()
        let nowText = Timestamps.format(now)
        let plan = try await plan(for: request.org, default: defaultPlan)
        let limits = plan.limits
        let expires = Timestamps.format(now.addingTimeInterval(leaseSeconds))
        let parameters: [String: SQLValue] = [
            "run_id": .text(runID), "org": .text(request.org), "pipeline": .text(request.pipeline),
            "credential": .text(request.credentialID), "date": .text(request.date), "trigger": .text(request.trigger),
            "now": .text(nowText), "day": .text(String(nowText.prefix(10))), "month": .text(String(nowText.prefix(7))),
            "expires": .text(expires), "daily": .integer(Int64(limits.daily)), "monthly": .integer(Int64(limits.monthly)),
            "concurrent": .integer(Int64(limits.concurrent)),
        ]
        // One statement decides, so concurrent triggers cannot both pass a check (statements are serialised).
        let verdict = try await warehouse.startRunAtomically(parameters: parameters)
        switch verdict {
        case "ok": return
        case "duplicate":
            throw RunRefused(
                reason: .duplicateRun,
                message: "\(request.pipeline) is already running for \(request.org) on \(request.date)")
        case "daily":
            throw RunRefused(
                reason: .dailyQuota, message: "\(request.org) has used its \(limits.daily) runs for today (\(plan.rawValue) plan)")
        case "monthly":
            throw RunRefused(
                reason: .monthlyQuota, message: "\(request.org) has used its \(limits.monthly) runs for this month (\(plan.rawValue) plan)")
        default:
            throw RunRefused(
                reason: .concurrencyLimit,
                message: "\(request.org) already has \(limits.concurrent) runs in progress, the \(plan.rawValue) plan's limit; try again when one finishes")
        }
    }

    func plan(for org: String, default defaultPlan: Plan) async throws -> Plan {
        let rows = try await warehouse.query(
            "SELECT plan FROM organizations.org_plans WHERE org_slug = @org", parameters: ["org": .text(org)])
        return rows.rows.first?.first?.text.flatMap(Plan.init(rawValue:)) ?? defaultPlan
    }

    func finishRun(_ outcome: RunOutcome) async throws {
        let now = Timestamps.now()
        try await warehouse.execute(
            """
            UPDATE organizations.org_meta_pipeline_runs
            SET status = @status, finished_at = @now, duration_ms = @duration, error_class = @class, error_message = @message
            WHERE run_id = @run_id;

            INSERT INTO organizations.org_meta_state_transitions (run_id, step_id, from_status, to_status, at, attempt, error_class, error_message, sequence)
            VALUES (@run_id, NULL, 'RUNNING', @status, @now, NULL, @class, @message,
              (SELECT COUNT(*) FROM organizations.org_meta_state_transitions WHERE run_id = @run_id));

            UPDATE organizations.org_meta_quota_leases SET released_at = @now WHERE run_id = @run_id AND released_at IS NULL;
            """,
            parameters: [
                "run_id": .text(outcome.runID), "status": .text(outcome.status.rawValue), "now": .text(now),
                "duration": .integer(Int64(outcome.durationMilliseconds)),
                "class": outcome.errorClass.map(SQLValue.text) ?? .null, "message": outcome.errorMessage.map(SQLValue.text) ?? .null,
            ])
    }

    func transition(runID: String, stepID: String?, from: RunStatus?, to: RunStatus, attempt: Int?, error: StepFailure?) async throws {
        try await warehouse.execute(
            """
            INSERT INTO organizations.org_meta_state_transitions (run_id, step_id, from_status, to_status, at, attempt, error_class, error_message, sequence)
            VALUES (@run_id, @step_id, @from, @to, @now, @attempt, @class, @message,
              (SELECT COUNT(*) FROM organizations.org_meta_state_transitions WHERE run_id = @run_id))
            """,
            parameters: [
                "run_id": .text(runID), "step_id": stepID.map(SQLValue.text) ?? .null, "from": from.map { .text($0.rawValue) } ?? .null,
                "to": .text(to.rawValue), "now": .text(Timestamps.now()), "attempt": attempt.map { .integer(Int64($0)) } ?? .null,
                "class": error.map { .text($0.errorClass.rawValue) } ?? .null, "message": error.map { .text($0.message) } ?? .null,
            ])
    }

    func recordStep(runID: String, outcome: StepOutcome, startedAt: Date?, sequenceHint: Int) async throws {
        let now = Date()
        try await warehouse.execute(
            """
            INSERT OR REPLACE INTO organizations.org_meta_step_logs
              (run_id, step_id, status, attempts, started_at, finished_at, duration_ms, rows_written, error_class, error_message)
            VALUES (@run_id, @step_id, @status, @attempts, @started, @now, @duration, @rows, @class, @message)
            """,
            parameters: [
                "run_id": .text(runID), "step_id": .text(outcome.stepID), "status": .text(outcome.status.rawValue),
                "attempts": .integer(Int64(outcome.attempts)), "started": startedAt.map { .text(Timestamps.format($0)) } ?? .null,
                "now": .text(Timestamps.format(now)),
                "duration": startedAt.map { .integer(Int64(now.timeIntervalSince($0) * 1000)) } ?? .null,
                "rows": outcome.rowsWritten.map { .integer(Int64($0)) } ?? .null,
                "class": outcome.errorClass.map(SQLValue.text) ?? .null, "message": outcome.errorMessage.map(SQLValue.text) ?? .null,
            ])
    }

    func recordCheck(
        runID: String, request: RunRequest, stepID: String, table: String, expectation: String, severity: String, failed: Int,
        checked: Int
    ) async throws {
        try await warehouse.execute(
            """
            INSERT INTO organizations.org_meta_dq_results
              (run_id, org_slug, pipeline_id, step_id, table_name, expectation, severity, failed_rows, checked_rows, passed, checked_at)
            VALUES (@run_id, @org, @pipeline, @step, @table, @expectation, @severity, @failed, @checked, @passed, @now)
            """,
            parameters: [
                "run_id": .text(runID), "org": .text(request.org), "pipeline": .text(request.pipeline), "step": .text(stepID),
                "table": .text(table), "expectation": .text(expectation), "severity": .text(severity),
                "failed": .integer(Int64(failed)), "checked": .integer(Int64(checked)), "passed": .integer(failed == 0 ? 1 : 0),
                "now": .text(Timestamps.now()),
            ])
    }
}
