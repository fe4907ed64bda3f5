import CLibPQ

extension Connection {
    /// Streams rows into a table with `COPY ... FROM STDIN (FORMAT binary)`.
    ///
    /// `statement` names the table and columns, e.g. `"COPY staging (line, name) FROM STDIN (FORMAT binary)"`;
    /// `body` appends one row per call to the writer, with values whose types match the columns
    /// exactly (an `Int` is a `bigint`, an `Int32` an `integer`). If `body` throws, the COPY is
    /// aborted and nothing of it stays. Returns the number of rows copied.
    @discardableResult
    public func copy(_ statement: SQL, _ body: (inout CopyWriter) throws -> Void) throws -> Int {
        let start = try query(statement)
        _ = start  // PGRES_COPY_IN: the server now waits for data
        var writer = CopyWriter { chunk throws(DatabaseError) in try self.putCopyData(chunk) }
        do {
            try body(&writer)
            try writer.finish()
        } catch {
            _ = PQputCopyEnd(handle, "the client aborted the copy")
            try? drainResults()
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else { throw connectionError() }
        var copied = 0
        while let result = PQgetResult(handle) {
            copied = try consume(result).rowsAffected
        }
        return copied
    }

    /// Streams raw bytes in the statement's own format, e.g. `COPY t FROM STDIN (FORMAT csv)`,
    /// as PostgreSQL's own loaders do. Returns the number of rows copied.
    @discardableResult
    public func copy(_ statement: SQL, chunks: some Sequence<[UInt8]>) throws -> Int {
        try query(statement)
        do {
            for chunk in chunks { try putCopyData(chunk) }
        } catch {
            _ = PQputCopyEnd(handle, "the client aborted the copy")
            try? drainResults()
            throw error
        }
        guard PQputCopyEnd(handle, nil) == 1 else { throw connectionError() }
        var copied = 0
        while let result = PQgetResult(handle) {
            copied = try consume(result).rowsAffected
        }
        return copied
    }

    private func putCopyData(_ chunk: [UInt8]) throws(DatabaseError) {
        let status = chunk.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { PQputCopyData(handle, $0.baseAddress, Int32($0.count)) }
        }
        guard status == 1 else { throw connectionError() }
    }

    /// Reads and discards what the server still sends for the current command.
    func drainResults() throws(DatabaseError) {
        while let result = PQgetResult(handle) { PQclear(result) }
    }
}

/// Collects rows in PostgreSQL's binary COPY format and sends them in chunks of about 64 KiB.
public struct CopyWriter {
    private static let chunkSize = 64 * 1024
    private var buffer: [UInt8] = []
    private let send: ([UInt8]) throws(DatabaseError) -> Void
    /// Rows appended so far.
    public private(set) var rowCount = 0

    init(send: @escaping ([UInt8]) throws(DatabaseError) -> Void) {
        self.send = send
        buffer.reserveCapacity(Self.chunkSize + 4096)
        buffer.append(contentsOf: Array("PGCOPY\n".utf8) + [0xFF, 0x0D, 0x0A, 0x00])
        buffer.appendBigEndian(Int32(0))  // flags
        buffer.appendBigEndian(Int32(0))  // header extension length
    }

    /// Appends one row: one value per column, in the column order of the COPY statement.
    public mutating func append<each Value: SQLEncodable>(_ values: repeat each Value) throws(DatabaseError) {
        var fieldCount: Int16 = 0
        for _ in repeat each values { fieldCount += 1 }
        buffer.appendBigEndian(fieldCount)
        for value in repeat each values {
            if value.isSQLNull {
                buffer.appendBigEndian(Int32(-1))
                continue
            }
            let lengthAt = buffer.count
            buffer.appendBigEndian(Int32(0))
            value.encode(into: &buffer)
            buffer.writeBigEndian(Int32(buffer.count - lengthAt - 4), at: lengthAt)
        }
        rowCount += 1
        if buffer.count >= Self.chunkSize {
            try send(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    mutating func finish() throws(DatabaseError) {
        buffer.appendBigEndian(Int16(-1))  // file trailer
        try send(buffer)
        buffer.removeAll()
    }
}
