/// A statement and its parameters, written as one string whose interpolations become binds.
///
///     let sql: SQL = "SELECT name FROM campaigns WHERE id = \(id) AND status = \(status)"
///
/// sends `SELECT name FROM campaigns WHERE id = $1 AND status = $2` with `id` and `status` as
/// parameters, so a value can never change the statement. Only `SQLEncodable` values, other
/// `SQL` fragments and `SQLIdentifier`s (made from string literals) can be interpolated.
public struct SQL: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    enum Part: Sendable {
        case text(String)
        case bind(Bind)
    }

    /// One parameter: its type and binary form, or nil bytes for NULL.
    struct Bind: Sendable {
        var type: SQLType
        var bytes: [UInt8]?
    }

    private(set) var parts: [Part] = []

    /// Statement text comes only from literals in the program: a `StaticString` cannot be
    /// made from input at run time.
    public init(stringLiteral value: StaticString) {
        parts = [.text(value.description)]
    }

    public init(stringInterpolation: StringInterpolation) {
        parts = stringInterpolation.parts
    }

    /// The statement as sent, with `$1`, `$2`, ... in place of the values, and the values in order.
    var rendered: (text: String, binds: [Bind]) {
        var text = ""
        var binds: [Bind] = []
        for part in parts {
            switch part {
            case .text(let fragment):
                text += fragment
            case .bind(let bind):
                binds.append(bind)
                text += "$\(binds.count)"
            }
        }
        return (text, binds)
    }

    /// The statement text only; values are not shown, so it is safe to log.
    public var description: String { rendered.text }

    /// The two statements' text and values, one after the other.
    public static func + (lhs: SQL, rhs: SQL) -> SQL {
        var result = lhs
        result.parts.append(contentsOf: rhs.parts)
        return result
    }

    /// Joins fragments with a separator, as in a list of conditions.
    /// The separator is written in the program (a `StaticString`), never taken from input.
    public static func joined(_ fragments: [SQL], separator: StaticString) -> SQL {
        var result: SQL = ""
        for (index, fragment) in fragments.enumerated() {
            if index > 0 { result.parts.append(.text(separator.description)) }
            result.parts.append(contentsOf: fragment.parts)
        }
        return result
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var parts: [Part] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            parts.reserveCapacity(interpolationCount * 2 + 1)
        }

        public mutating func appendLiteral(_ literal: StaticString) {
            parts.append(.text(literal.description))
        }

        /// A value, sent as a parameter.
        public mutating func appendInterpolation<Value: SQLEncodable>(_ value: Value) {
            appendBind(value)
        }

        /// An optional value, sent as a parameter; nil is SQL NULL.
        public mutating func appendInterpolation<Value: SQLEncodable>(_ value: Value?) {
            appendBind(value)
        }

        private mutating func appendBind<Value: SQLEncodable>(_ value: Value) {
            var bytes: [UInt8]? = nil
            if !value.isSQLNull {
                var buffer: [UInt8] = []
                value.encode(into: &buffer)
                bytes = buffer
            }
            parts.append(.bind(Bind(type: Value.sqlType, bytes: bytes)))
        }

        /// Another statement fragment, with its own values.
        public mutating func appendInterpolation(_ fragment: SQL) {
            parts.append(contentsOf: fragment.parts)
        }

        /// A table or column name chosen by the program, quoted.
        public mutating func appendInterpolation(_ identifier: SQLIdentifier) {
            parts.append(.text(identifier.quoted))
        }
    }
}

/// A name of a table, column or channel, written in the program and never taken from input.
public struct SQLIdentifier: Hashable, Sendable, CustomStringConvertible {
    public let name: String

    /// Only a literal can make an identifier: input can never choose one.
    public init(_ name: StaticString) {
        self.name = name.description
    }

    /// A name made at run time (such as a generated database name), accepted only when it is
    /// made of lower-case ASCII letters, digits and underscores, so it cannot change a statement.
    public init?(validating name: String) {
        let allowed = name.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 95 }
        guard allowed, !name.isEmpty, name.utf8.count <= 63, !(48...57).contains(name.utf8.first!) else { return nil }
        self.name = name
    }

    /// The name in double quotes, as SQL needs it.
    public var quoted: String {
        "\"" + String(name.flatMap { $0 == "\"" ? [$0, $0] : [$0] }) + "\""
    }

    public var description: String { name }
}
