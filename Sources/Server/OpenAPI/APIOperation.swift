/// What the OpenAPI description says of one route: what it does, what it takes and what it
/// answers. Given where the route is registered, beside its `Access`, so that a route and its
/// description cannot drift apart; a test sees that every `/api` route has one.
public struct APIOperation: Sendable, Hashable {
    /// A body, and its media type.
    public enum Content: Sendable, Hashable {
        case json(JSONSchema)
        case csv
        case text
        case html
        case wav
        /// Server-sent events.
        case eventStream
    }

    /// A query parameter.
    public struct Parameter: Sendable, Hashable {
        public let name: String
        public let schema: JSONSchema
        public let description: String
        public let required: Bool

        public init(_ name: String, _ description: String, schema: JSONSchema = .string, required: Bool = false) {
            self.name = name
            self.schema = schema
            self.description = description
            self.required = required
        }
    }

    public let summary: String
    public var query: [Parameter]
    public var body: Content?
    /// The answers a caller should expect besides the errors every route may give.
    public var responses: [Int: Content?]
    /// Path parameters that are not strings: `id` is an integer unless said otherwise.
    public var pathTypes: [String: JSONSchema]

    public init(
        _ summary: String, query: [Parameter] = [], body: Content? = nil, responses: [Int: Content?],
        pathTypes: [String: JSONSchema] = [:]
    ) {
        self.summary = summary
        self.query = query
        self.body = body
        self.responses = responses
        self.pathTypes = pathTypes
    }

    /// Reads something: a 200 with `schema`.
    public static func read(_ summary: String, _ schema: JSONSchema, query: [Parameter] = [], pathTypes: [String: JSONSchema] = [:]) -> APIOperation {
        APIOperation(summary, query: query, responses: [200: .json(schema)], pathTypes: pathTypes)
    }

    /// Makes something from a JSON body: a 201 with what was made.
    public static func create(_ summary: String, body: JSONSchema, _ schema: JSONSchema, query: [Parameter] = []) -> APIOperation {
        APIOperation(summary, query: query, body: .json(body), responses: [201: .json(schema)])
    }

    /// Changes something: a 200 with the changed thing, or a 204 when `schema` is nil.
    public static func change(_ summary: String, body: JSONSchema? = nil, _ schema: JSONSchema?, pathTypes: [String: JSONSchema] = [:]) -> APIOperation {
        APIOperation(
            summary, body: body.map(Content.json), responses: schema.map { [200: .json($0)] } ?? [204: nil], pathTypes: pathTypes)
    }
}
