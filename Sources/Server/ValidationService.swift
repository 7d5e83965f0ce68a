public import PipelineDSL
public import Compiler
import Foundation

/// The validator behind `POST /v1/validate`, free of any HTTP framework so it can be tested directly and
/// mounted by the router. It only decodes the request and calls ``Compiler/validate(_:context:options:)``.
public struct ValidationService: Sendable {
    /// The largest accepted request body (a definition may be 4 MiB, plus JSON escaping).
    public static let maxBodyBytes = 8 * 1024 * 1024

    /// The request: one or more files, by path.
    public struct Request: Decodable, Sendable {
        public struct File: Decodable, Sendable {
            public var path: String
            public var content: String
        }
        public var files: [File]
    }

    /// The response: always 200 for a well-formed request, with `valid` and 1-based diagnostics.
    public struct Response: Encodable, Sendable {
        public var valid: Bool
        public var diagnostics: [Diagnostic]
    }

    /// A request the service cannot process (a transport-level fault, not an invalid pipeline).
    public struct RequestError: Error, Sendable, Equatable {
        /// The HTTP status to answer with.
        public var status: Int
        /// What is wrong with the request.
        public var message: String
    }

    /// Files of the project the validated files may refer to (the standard library).
    public var context: [SourceFile]
    /// Compiler options (time zones).
    public var options: CompilerOptions

    /// Creates a service.
    public init(context: [SourceFile] = [], options: CompilerOptions = CompilerOptions()) {
        self.context = context
        self.options = options
    }

    /// Validates a JSON request body `{"files": [{"path", "content"}]}`.
    public func validate(body: [UInt8]) throws(RequestError) -> Response {
        guard body.count <= Self.maxBodyBytes else {
            throw RequestError(status: 413, message: "request body exceeds \(Self.maxBodyBytes) bytes")
        }
        let request: Request
        do {
            request = try JSONDecoder().decode(Request.self, from: Data(body))
        } catch {
            throw RequestError(status: 400, message: "expected {\"files\": [{\"path\": …, \"content\": …}]}")
        }
        guard !request.files.isEmpty else {
            throw RequestError(status: 400, message: "'files' is empty")
        }
        let files = request.files.map { SourceFile(path: $0.path, text: $0.content) }
        let result = Compiler.validate(files, context: context, options: options)
        return Response(valid: !result.diagnostics.hasErrors, diagnostics: result.diagnostics.sorted)
    }
}
