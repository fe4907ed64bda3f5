extension String: SQLArrayElement {
    public static var sqlType: SQLType { .text }
    public func encode(into bytes: inout [UInt8]) { bytes.append(contentsOf: utf8) }

    /// Reads any textual type (text, varchar, char(n), name, json, enum labels) and jsonb.
    public init(sqlBytes bytes: SQLBytes, type: SQLType) throws {
        var reader = bytes
        if type == .jsonb {
            _ = try reader.read(UInt8.self)  // the jsonb format version, 1
        } else if type == .char {
            // "char" is one byte, not necessarily UTF-8 on its own
        } else if !type.isTextual {
            throw DatabaseError.decoding("a \(type) value cannot be read as String")
        }
        self = String(decoding: reader.readRest(), as: UTF8.self)
    }
}
