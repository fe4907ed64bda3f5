/// A PostgreSQL data type as the wire protocol names it: by object id, with the id of its array type.
public struct SQLType: Hashable, Sendable, CustomStringConvertible {
    public let oid: UInt32
    /// The type of a one-dimensional array of this type, when it has one.
    public let arrayOID: UInt32

    public init(oid: UInt32, arrayOID: UInt32 = 0) {
        self.oid = oid
        self.arrayOID = arrayOID
    }

    public var description: String { Self.names[oid] ?? "oid \(oid)" }

    /// Types are the same when their object ids are: a result column says only its own id.
    public static func == (lhs: SQLType, rhs: SQLType) -> Bool { lhs.oid == rhs.oid }
    public func hash(into hasher: inout Hasher) { hasher.combine(oid) }

    public static let bool = SQLType(oid: 16, arrayOID: 1000)
    public static let bytea = SQLType(oid: 17, arrayOID: 1001)
    public static let char = SQLType(oid: 18, arrayOID: 1002)
    public static let name = SQLType(oid: 19, arrayOID: 1003)
    public static let int8 = SQLType(oid: 20, arrayOID: 1016)
    public static let int2 = SQLType(oid: 21, arrayOID: 1005)
    public static let int4 = SQLType(oid: 23, arrayOID: 1007)
    public static let text = SQLType(oid: 25, arrayOID: 1009)
    public static let oidType = SQLType(oid: 26, arrayOID: 1028)
    public static let json = SQLType(oid: 114, arrayOID: 199)
    public static let float4 = SQLType(oid: 700, arrayOID: 1021)
    public static let float8 = SQLType(oid: 701, arrayOID: 1022)
    public static let unknown = SQLType(oid: 705)
    public static let bpchar = SQLType(oid: 1042, arrayOID: 1014)
    public static let varchar = SQLType(oid: 1043, arrayOID: 1015)
    public static let date = SQLType(oid: 1082, arrayOID: 1182)
    public static let timestamp = SQLType(oid: 1114, arrayOID: 1115)
    public static let timestamptz = SQLType(oid: 1184, arrayOID: 1185)
    public static let interval = SQLType(oid: 1186, arrayOID: 1187)
    public static let numeric = SQLType(oid: 1700, arrayOID: 1231)
    public static let void = SQLType(oid: 2278)
    public static let uuid = SQLType(oid: 2950, arrayOID: 2951)
    public static let jsonb = SQLType(oid: 3802, arrayOID: 3807)

    /// Types whose binary form is their text in UTF-8. User-defined types (oid 16384 and up,
    /// such as enums) send their label the same way.
    var isTextual: Bool {
        [Self.text, .varchar, .bpchar, .name, .unknown, .json].contains(self) || oid >= 16384
    }

    private static let names: [UInt32: String] = [
        16: "boolean", 17: "bytea", 18: "\"char\"", 19: "name", 20: "bigint", 21: "smallint",
        23: "integer", 25: "text", 26: "oid", 114: "json", 700: "real", 701: "double precision",
        705: "unknown", 1042: "character", 1043: "character varying", 1082: "date",
        1114: "timestamp", 1184: "timestamptz", 1186: "interval", 1700: "numeric", 2278: "void",
        2950: "uuid", 3802: "jsonb",
    ]
}
