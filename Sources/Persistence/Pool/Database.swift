import Logging

#if canImport(Glibc)
import Glibc
#endif

/// The way into PostgreSQL: a pool of connections, each living on its own dispatch queue.
///
/// Work is a closure that gets a `Connection` and runs on that connection's queue. From
/// dispatch code call the blocking forms; from async code the suspending forms, which never
/// block a Swift concurrency thread. The blocking forms refuse to be called from async code.
///
///     let names = try await database.withConnection { connection in
///         try connection.query("SELECT name FROM campaigns").column(String.self)
///     }
public final class Database: Sendable {
    public let configuration: DatabaseConfiguration
    public let logger: Logger
    private let pool: ConnectionPool

    public init(_ configuration: DatabaseConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.pool = ConnectionPool(configuration: configuration, logger: logger)
    }

    /// Closes every connection; later calls fail with `.poolClosed`.
    public func close() {
        pool.close()
    }

    // MARK: async

    /// Runs `body` with a pooled connection, on the connection's queue.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        let slot = try await pool.acquire()
        defer { pool.release(slot) }
        return try await slot.run(body)
    }

    /// Runs `body` in a transaction, again from the start on a serialization failure or
    /// deadlock, up to `options.maxAttempts` times: `body` must be safe to repeat (keep side
    /// effects outside the database until it returns). Between attempts the connection goes
    /// back to the pool, so a pause never holds one another caller could use.
    public func transaction<T: Sendable>(
        _ options: TransactionOptions = .init(), _ body: @escaping @Sendable (Connection) throws -> T
    ) async throws -> T {
        var attempt = 1
        while true {
            do {
                return try await withConnection { try $0.transaction(options, body) }
            } catch where options.retries(error, after: attempt) {
                logger.debug("transaction retried", metadata: ["attempt": "\(attempt)", "error": "\(error)"])
                try await Task.sleep(for: .microseconds(options.backOffMicroseconds(after: attempt)))
                attempt += 1
            }
        }
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    public func query(_ sql: SQL) async throws -> QueryResult {
        try await withConnection { try $0.query(sql) }
    }

    /// Runs one statement and returns how many rows it changed.
    @discardableResult
    public func execute(_ sql: SQL) async throws -> Int {
        try await withConnection { try $0.execute(sql) }
    }

    // MARK: blocking

    /// Runs `body` with a pooled connection, blocking the calling thread until it is done.
    @available(*, noasync, message: "blocks the thread; use the async form")
    public func withConnection<T>(_ body: (Connection) throws -> T) throws -> T {
        let slot = try pool.acquireBlocking()
        defer { pool.release(slot) }
        return try slot.runBlocking(body)
    }

    /// Runs `body` in a transaction, blocking the calling thread; retried as the async form is,
    /// the calling thread (not a connection) waiting between attempts.
    @available(*, noasync, message: "blocks the thread; use the async form")
    public func transaction<T>(_ options: TransactionOptions = .init(), _ body: (Connection) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try withConnection { try $0.transaction(options, body) }
            } catch where options.retries(error, after: attempt) {
                logger.debug("transaction retried", metadata: ["attempt": "\(attempt)", "error": "\(error)"])
                usleep(UInt32(options.backOffMicroseconds(after: attempt)))
                attempt += 1
            }
        }
    }

    /// Runs one statement, blocking the calling thread.
    @available(*, noasync, message: "blocks the thread; use the async form")
    @discardableResult
    public func query(_ sql: SQL) throws -> QueryResult {
        try withConnection { try $0.query(sql) }
    }

    /// Runs one statement and returns how many rows it changed, blocking the calling thread.
    @available(*, noasync, message: "blocks the thread; use the async form")
    @discardableResult
    public func execute(_ sql: SQL) throws -> Int {
        try withConnection { try $0.execute(sql) }
    }
}
