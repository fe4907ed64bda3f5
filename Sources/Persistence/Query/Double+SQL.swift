extension Double: SQLArrayElement {
    public static var sqlType: SQLType { .float8 }
    public func encode(into bytes: inout [UInt8]) { bytes.appendBigEndian(bitPattern) }

    /// Reads `double precision`, `real`, any integer, and `numeric` (which `avg` and `sum`
    /// return) as a double.
    public init(sqlBytes bytes: SQLBytes, type: SQLType) throws {
        var reader = bytes
        switch type {
        case .float8: self = Double(bitPattern: try reader.read(UInt64.self))
        case .float4: self = Double(Float(bitPattern: try reader.read(UInt32.self)))
        case .int2, .int4, .int8: self = Double(try Int64(sqlBytes: bytes, type: type))
        case .numeric: self = try Self.numeric(&reader)
        default: throw DatabaseError.decoding("a \(type) value cannot be read as Double")
        }
    }

    /// `numeric` on the wire: digit count, weight of the first digit (in powers of 10,000),
    /// sign, display scale, then the base-10,000 digits.
    private static func numeric(_ bytes: inout SQLBytes) throws -> Double {
        let digitCount = Int(try bytes.read(Int16.self))
        let weight = Int(try bytes.read(Int16.self))
        let sign = try bytes.read(UInt16.self)
        _ = try bytes.read(Int16.self)
        switch sign {
        case 0xC000: return .nan
        case 0xD000: return .infinity
        case 0xF000: return -.infinity
        default: break
        }
        var value = 0.0
        for index in 0..<digitCount {
            let digit = Double(try bytes.read(Int16.self))
            value += digit * pow10000(weight - index)
        }
        return sign == 0x4000 ? -value : value
    }

    private static func pow10000(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10_000 }
        return exponent < 0 ? 1 / result : result
    }
}
