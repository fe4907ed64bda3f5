import CLibPQ

extension Connection {
    /// Sends several statements in one round trip (libpq's pipeline mode) and returns their
    /// results in order.
    ///
    /// The statements are sent in groups of up to `groupSize`, each group closed by a sync
    /// point, so that neither side's socket buffer fills while the other waits. Outside a
    /// transaction every group is a transaction of its own: a failing statement undoes its
    /// group and skips the rest. Inside `transaction { }` the whole pipeline is atomic.
    public func pipeline(_ statements: [SQL], groupSize: Int = 256) throws(DatabaseError) -> [QueryResult] {
        guard PQenterPipelineMode(handle) == 1 else { throw connectionError() }
        defer { PQexitPipelineMode(handle) }
        var results: [QueryResult] = []
        results.reserveCapacity(statements.count)
        var start = statements.startIndex
        while start < statements.endIndex {
            let group = statements[start..<min(start + max(1, groupSize), statements.endIndex)]
            try send(group)
            results += try receive(count: group.count)
            start = group.endIndex
        }
        return results
    }

    private func send(_ group: ArraySlice<SQL>) throws(DatabaseError) {
        for statement in group {
            let (text, binds) = statement.rendered
            let sent = withBinds(binds) { types, values, lengths, formats in
                PQsendQueryParams(handle, text, Int32(binds.count), types, values, lengths, formats, 1)
            }
            guard sent == 1 else { throw connectionError() }
        }
        guard PQpipelineSync(handle) == 1 else { throw connectionError() }
    }

    /// Reads one result per statement, then the sync point; throws the first error after
    /// reading everything, so the connection stays usable.
    private func receive(count: Int) throws(DatabaseError) -> [QueryResult] {
        var results: [QueryResult] = []
        var firstError: DatabaseError?
        for _ in 0..<count {
            guard let result = PQgetResult(handle) else { throw connectionError() }
            do {
                results.append(try consume(result))
            } catch {
                firstError = firstError ?? error
            }
            while let extra = PQgetResult(handle) { PQclear(extra) }  // the NULL that ends each statement
        }
        guard let sync = PQgetResult(handle) else { throw connectionError() }
        PQclear(sync)
        if let firstError { throw firstError }
        return results
    }
}
