public import Compiler
import Foundation
public import PipelineDSL

/// The project did not compile: its diagnostics (print them with the files).
public struct BuildFailed: Error, Sendable {
    public var diagnostics: Diagnostics
    public var files: [SourceFile]
}

/// A project deployed into a local warehouse for one tenant: what `cloudact run` and `cloudact demo` use.
public struct LocalSession: Sendable {
    public let program: CompiledProgram
    public let warehouse: LocalWarehouse
    public let runner: PipelineRunner

    /// Compiles `files` for the SQLite target and tenant `org`, opens the warehouse folder and deploys.
    public static func open(
        files: [SourceFile], org: String, env: String = "prod", warehouseFolder: String,
        runnerOptions: RunnerOptions = RunnerOptions(), compilerOptions: CompilerOptions = CompilerOptions()
    ) async throws -> (session: LocalSession, deploy: DeployReport) {
        let build = Compiler.build(
            files, options: CompileOptions(target: .sqlite, project: "cloudact-local", org: org, env: env),
            compilerOptions: compilerOptions)
        guard let program = build.program else { throw BuildFailed(diagnostics: build.diagnostics, files: files) }
        let warehouse = try LocalWarehouse(folder: warehouseFolder)
        let report = try await warehouse.deploy(program)
        let session = LocalSession(
            program: program, warehouse: warehouse,
            runner: PipelineRunner(warehouse: warehouse, program: program, options: runnerOptions))
        return (session, report)
    }

    /// Runs a pipeline for every date from `from` to `to`, one idempotent run per day, in date order. A range of
    /// more than one day is a backfill (see ``RunRequest/trigger``).
    public func run(
        pipeline: String, from: String, to: String, credentialID: String = "default",
        progress: @Sendable (Int, Int, Result<RunOutcome, RunRefused>) -> Void = { _, _, _ in }
    ) async -> [Result<RunOutcome, RunRefused>] {
        let dates = CivilDate.range(from: from, to: to)
        var results: [Result<RunOutcome, RunRefused>] = []
        for (index, date) in dates.enumerated() {
            let request = RunRequest(
                pipeline: pipeline, org: program.options.org, date: date, credentialID: credentialID,
                trigger: dates.count > 1 ? "backfill" : "manual")
            let result: Result<RunOutcome, RunRefused>
            do {
                result = .success(try await runner.run(request))
            } catch {
                result = .failure(error)
            }
            progress(index + 1, dates.count, result)
            results.append(result)
        }
        return results
    }

    /// Replaces a table's rows with a file's (central reference data such as prices, or the tenant's hierarchy:
    /// `ownedBy` names the rows the file replaces, e.g. `org_slug`).
    public func seed(table name: String, from path: String, format: LoadFormat, ownedBy: [String: SQLValue] = [:]) async throws -> Int {
        guard let table = program.tables[name]?.definition else {
            throw DeployError(table: name, message: "no such table in the project")
        }
        let loaded = try FileLoader.load(path: path, format: format, into: table, lineage: [:])
        let dataset = table.scope == .central ? CompileOptions.centralDataset : program.options.tenantDataset
        try await warehouse.replaceRows(
            in: name, dataset: dataset, ownedBy: ownedBy, columns: loaded.columns, rows: loaded.rows.map { $0.map(\.sqlValue) })
        return loaded.rows.count
    }

    /// Sets the tenant's plan (its quotas).
    public func setPlan(_ plan: Plan) async throws {
        try await warehouse.execute(
            "INSERT OR REPLACE INTO organizations.org_plans (org_slug, plan) VALUES (@org, @plan)",
            parameters: ["org": .text(program.options.org), "plan": .text(plan.rawValue)])
    }
}

extension LoadValue {
    /// The value as stored by the embedded engine.
    var sqlValue: SQLValue {
        switch self {
        case .null: .null
        case .integer(let v): .integer(v)
        case .real(let v): .real(v)
        case .text(let v): .text(v)
        case .bool(let v): .integer(v ? 1 : 0)
        }
    }
}

extension SQLValue {
    /// The value as a loader passes lineage.
    var loadValue: LoadValue {
        switch self {
        case .null: .null
        case .integer(let v): .integer(v)
        case .real(let v): .real(v)
        case .text(let v): .text(v)
        }
    }
}
