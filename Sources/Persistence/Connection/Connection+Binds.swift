import CLibPQ
#if canImport(Glibc)
import Glibc
#endif

extension Connection {
    /// Lays the parameters out as the C arrays `PQexecParams` and `PQsendQueryParams` take
    /// (types, value pointers, lengths, formats), valid for the duration of `body`.
    func withBinds<R>(
        _ binds: [SQL.Bind],
        _ body: (
            _ types: [Oid], _ values: [UnsafePointer<CChar>?], _ lengths: [Int32], _ formats: [Int32]
        ) -> R
    ) -> R {
        var storage: [UInt8] = []
        var offsets: [Int?] = []
        offsets.reserveCapacity(binds.count)
        for bind in binds {
            if let bytes = bind.bytes {
                offsets.append(storage.count)
                storage.append(contentsOf: bytes)
            } else {
                offsets.append(nil)
            }
        }
        storage.append(0)  // a zero-length value still needs a valid pointer
        let types = binds.map { Oid($0.type.oid) }
        let lengths = binds.map { Int32($0.bytes?.count ?? 0) }
        let formats = [Int32](repeating: 1, count: binds.count)
        return storage.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!)
            let values = offsets.map { offset in
                offset.map { (base + $0).assumingMemoryBound(to: CChar.self) }
            }
            return body(types, values, lengths, formats)
        }
    }

    /// Copies the rows of a successful result into a `QueryResult`.
    func copyRows(of result: OpaquePointer) -> QueryResult {
        let status = PQresultStatus(result)
        let hasRows = status == PGRES_TUPLES_OK || status == PGRES_SINGLE_TUPLE
        let rowCount = hasRows ? Int(PQntuples(result)) : 0
        let columnCount = hasRows ? Int(PQnfields(result)) : 0
        let columns = (0..<columnCount).map { index in
            QueryResult.Column(
                name: PQfname(result, Int32(index)).map { String(cString: $0) } ?? "?column?",
                type: SQLType(oid: UInt32(PQftype(result, Int32(index))))
            )
        }
        var storage: [UInt8] = []
        var cells: [(start: Int32, length: Int32)] = []
        cells.reserveCapacity(rowCount * columnCount)
        for row in 0..<Int32(rowCount) {
            for column in 0..<Int32(columnCount) {
                if PQgetisnull(result, row, column) != 0 {
                    cells.append((0, -1))
                    continue
                }
                let length = PQgetlength(result, row, column)
                cells.append((Int32(storage.count), length))
                if length > 0, let value = PQgetvalue(result, row, column) {
                    value.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                        storage.append(contentsOf: UnsafeBufferPointer(start: $0, count: Int(length)))
                    }
                }
            }
        }
        let affected = Int(String(cString: PQcmdTuples(result))) ?? 0
        return QueryResult(
            columns: columns, rowCount: rowCount, rowsAffected: affected, storage: storage, cells: cells)
    }
}

/// Calls `body` with NUL-terminated copies of `strings`, as a C `const char *const *` array.
func withCStringArray<R>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return body(copies.map { UnsafePointer($0) } + [nil])
}
