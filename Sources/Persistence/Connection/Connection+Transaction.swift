import Logging

#if canImport(Glibc)
import Glibc
#endif

/// How a transaction runs.
public struct TransactionOptions: Sendable {
    public enum Isolation: String, Sendable {
        case readCommitted = "READ COMMITTED"
        case repeatableRead = "REPEATABLE READ"
        case serializable = "SERIALIZABLE"
    }

    public var isolation: Isolation
    public var readOnly: Bool
    /// How many times in all the body runs when PostgreSQL reports a serialization failure
    /// or a deadlock; each time from a fresh transaction.
    public var maxAttempts: Int

    public init(isolation: Isolation = .readCommitted, readOnly: Bool = false, maxAttempts: Int = 5) {
        self.isolation = isolation
        self.readOnly = readOnly
        self.maxAttempts = max(1, maxAttempts)
    }

    var begin: SQL {
        switch (isolation, readOnly) {
        case (.readCommitted, false): "BEGIN ISOLATION LEVEL READ COMMITTED"
        case (.readCommitted, true): "BEGIN ISOLATION LEVEL READ COMMITTED READ ONLY"
        case (.repeatableRead, false): "BEGIN ISOLATION LEVEL REPEATABLE READ"
        case (.repeatableRead, true): "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
        case (.serializable, false): "BEGIN ISOLATION LEVEL SERIALIZABLE"
        case (.serializable, true): "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY"
        }
    }
}

extension Connection {
    /// Runs `body` in a transaction and commits it; rolls back if `body` throws.
    ///
    /// On a serialization failure or a deadlock the whole transaction runs again, after a
    /// short random pause, up to `options.maxAttempts` times in all: `body` must be safe to
    /// repeat (keep side effects outside the database until it returns).
    public func transaction<T>(_ options: TransactionOptions = .init(), _ body: (Connection) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                try execute(options.begin)
                let value = try body(self)
                try execute("COMMIT")
                return value
            } catch {
                rollbackIfOpen()
                guard let failure = error as? DatabaseError, failure.kind == .server, let state = failure.sqlState,
                    state.isTransient, attempt < options.maxAttempts
                else { throw error }
                logger.debug("transaction retried", metadata: ["sqlstate": "\(state)", "attempt": "\(attempt)"])
                backOff(attempt: attempt)
                attempt += 1
            }
        }
    }

    private func rollbackIfOpen() {
        guard isOpen, isInTransaction else { return }
        do {
            try execute("ROLLBACK")
        } catch {
            logger.warning("rollback failed", metadata: ["error": "\(error)"])
        }
    }

    /// Sleeps this connection's dispatch thread a random 1–2× of 5 ms doubled per attempt.
    private func backOff(attempt: Int) {
        let base = 5_000 << min(attempt - 1, 6)
        usleep(UInt32(base + Int.random(in: 0...base)))
    }
}
