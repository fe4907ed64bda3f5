import Foundation

/// Holds a JSON value against a schema of the OpenAPI description (the subset it uses: type,
/// enum, format, items, properties, required, additionalProperties, $ref, anyOf) and says
/// where it does not fit.
struct JSONSchemaCheck {
    let components: [String: Any]

    init(document: [String: Any]) {
        components = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
    }

    /// The places where `value` departs from `schema`; empty when it fits.
    func problems(_ value: Any, _ schema: [String: Any], at path: String = "$") -> [String] {
        if let reference = schema["$ref"] as? String {
            guard let target = components[String(reference.split(separator: "/").last ?? "")] as? [String: Any] else {
                return ["\(path): unknown \(reference)"]
            }
            return problems(value, target, at: path)
        }
        if let options = schema["anyOf"] as? [[String: Any]] {
            return options.contains { problems(value, $0, at: path).isEmpty } ? [] : ["\(path): fits none of anyOf"]
        }
        switch schema["type"] as? String {
        case "null": return value is NSNull ? [] : ["\(path): not null"]
        case "string":
            guard let text = value as? String else { return ["\(path): not a string: \(value)"] }
            if let allowed = schema["enum"] as? [String], !allowed.contains(text) { return ["\(path): \(text) not in \(allowed)"] }
            if schema["format"] as? String == "date-time", !Self.isDateTime(text) { return ["\(path): not a date-time"] }
            if schema["format"] as? String == "uuid", UUID(uuidString: text) == nil { return ["\(path): not a uuid"] }
            return []
        case "integer":
            guard let number = Self.number(value), number.doubleValue == number.doubleValue.rounded() else {
                return ["\(path): not an integer: \(value)"]
            }
            return []
        case "number": return Self.number(value) != nil ? [] : ["\(path): not a number: \(value)"]
        case "boolean": return Self.isBoolean(value) ? [] : ["\(path): not a boolean: \(value)"]
        case "array":
            guard let items = value as? [Any] else { return ["\(path): not an array"] }
            let itemSchema = schema["items"] as? [String: Any] ?? [:]
            return items.enumerated().flatMap { problems($0.element, itemSchema, at: "\(path)[\($0.offset)]") }
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): not an object"] }
            var found = ((schema["required"] as? [String]) ?? []).filter { object[$0] == nil }.map { "\(path): lacks \($0)" }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, member) in object {
                if let property = properties[key] as? [String: Any] {
                    found += problems(member, property, at: "\(path).\(key)")
                } else if let values = schema["additionalProperties"] as? [String: Any] {
                    found += problems(member, values, at: "\(path).\(key)")
                }
            }
            return found
        default: return []
        }
    }

    /// JSONSerialization gives numbers and booleans alike as NSNumber; a boolean's type code is "c".
    static func isBoolean(_ value: Any) -> Bool {
        (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
    }

    static func number(_ value: Any) -> NSNumber? {
        guard let number = value as? NSNumber, !isBoolean(value) else { return nil }
        return number
    }

    /// RFC 3339, with or without fractions of a second.
    static func isDateTime(_ text: String) -> Bool {
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return ISO8601DateFormatter().date(from: text) != nil || fractional.date(from: text) != nil
    }
}
