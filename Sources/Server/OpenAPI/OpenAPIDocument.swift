import Foundation
import HTTPTypes

/// The OpenAPI 3.1 description of the JSON API, made from the routes themselves: every route
/// under `/api` with its `APIOperation` and its `Access` (as `x-roles`), the shapes of
/// `APISchemas`, and the two ways in (an API token, a signed-in browser's session).
struct OpenAPIDocument: Encodable {
    let openapi = "3.1.0"
    let info = Info()
    let components = Components()
    let security = [["token": [String]()], ["session": []]]
    let paths: [String: [String: Operation]]

    init(routes: [Routes.Route]) {
        var paths: [String: [String: Operation]] = [:]
        for route in routes where route.path.hasPrefix("/api/") {
            guard let operation = route.operation else { continue }
            let template = route.path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            paths["/" + template, default: [:]][route.method.rawValue.lowercased()] = Operation(route, operation)
        }
        self.paths = paths
    }

    /// The document as the server hands it out.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    struct Info: Encodable {
        let title = "Switchboard"
        let version = "1"
        let description = """
            The JSON API of Switchboard, a telemarketing campaign dialer simulator with live supervision and the GDPR built in. \
            Scripts sign in with a per-person API token (Authorization: Bearer sbt_…), which acts with its member's roles; a \
            signed-in browser sends its session cookie and, for changes, the session's X-CSRF-Token. Each operation names the \
            roles it admits in x-roles. Errors are {"error": "…", "code": "area.case"}.
            """
    }

    struct Components: Encodable {
        let schemas = APISchemas.components
        let securitySchemes = [
            "token": SecurityScheme(type: "http", scheme: "bearer", name: nil, in: nil),
            "session": SecurityScheme(type: "apiKey", scheme: nil, name: SessionCookie.name, in: "cookie"),
        ]
    }

    struct SecurityScheme: Encodable {
        let type: String
        let scheme: String?
        let name: String?
        let `in`: String?
    }

    struct Operation: Encodable {
        let summary: String
        let operationId: String
        let tags: [String]
        let parameters: [Parameter]
        let requestBody: Body?
        let responses: [String: Response]
        let security: [[String: [String]]]?
        let xRoles: String

        init(_ route: Routes.Route, _ operation: APIOperation) {
            summary = operation.summary
            let words = route.path.split(separator: "/").dropFirst().map { $0.hasPrefix(":") ? "by-" + $0.dropFirst() : String($0) }
            operationId = ([route.method.rawValue.lowercased()] + words).joined(separator: "-")
            tags = [String(route.path.split(separator: "/").dropFirst().first ?? "api")]
            let pathParameters = route.path.split(separator: "/").filter { $0.hasPrefix(":") }.map { part -> Parameter in
                let name = String(part.dropFirst())
                return Parameter(
                    name: name, in: "path", required: true, description: nil,
                    schema: operation.pathTypes[name] ?? (name == "id" ? .integer : .string))
            }
            parameters = pathParameters + operation.query.map {
                Parameter(name: $0.name, in: "query", required: $0.required, description: $0.description, schema: $0.schema)
            }
            requestBody = operation.body.map { Body(content: Self.content($0)) }
            var responses: [String: Response] = [:]
            for (status, content) in operation.responses {
                responses[String(status)] = Response(description: Self.describe(status), content: content.map(Self.content))
            }
            responses["default"] = Response(description: "an error", content: Self.content(.json(APISchemas.error)))
            self.responses = responses
            security = route.access == .anyone ? [] : nil
            xRoles = route.access.description
        }

        private enum CodingKeys: String, CodingKey {
            case summary, operationId, tags, parameters, requestBody, responses, security
            case xRoles = "x-roles"
        }

        static func content(_ content: APIOperation.Content) -> [String: MediaType] {
            switch content {
            case .json(let schema): ["application/json": MediaType(schema: schema)]
            case .csv: ["text/csv": MediaType(schema: .string)]
            case .text: ["text/plain": MediaType(schema: .string)]
            case .html: ["text/html": MediaType(schema: .string)]
            case .wav: ["audio/wav": MediaType(schema: .string)]
            case .eventStream: ["text/event-stream": MediaType(schema: .string)]
            }
        }

        static func describe(_ status: Int) -> String {
            switch status {
            case 200: "done"
            case 201: "made"
            case 204: "done, nothing to say"
            case 206: "the part asked for"
            default: "status \(status)"
            }
        }
    }

    struct Parameter: Encodable {
        let name: String
        let `in`: String
        let required: Bool
        let description: String?
        let schema: JSONSchema
    }

    struct Body: Encodable {
        let required = true
        let content: [String: MediaType]
    }

    struct Response: Encodable {
        let description: String
        let content: [String: MediaType]?
    }

    struct MediaType: Encodable {
        let schema: JSONSchema
    }
}
