import Compiler
import Foundation
import PipelineDSL
import Testing
import TestSupport

/// Every fixture of every standard-library procedure, in both engines.
enum StandardLibrary {
    static let fixtures: [ProcedureFixture] =
        SubscriptionDailyCostsFixtures.all + SubscriptionToFocusFixtures.all + GenAIPriceUsageFixtures.all + GenAIToFocusFixtures.all

    static let project: Result<DifferentialProject, any Error> = Result { try DifferentialProject.standardLibrary() }

    /// One run per fixture, shared by the tests that look at it (each zeval run costs a second or two).
    static let reports = ReportCache()

    actor ReportCache {
        var runs: [String: Task<DifferentialReport, any Error>] = [:]

        func report(_ fixture: ProcedureFixture) async throws -> DifferentialReport {
            if let run = runs[fixture.testDescription] { return try await run.value }
            let run = Task { try await ProcedureHarness.run(fixture, in: try StandardLibrary.project.get()) }
            runs[fixture.testDescription] = run
            return try await run.value
        }
    }
}

@Suite("Differential: standard library procedures, BigQuery (ZetaSQL) vs SQLite")
struct StandardLibraryTests {
    @Test("the procedure writes the same rows in both engines, after every step", arguments: StandardLibrary.fixtures)
    func fixture(_ fixture: ProcedureFixture) async throws {
        let report = try await StandardLibrary.reports.report(fixture)
        #expect(report.problems.isEmpty, "\(report.problems.count) difference(s):\n\n\(report.problems.joined(separator: "\n\n"))")
    }

    @Test("every procedure of the standard library has fixtures with re-runs, several credentials and NULL in every nullable input")
    func coverage() throws {
        let procedures = exampleProjectFiles().filter { $0.path.hasPrefix("procedures/") }
            .map { String($0.path.dropFirst("procedures/".count).dropLast(".yaml".count)) }
        #expect(!procedures.isEmpty)
        for procedure in procedures {
            let fixtures = StandardLibrary.fixtures.filter { $0.procedure == procedure }
            #expect(!fixtures.isEmpty, "no differential fixture for \(procedure)")
            guard !fixtures.isEmpty else { continue }
            #expect(fixtures.contains { $0.steps.contains { $0.rerunOf != nil } }, "\(procedure): no fixture re-runs a step")
            let credentials = Set(fixtures.flatMap { fixture in fixture.steps.indices.map { fixture.arguments(step: $0)["credential_id"]! } })
            #expect(credentials.count >= 2, "\(procedure): every fixture runs one credential")
            // Every nullable column of every table the fixtures load is NULL in some row (a column a fixture
            // table leaves out is NULL in all of its rows).
            let project = try StandardLibrary.project.get()
            for table in FixtureTable.merged(fixtures.flatMap(\.tables)) {
                let definition = try project.definition(table.table)
                for column in definition.columns where !column.isRequired {
                    let index = table.columns.firstIndex(of: column.name)
                    #expect(
                        index == nil || table.rows.contains { $0[index!] == nil },
                        "\(procedure): \(table.dataset).\(table.table).\(column.name) is never NULL in the fixtures")
                }
            }
        }
        #expect(StandardLibrary.fixtures.contains { $0.steps.last?.expectedError == "usage without a price" }, "no missing-price fixture")
    }
}
