import Foundation

extension UUID: SQLArrayElement {
    public static var sqlType: SQLType { .uuid }
    public func encode(into bytes: inout [UInt8]) {
        withUnsafeBytes(of: uuid) { bytes.append(contentsOf: $0) }
    }
    public init(sqlBytes bytes: SQLBytes, type: SQLType) throws {
        try type.expect(.uuid, for: UUID.self)
        guard bytes.count == 16 else { throw DatabaseError.decoding("a uuid must be 16 bytes") }
        var raw: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &raw) { $0.copyBytes(from: bytes.slice) }
        self = UUID(uuid: raw)
    }
}

extension Date: SQLArrayElement {
    /// PostgreSQL counts time in microseconds from 2000-01-01 00:00 UTC.
    static let postgresEpoch = Date(timeIntervalSince1970: 946_684_800)

    public static var sqlType: SQLType { .timestamptz }

    public func encode(into bytes: inout [UInt8]) {
        let micros = (timeIntervalSince(Self.postgresEpoch) * 1_000_000).rounded()
        bytes.appendBigEndian(Int64(micros))
    }

    /// Reads `timestamptz`, `timestamp` (taken as UTC) and `date` (midnight UTC).
    public init(sqlBytes bytes: SQLBytes, type: SQLType) throws {
        var reader = bytes
        switch type {
        case .timestamptz, .timestamp:
            let micros = try reader.read(Int64.self)
            if micros == .max { self = .distantFuture; return }
            if micros == .min { self = .distantPast; return }
            self = Self.postgresEpoch.addingTimeInterval(Double(micros) / 1_000_000)
        case .date:
            let days = try reader.read(Int32.self)
            self = Self.postgresEpoch.addingTimeInterval(Double(days) * 86_400)
        default:
            throw DatabaseError.decoding("a \(type) value cannot be read as Date")
        }
    }
}

extension Data: SQLArrayElement {
    public static var sqlType: SQLType { .bytea }
    public func encode(into bytes: inout [UInt8]) { bytes.append(contentsOf: self) }
    public init(sqlBytes bytes: SQLBytes, type: SQLType) throws {
        try type.expect(.bytea, for: Data.self)
        self = Data(bytes.slice)
    }
}

/// A `Codable` value stored as `jsonb`. Dates travel as ISO 8601 text.
public struct JSONB<Value: Codable & Sendable>: SQLArrayElement {
    public let value: Value
    private let json: Data

    /// Encodes `value` at once, so that a value JSON cannot hold fails here, not in a query.
    public init(_ value: Value) throws {
        self.value = value
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        self.json = try encoder.encode(value)
    }

    public static var sqlType: SQLType { .jsonb }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(1)  // jsonb format version
        bytes.append(contentsOf: json)
    }

    public init(sqlBytes bytes: SQLBytes, type: SQLType) throws {
        var reader = bytes
        if type == .jsonb {
            _ = try reader.read(UInt8.self)
        } else {
            try type.expect(.json, for: Value.self)
        }
        json = Data(reader.readRest())
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            value = try decoder.decode(Value.self, from: json)
        } catch {
            throw DatabaseError.decoding("the JSON does not match \(Value.self): \(error)")
        }
    }
}
