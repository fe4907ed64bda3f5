/// One-dimensional arrays, such as the `int8[]` and `text[]` parameters that `unnest` turns
/// into rows for set-based batch writes.
extension Array: SQLEncodable where Element: SQLArrayElement {
    public static var sqlType: SQLType { SQLType(oid: Element.sqlType.arrayOID) }

    public func encode(into bytes: inout [UInt8]) {
        bytes.appendBigEndian(Int32(1))  // dimensions
        bytes.appendBigEndian(Int32(contains { $0.isSQLNull } ? 1 : 0))
        bytes.appendBigEndian(Element.sqlType.oid)
        bytes.appendBigEndian(Int32(count))
        bytes.appendBigEndian(Int32(1))  // lower bound
        for element in self {
            if element.isSQLNull {
                bytes.appendBigEndian(Int32(-1))
                continue
            }
            let lengthAt = bytes.count
            bytes.appendBigEndian(Int32(0))
            element.encode(into: &bytes)
            let length = Int32(bytes.count - lengthAt - 4)
            bytes.writeBigEndian(length, at: lengthAt)
        }
    }
}

extension Array: SQLDecodable where Element: SQLArrayElement {
    public init(sqlBytes bytes: SQLBytes, type: SQLType) throws {
        var reader = bytes
        let dimensions = try reader.read(Int32.self)
        _ = try reader.read(Int32.self)  // has-nulls flag
        let elementType = SQLType(oid: try reader.read(UInt32.self))
        guard dimensions <= 1 else {
            throw DatabaseError.decoding("a \(dimensions)-dimensional array cannot be read as \(Self.self)")
        }
        guard dimensions == 1 else { self = []; return }
        let count = Int(try reader.read(Int32.self))
        _ = try reader.read(Int32.self)  // lower bound
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count {
            let length = Int(try reader.read(Int32.self))
            if length < 0 {
                elements.append(try Element.sqlNull())
            } else {
                elements.append(try Element(sqlBytes: try reader.read(count: length), type: elementType))
            }
        }
        self = elements
    }
}
