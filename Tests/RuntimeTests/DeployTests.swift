import Compiler
import Foundation
import PipelineDSL
@testable import Runtime
import Testing

@Suite("Deploy")
struct DeployTests {
    func program(_ table: String) throws -> CompiledProgram {
        let result = Compiler.build(
            [SourceFile(path: "tables/t.yaml", text: table)], options: CompileOptions(target: .sqlite, org: "acme"))
        return try #require(result.program, "\(result.diagnostics.all)")
    }

    let base = "table: t\npartition: day\ncolumns:\n  day: { type: DATE, required: true }\n  amount: BIGNUMERIC\n"

    func folder() -> String { NSTemporaryDirectory() + "cloudact-deploy-" + UUID().uuidString }

    @Test("a new table is created, and deploying the same program again changes nothing")
    func createThenUnchanged() async throws {
        let warehouse = try LocalWarehouse(folder: folder())
        let first = try await warehouse.deploy(try program(base))
        #expect(first.changes.map(\.description) == ["created acme_prod.t"])
        let second = try await warehouse.deploy(try program(base))
        #expect(second.changes.map(\.description) == ["unchanged acme_prod.t"])
    }

    @Test("a new nullable column is added to the existing table and its rows are kept")
    func addsNullableColumn() async throws {
        let warehouse = try LocalWarehouse(folder: folder())
        _ = try await warehouse.deploy(try program(base))
        try await warehouse.execute("INSERT INTO acme_prod.t (day, amount) VALUES ('2026-01-01', 1.5)", parameters: [:])
        let report = try await warehouse.deploy(try program(base + "  note: STRING\n"))
        #expect(report.changes.map(\.description) == ["altered acme_prod.t: added note"])
        let rows = try await warehouse.query("SELECT day, amount, note FROM acme_prod.t", parameters: [:])
        #expect(rows.rows.map { $0.map(\.description) } == [["2026-01-01", "1.5", "NULL"]])
    }

    @Test("dropping a column, changing its type, or adding a required column is refused and changes nothing")
    func refusesDestructiveChanges() async throws {
        let warehouse = try LocalWarehouse(folder: folder())
        _ = try await warehouse.deploy(try program(base))
        let cases = [
            ("table: t\npartition: day\ncolumns:\n  day: { type: DATE, required: true }\n", "no longer defined"),
            ("table: t\npartition: day\ncolumns:\n  day: { type: DATE, required: true }\n  amount: STRING\n", "changing a column's type"),
            (base + "  extra: { type: STRING, required: true }\n", "is required"),
        ]
        for (definition, message) in cases {
            await #expect {
                _ = try await warehouse.deploy(try program(definition))
            } throws: { error in
                (error as? DeployError)?.message.contains(message) == true
            }
        }
        let columns = try await warehouse.query("PRAGMA acme_prod.table_info(t)", parameters: [:])
        #expect(columns.rows.count == 2)
    }

    @Test("a procedure is stored with its content hash and replaced when it changes")
    func procedures() async throws {
        let folder = folder()
        let files = RunnerFixture.files
        let (session, report) = try await LocalSession.open(files: files, org: "acme", warehouseFolder: folder)
        #expect(report.changes.contains { $0.description == "created acme_prod.sp_price" })
        let stored = try await session.warehouse.query(
            "SELECT content_hash FROM organizations.cloudact_objects WHERE name = 'sp_price'", parameters: [:])
        #expect(stored.rows.first?.first?.text == session.program.procedures["sp_price"]?.contentHash)
        var changed = files
        changed[3] = SourceFile(
            path: "procedures/sp_price.yaml",
            text: String(decoding: files[3].bytes, as: UTF8.self).replacingOccurrences(of: "an item without a price", with: "no price"))
        let (_, second) = try await LocalSession.open(files: changed, org: "acme", warehouseFolder: folder)
        #expect(second.changes.contains { $0.description == "replaced acme_prod.sp_price" })
        #expect(second.changes.contains { $0.description == "unchanged acme_prod.costs" })
    }
}
