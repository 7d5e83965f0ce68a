import ArgumentParser
import PipelineDSL

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema of the three document kinds (for the YAML language server).",
        discussion: """
            Save it and point your editor at it, e.g. in VS Code's settings: \
            "yaml.schemas": { "./cloudact.schema.json": ["tables/*.yaml", "procedures/*.yaml", "pipelines/*.yaml"] }
            """)

    func run() throws {
        writeStandardOutput(JSONSchemaGenerator.generate())
    }
}
