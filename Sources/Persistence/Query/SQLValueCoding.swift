/// A Swift value that PostgreSQL receives as a query parameter, in the binary wire format.
public protocol SQLEncodable: Sendable {
    /// The type the server reads the parameter as.
    static var sqlType: SQLType { get }
    /// Appends the value's binary form. Not called for SQL NULL.
    func encode(into bytes: inout [UInt8])
    /// True for the SQL NULL (an empty optional).
    var isSQLNull: Bool { get }
}

extension SQLEncodable {
    public var isSQLNull: Bool { false }
}

/// A Swift value that a column of a result decodes into, from the binary wire format.
public protocol SQLDecodable: Sendable {
    /// Reads the value from its binary form; `type` is the column's type as the server sent it.
    init(sqlBytes bytes: SQLBytes, type: SQLType) throws
    /// The value for SQL NULL; throws unless the type is optional.
    static func sqlNull() throws -> Self
}

extension SQLDecodable {
    public static func sqlNull() throws -> Self {
        throw DatabaseError.decoding("NULL cannot be read as \(Self.self); read it as \(Self.self)?")
    }
}

/// Values that may stand in an array parameter or column (`int8[]`, `text[]`, ...).
public protocol SQLArrayElement: SQLEncodable, SQLDecodable {}

extension Optional: SQLEncodable where Wrapped: SQLEncodable {
    public static var sqlType: SQLType { Wrapped.sqlType }
    public func encode(into bytes: inout [UInt8]) { self?.encode(into: &bytes) }
    public var isSQLNull: Bool { self == nil }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    public init(sqlBytes bytes: SQLBytes, type: SQLType) throws {
        self = try Wrapped(sqlBytes: bytes, type: type)
    }
    public static func sqlNull() throws -> Self { nil }
}

extension Optional: SQLArrayElement where Wrapped: SQLArrayElement {}

extension SQLType {
    /// Throws unless the column's type is one of `accepted`.
    func expect(_ accepted: SQLType..., for swiftType: Any.Type) throws {
        guard accepted.contains(self) else {
            throw DatabaseError.decoding("a \(self) value cannot be read as \(swiftType)")
        }
    }
}
