import Foundation

/// Generates a JSON Schema (draft-07, what the YAML language server reads) for the three document kinds from
/// ``LanguageSchema``: the same definitions the decoder reads, so editor completion cannot drift from it.
public enum JSONSchemaGenerator {
    /// The schema as pretty-printed JSON with sorted keys.
    public static func generate() -> String {
        var definitions: [String: Any] = [:]
        var documents: [[String: Any]] = []
        for (key, schema) in LanguageSchema.documents {
            var object = objectSchema(schema, definitions: &definitions)
            object["title"] = "CloudAct \(schema.name)"
            // A document is told apart by its first key; requiring it is what JSON Schema can express.
            object["required"] = Array(Set((object["required"] as? [String] ?? []) + [key])).sorted()
            documents.append(object)
        }
        let root: [String: Any] = [
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$id": "https://cloudact.dev/schemas/pipelines-v1.json",
            "title": "CloudAct Pipelines definition (table, procedure or pipeline)",
            "oneOf": documents,
            "definitions": definitions,
        ]
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func objectSchema(_ schema: ObjectSchema, definitions: inout [String: Any]) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in schema.fields {
            var value = valueSchema(field.value, definitions: &definitions)
            value["description"] = field.summary
            properties[field.name] = value
        }
        var object: [String: Any] = [
            "type": "object",
            "description": schema.summary,
            "properties": properties,
            "additionalProperties": false,
        ]
        let required = schema.fields.filter(\.isRequired).map(\.name)
        if !required.isEmpty { object["required"] = required }
        return object
    }

    static func valueSchema(_ value: ValueSchema, definitions: inout [String: Any]) -> [String: Any] {
        switch value {
        case .string(let format):
            return stringSchema(format)
        case .integer(let min, let max):
            return ["type": "integer", "minimum": min, "maximum": max]
        case .boolean:
            return ["type": "boolean"]
        case .enumeration(let values):
            return ["type": "string", "enum": values]
        case .list(let item, let minItems):
            return ["type": "array", "items": valueSchema(item, definitions: &definitions), "minItems": minItems]
        case .object(let schema):
            let name = schema.name.replacingOccurrences(of: " ", with: "_")
            if definitions[name] == nil {
                definitions[name] = [:]  // reserve the name before recursing
                definitions[name] = objectSchema(schema, definitions: &definitions)
            }
            return ["$ref": "#/definitions/\(name)"]
        case .map(let key, let item):
            return [
                "type": "object",
                "propertyNames": stringSchema(key),
                "additionalProperties": valueSchema(item, definitions: &definitions),
            ]
        case .anyOf(let options):
            return ["anyOf": options.map { valueSchema($0, definitions: &definitions) }]
        case .anyScalar:
            return ["type": ["string", "number", "boolean", "null"]]
        }
    }

    static func stringSchema(_ format: StringFormat) -> [String: Any] {
        switch format {
        case .text:
            return ["type": "string"]
        case .expression:
            // An expression is any scalar: `NULL`, `0` and `true` are YAML nulls, numbers and booleans to an editor.
            return ["type": ["string", "number", "boolean", "null"]]
        case .identifier:
            return ["type": "string", "pattern": "^[a-z][a-z0-9_]*$", "maxLength": 128]
        case .columnName:
            return ["type": "string", "pattern": "^([a-z][a-z0-9_]*|[A-Z][A-Za-z0-9]*)$", "maxLength": 128]
        case .duration:
            return ["type": "string", "pattern": "^[0-9]+[smh]$"]
        case .cron:
            return ["type": "string", "pattern": "^\\s*\\S+(\\s+\\S+){4}\\s*$"]
        case .timeZone:
            return ["type": "string", "examples": ["UTC", "Europe/Berlin", "America/New_York"]]
        case .tableReference:
            return ["type": "string", "pattern": "^[a-z][a-z0-9_]*(\\s+(AS\\s+|as\\s+)?[a-z][a-z0-9_]*)?$"]
        case .category:
            return ["type": "string", "pattern": "^[a-z][a-z0-9_]*(/[a-z][a-z0-9_]*)*$"]
        case .pathPattern:
            return ["type": "string"]
        }
    }
}
