import Foundation
import PipelineDSL
import Server
import Testing

@Suite("Validation service")
struct ValidationServiceTests {
    func body(_ files: [(String, String)]) -> [UInt8] {
        let payload = ["files": files.map { ["path": $0.0, "content": $0.1] }]
        return [UInt8](try! JSONSerialization.data(withJSONObject: payload))
    }

    @Test("a valid file gives valid true and no diagnostics")
    func valid() throws {
        let service = ValidationService()
        let response = try service.validate(body: body([("tables/t.yaml", "table: t\ncolumns: { a: STRING }\n")]))
        #expect(response.valid)
        #expect(response.diagnostics.isEmpty)
    }

    @Test("an invalid file still answers, with 1-based positions")
    func invalid() throws {
        let service = ValidationService()
        let response = try service.validate(body: body([("pipelines/p.yaml", "pipeline: p\nname: P\ntimeout: 5x\nsteps: []\n")]))
        #expect(!response.valid)
        #expect(response.diagnostics.map(\.id) == [.syntaxInvalidDuration, .syntaxEmptyList])
        #expect(response.diagnostics.first?.range?.start.line == 3)
        #expect(response.diagnostics.first?.range?.start.column == 10)
        let json = String(decoding: try JSONEncoder().encode(response), as: UTF8.self)
        #expect(json.contains("\"syntax.invalid-duration\""))
    }

    @Test("references resolve against the service's context files")
    func context() throws {
        let table = SourceFile(path: "tables/raw.yaml", text: "table: raw\ncolumns: { a: STRING }\n")
        let service = ValidationService(context: [table])
        let pipeline = "pipeline: p\nname: P\nsteps:\n  - { id: a, load: { source: file, into: raw } }\n"
        #expect(try service.validate(body: body([("pipelines/p.yaml", pipeline)])).valid)
        #expect(try !ValidationService().validate(body: body([("pipelines/p.yaml", pipeline)])).valid)
    }

    @Test("malformed, empty and oversized requests are transport errors")
    func badRequests() {
        let service = ValidationService()
        #expect(throws: ValidationService.RequestError.self) { try service.validate(body: Array("not json".utf8)) }
        #expect(throws: ValidationService.RequestError.self) { try service.validate(body: Array("{\"files\": []}".utf8)) }
        do {
            _ = try service.validate(body: [UInt8](repeating: 0x20, count: ValidationService.maxBodyBytes + 1))
            Issue.record("expected a 413")
        } catch {
            #expect(error.status == 413)
        }
    }
}
