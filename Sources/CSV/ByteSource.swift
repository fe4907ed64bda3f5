#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `CSVReader` gets its bytes: an open file descriptor or an array in memory.
///
/// The first bytes are read ahead once for detection (`sample`), then served again by `fill`.
struct ByteSource {
    private enum Origin {
        case descriptor(Int32, closesWhenDone: Bool)
        case memory([UInt8])
    }

    private var origin: Origin
    /// Bytes read ahead from a descriptor and not yet handed out by `fill`.
    private var readAhead: [UInt8] = []
    private var readAheadOffset = 0
    /// Offset of the next byte of a memory origin.
    private var memoryOffset = 0
    /// The size of the whole input when known (a regular file or memory).
    let totalBytes: Int?

    init(bytes: [UInt8]) {
        origin = .memory(bytes)
        totalBytes = bytes.count
    }

    init(descriptor: Int32, closesWhenDone: Bool) {
        origin = .descriptor(descriptor, closesWhenDone: closesWhenDone)
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & 0o170000) == 0o100000 {
            totalBytes = Int(status.st_size)
        } else {
            totalBytes = nil
        }
    }

    static func opening(path: String) throws(CSVError) -> ByteSource {
        let descriptor = path.withCString { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw .cannotOpen(path: path, code: errno) }
        return ByteSource(descriptor: descriptor, closesWhenDone: true)
    }

    /// Up to `size` bytes from the start, without consuming them.
    mutating func sample(size: Int) throws(CSVError) -> [UInt8] {
        switch origin {
        case .memory(let bytes):
            return Array(bytes.prefix(size))
        case .descriptor(let descriptor, _):
            var bytes = [UInt8](repeating: 0, count: size)
            var filled = 0
            while filled < size {
                let count = try bytes.withUnsafeMutableBufferPointer { buffer throws(CSVError) in
                    try Self.readChunk(descriptor, into: UnsafeMutableBufferPointer(rebasing: buffer[filled...]))
                }
                if count == 0 { break }
                filled += count
            }
            bytes.removeSubrange(filled...)
            readAhead = bytes
            return bytes
        }
    }

    /// Fills the start of `buffer`; returns how many bytes, 0 at the end of the input.
    mutating func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) throws(CSVError) -> Int {
        if readAheadOffset < readAhead.count {
            let count = min(buffer.count, readAhead.count - readAheadOffset)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[..<count])
                .update(fromContentsOf: readAhead[readAheadOffset..<readAheadOffset + count])
            readAheadOffset += count
            if readAheadOffset == readAhead.count { readAhead = []; readAheadOffset = 0 }
            return count
        }
        switch origin {
        case .memory(let bytes):
            let count = min(buffer.count, bytes.count - memoryOffset)
            _ = UnsafeMutableBufferPointer(rebasing: buffer[..<count])
                .update(fromContentsOf: bytes[memoryOffset..<memoryOffset + count])
            memoryOffset += count
            return count
        case .descriptor(let descriptor, _):
            return try Self.readChunk(descriptor, into: buffer)
        }
    }

    /// Closes a descriptor the source opened or was given to own.
    func release() {
        if case .descriptor(let descriptor, closesWhenDone: true) = origin {
            _ = close(descriptor)
        }
    }

    private static func readChunk(_ descriptor: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>) throws(CSVError) -> Int {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return 0 }
        while true {
            let count = read(descriptor, base, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw .readFailed(code: errno) }
        }
    }
}
