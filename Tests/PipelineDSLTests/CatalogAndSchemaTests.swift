import Foundation
@testable import PipelineDSL
import Testing
import TestSupport

@Suite("Diagnostic catalogue and JSON Schema")
struct CatalogAndSchemaTests {
    /// Every `DiagnosticID = "…"` declared in the sources.
    func declaredCodes() throws -> [String] {
        let path = repositoryRoot + "/Sources/PipelineDSL/Diagnostics/DiagnosticCatalog.swift"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            guard let range = line.range(of: ": DiagnosticID = \"") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    @Test("every declared code is explained in the catalogue and documented")
    func catalogue() throws {
        let codes = try declaredCodes()
        #expect(codes.count >= 50)
        #expect(Set(codes).count == codes.count, "a code is declared twice")
        let docs = try String(contentsOfFile: repositoryRoot + "/Docs/DIAGNOSTICS.md", encoding: .utf8)
        for code in codes {
            #expect(DiagnosticID.catalog[DiagnosticID(rawValue: code)] != nil, "\(code) is not in the catalogue")
            #expect(docs.contains("`\(code)`"), "\(code) is missing from Docs/DIAGNOSTICS.md (regenerate it with cloudact explain)")
        }
        #expect(DiagnosticID.catalog.count == codes.count)
    }

    @Test("codes are lowercase dotted names")
    func codeShape() {
        for id in DiagnosticID.catalog.keys {
            let parts = id.rawValue.split(separator: ".")
            #expect(parts.count == 2, "\(id)")
            #expect(id.rawValue.allSatisfy { $0.isLowercase || $0 == "." || $0 == "-" || $0.isNumber }, "\(id)")
        }
    }

    @Test("the JSON Schema is valid JSON and describes every field of the language")
    func schema() throws {
        let text = JSONSchemaGenerator.generate()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        let documents = try #require(object["oneOf"] as? [[String: Any]])
        #expect(documents.count == 3)
        for (document, (key, schema)) in zip(documents, LanguageSchema.documents) {
            let properties = try #require(document["properties"] as? [String: Any])
            #expect(Set(properties.keys) == Set(schema.fields.map(\.name)))
            #expect((document["required"] as? [String])?.contains(key) == true)
            #expect(document["additionalProperties"] as? Bool == false)
        }
        let definitions = try #require(object["definitions"] as? [String: Any])
        let step = try #require(definitions["step"] as? [String: Any])
        let stepProperties = try #require(step["properties"] as? [String: Any])
        #expect(Set(stepProperties.keys) == Set(LanguageSchema.step.fields.map(\.name)))
    }

    @Test("the schema output is byte-stable")
    func schemaStable() {
        #expect(JSONSchemaGenerator.generate() == JSONSchemaGenerator.generate())
    }
}
