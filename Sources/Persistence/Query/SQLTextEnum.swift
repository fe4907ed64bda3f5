/// A Swift enum stored as its raw text label. It is sent as text and read back only as a
/// label it knows: an unknown label in the database (written by a newer version, or by hand)
/// is a decoding error that names it, never a quiet default.
public protocol SQLTextEnum: RawRepresentable, SQLEncodable, SQLDecodable where RawValue == String {}

extension SQLTextEnum {
    public static var sqlType: SQLType { .text }

    public func encode(into bytes: inout [UInt8]) {
        rawValue.encode(into: &bytes)
    }

    public init(sqlBytes bytes: SQLBytes, type: SQLType) throws {
        let label = try String(sqlBytes: bytes, type: type)
        guard let value = Self(rawValue: label) else {
            throw DatabaseError.decoding("\"\(label)\" is not a \(Self.self) this program knows")
        }
        self = value
    }
}
