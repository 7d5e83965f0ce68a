internal import Compiler
public import Foundation
internal import PipelineDSL

/// The values a run passes: the five implicit procedure parameters and the `$variables` of `with:`.
struct RunVariableValues {
    let request: RunRequest
    let runID: String

    /// `org_slug pipeline_id credential_id run_id run_date`, as bound parameters.
    var implicit: [String: SQLValue] {
        [
            "org_slug": .text(request.org), "pipeline_id": .text(request.pipeline), "credential_id": .text(request.credentialID),
            "run_id": .text(runID), "run_date": .text(request.date),
        ]
    }

    /// The lineage columns a load writes.
    func lineage(pipeline: String) -> [String: SQLValue] {
        let now = Timestamps.now()
        return [
            "x_org_slug": .text(request.org), "x_pipeline_id": .text(pipeline), "x_credential_id": .text(request.credentialID),
            "x_pipeline_run_date": .text(request.date), "x_run_id": .text(runID), "x_ingested_at": .text(now),
            "x_ingestion_date": .text(String(now.prefix(10))),
        ]
    }

    /// `$name` values (RunVariables in the compiler lists their types).
    var variables: [String: SQLValue] {
        let date = CivilDate(request.date) ?? CivilDate(year: 1970, month: 1, day: 1)
        let monthEnd = CivilDate(year: date.year, month: date.month, day: CivilDate.daysIn(year: date.year, month: date.month))
        return [
            "date": .text(date.description),
            "month_start": .text(date.monthStart.description),
            "month_end": .text(monthEnd.description),
            "year_start": .text(CivilDate(year: date.year, month: 1, day: 1).description),
            "previous_date": .text(date.adding(days: -1).description),
            "org_slug": .text(request.org), "pipeline_id": .text(request.pipeline),
            "credential_id": .text(request.credentialID), "run_id": .text(runID),
        ]
    }

    /// An argument written in YAML, as a value of the parameter's type.
    func value(of scalar: YAMLScalar, as type: ColumnType) -> SQLValue {
        if scalar.style == .plain, scalar.value.hasPrefix("$") { return variables[String(scalar.value.dropFirst())] ?? .null }
        if scalar.isNull { return .null }
        switch type {
        case .int64: return Int64(scalar.value).map(SQLValue.integer) ?? .null
        case .numeric, .bignumeric, .float64: return Double(scalar.value).map(SQLValue.real) ?? .null
        case .bool: return .integer(scalar.value == "true" ? 1 : 0)
        case .string, .date, .timestamp, .json: return .text(scalar.value)
        }
    }
}

extension CivilDate {
    /// Every date from `from` to `to` inclusive, as text (empty if either is not a date or from > to).
    static func range(from: String, to: String) -> [String] {
        guard let start = CivilDate(from), let end = CivilDate(to), start <= end else { return [] }
        return (start.dayNumber...end.dayNumber).map { CivilDate(dayNumber: $0).description }
    }
}

/// Default data dates.
public enum RunDates {
    /// Yesterday in UTC: the data date a daily run processes by default (providers publish a day's usage after
    /// it ends).
    public static func yesterday(now: Date = Date()) -> String {
        String(Timestamps.format(now.addingTimeInterval(-86_400)).prefix(10))
    }
}
