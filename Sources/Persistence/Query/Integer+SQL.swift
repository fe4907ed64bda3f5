extension Int: SQLArrayElement {
    public static var sqlType: SQLType { .int8 }
    public func encode(into bytes: inout [UInt8]) { bytes.appendBigEndian(Int64(self)) }
    public init(sqlBytes bytes: SQLBytes, type: SQLType) throws {
        self = Int(try Int64(sqlBytes: bytes, type: type))
    }
}

extension Int64: SQLArrayElement {
    public static var sqlType: SQLType { .int8 }
    public func encode(into bytes: inout [UInt8]) { bytes.appendBigEndian(self) }
    public init(sqlBytes bytes: SQLBytes, type: SQLType) throws {
        var bytes = bytes
        switch type {
        case .int8: self = try bytes.read(Int64.self)
        case .int4: self = Int64(try bytes.read(Int32.self))
        case .int2: self = Int64(try bytes.read(Int16.self))
        case .oidType: self = Int64(try bytes.read(UInt32.self))
        case .numeric: self = try Self.integralNumeric(&bytes)
        default: throw DatabaseError.decoding("a \(type) value cannot be read as an integer")
        }
    }
}

extension Int64 {
    /// A `numeric` without a fractional part, such as `sum` of a `bigint` column returns.
    fileprivate static func integralNumeric(_ bytes: inout SQLBytes) throws -> Int64 {
        let digitCount = Int(try bytes.read(Int16.self))
        let weight = Int(try bytes.read(Int16.self))
        let sign = try bytes.read(UInt16.self)
        _ = try bytes.read(Int16.self)  // display scale
        guard sign == 0 || sign == 0x4000, digitCount <= weight + 1 else {
            throw DatabaseError.decoding("a numeric with a fractional part cannot be read as an integer")
        }
        var value: Int64 = 0
        for index in 0..<Swift.max(weight + 1, 0) {
            let digit = index < digitCount ? Int64(try bytes.read(Int16.self)) : 0
            let (scaled, overflow) = value.multipliedReportingOverflow(by: 10_000)
            guard !overflow else { throw DatabaseError.decoding("the numeric does not fit in 64 bits") }
            value = scaled + digit
        }
        return sign == 0x4000 ? -value : value
    }
}

extension Int32: SQLArrayElement {
    public static var sqlType: SQLType { .int4 }
    public func encode(into bytes: inout [UInt8]) { bytes.appendBigEndian(self) }
    public init(sqlBytes bytes: SQLBytes, type: SQLType) throws {
        let wide = try Int64(sqlBytes: bytes, type: type)
        guard let value = Int32(exactly: wide) else {
            throw DatabaseError.decoding("\(wide) does not fit in Int32")
        }
        self = value
    }
}

extension Int16: SQLArrayElement {
    public static var sqlType: SQLType { .int2 }
    public func encode(into bytes: inout [UInt8]) { bytes.appendBigEndian(self) }
    public init(sqlBytes bytes: SQLBytes, type: SQLType) throws {
        let wide = try Int64(sqlBytes: bytes, type: type)
        guard let value = Int16(exactly: wide) else {
            throw DatabaseError.decoding("\(wide) does not fit in Int16")
        }
        self = value
    }
}

extension Bool: SQLArrayElement {
    public static var sqlType: SQLType { .bool }
    public func encode(into bytes: inout [UInt8]) { bytes.append(self ? 1 : 0) }
    public init(sqlBytes bytes: SQLBytes, type: SQLType) throws {
        try type.expect(.bool, for: Bool.self)
        var bytes = bytes
        self = try bytes.read(UInt8.self) != 0
    }
}
