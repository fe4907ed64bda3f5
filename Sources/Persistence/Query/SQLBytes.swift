/// The binary form of one value in a result, with a cursor for reading it in order.
public struct SQLBytes: Sendable {
    public private(set) var slice: ArraySlice<UInt8>

    public init(_ slice: ArraySlice<UInt8>) { self.slice = slice }

    public var count: Int { slice.count }
    public var isEmpty: Bool { slice.isEmpty }

    /// Reads a big-endian integer of the given width.
    public mutating func read<I: FixedWidthInteger>(_: I.Type) throws -> I {
        let size = MemoryLayout<I>.size
        guard slice.count >= size else {
            throw DatabaseError.decoding("expected \(size) more bytes, found \(slice.count)")
        }
        var value: I = 0
        for byte in slice.prefix(size) { value = value << 8 | I(byte) }
        slice = slice.dropFirst(size)
        return value
    }

    /// Reads the next `count` bytes as a value of their own.
    public mutating func read(count: Int) throws -> SQLBytes {
        guard count >= 0, slice.count >= count else {
            throw DatabaseError.decoding("expected \(count) more bytes, found \(slice.count)")
        }
        defer { slice = slice.dropFirst(count) }
        return SQLBytes(slice.prefix(count))
    }

    /// Reads everything that is left.
    public mutating func readRest() -> ArraySlice<UInt8> {
        defer { slice = slice.suffix(0) }
        return slice
    }
}

extension Array where Element == UInt8 {
    /// Appends a big-endian integer.
    @inlinable
    public mutating func appendBigEndian<I: FixedWidthInteger>(_ value: I) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }

    /// Overwrites the bytes at `offset` with a big-endian integer, as when a length is known
    /// only after the value that follows it was written.
    @inlinable
    public mutating func writeBigEndian<I: FixedWidthInteger>(_ value: I, at offset: Int) {
        for index in 0..<MemoryLayout<I>.size {
            self[offset + index] = UInt8(truncatingIfNeeded: value >> ((MemoryLayout<I>.size - 1 - index) * 8))
        }
    }
}
