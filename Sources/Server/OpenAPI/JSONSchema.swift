/// The shape of a JSON value, as JSON Schema 2020-12 (OpenAPI 3.1's dialect) writes it: the
/// part of it the API's bodies need. Objects admit properties beyond those named, so that an
/// answer may grow without breaking its readers.
public indirect enum JSONSchema: Sendable, Hashable {
    case string
    /// A string of a known format: `date-time`, `uuid`, `uri`.
    case formatted(String)
    /// One of these strings.
    case oneOf([String])
    case integer
    case number
    case boolean
    case array(JSONSchema)
    /// An object: its properties, and those of them it always has.
    case object([String: JSONSchema], required: [String])
    /// An object whose keys are free, every value of one shape.
    case dictionary(JSONSchema)
    /// A schema of the document's components, by name.
    case reference(String)
    /// The value, or `null`.
    case nullable(JSONSchema)

    /// An object that always has every property named.
    public static func record(_ properties: [String: JSONSchema], optional: [String] = []) -> JSONSchema {
        .object(properties, required: properties.keys.filter { !optional.contains($0) }.sorted())
    }

    public static let dateTime = JSONSchema.formatted("date-time")
}

extension JSONSchema: Encodable {
    private struct Key: CodingKey {
        let stringValue: String
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch self {
        case .string: try container.encode("string", forKey: Key("type"))
        case .formatted(let format):
            try container.encode("string", forKey: Key("type"))
            try container.encode(format, forKey: Key("format"))
        case .oneOf(let values):
            try container.encode("string", forKey: Key("type"))
            try container.encode(values, forKey: Key("enum"))
        case .integer: try container.encode("integer", forKey: Key("type"))
        case .number: try container.encode("number", forKey: Key("type"))
        case .boolean: try container.encode("boolean", forKey: Key("type"))
        case .array(let items):
            try container.encode("array", forKey: Key("type"))
            try container.encode(items, forKey: Key("items"))
        case .object(let properties, let required):
            try container.encode("object", forKey: Key("type"))
            try container.encode(properties, forKey: Key("properties"))
            if !required.isEmpty { try container.encode(required, forKey: Key("required")) }
        case .dictionary(let values):
            try container.encode("object", forKey: Key("type"))
            try container.encode(values, forKey: Key("additionalProperties"))
        case .reference(let name): try container.encode("#/components/schemas/\(name)", forKey: Key("$ref"))
        case .nullable(let schema):
            var options = container.nestedUnkeyedContainer(forKey: Key("anyOf"))
            try options.encode(schema)
            try options.encode(["type": "null"])
        }
    }
}
