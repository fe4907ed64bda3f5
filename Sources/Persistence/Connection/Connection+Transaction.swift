import Logging

/// How a transaction runs.
public struct TransactionOptions: Sendable {
    public enum Isolation: String, Sendable {
        case readCommitted = "READ COMMITTED"
        case repeatableRead = "REPEATABLE READ"
        case serializable = "SERIALIZABLE"
    }

    public var isolation: Isolation
    public var readOnly: Bool
    /// How many times in all `Database.transaction` runs the body when PostgreSQL reports a
    /// serialization failure or a deadlock; each time from a fresh transaction, on a connection
    /// taken from the pool anew after a pause in which it held none.
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

extension TransactionOptions {
    /// The pause in microseconds before attempt `attempt + 1`: a random 1–2× of 5 ms, doubled
    /// per attempt.
    func backOffMicroseconds(after attempt: Int) -> Int {
        let base = 5_000 << min(attempt - 1, 6)
        return base + Int.random(in: 0...base)
    }

    /// Whether a failed attempt is worth another: a transient conflict, with attempts left.
    func retries(_ error: any Error, after attempt: Int) -> Bool {
        guard attempt < maxAttempts, let failure = error as? DatabaseError else { return false }
        return failure.isTransientConflict
    }
}

extension Connection {
    /// Runs `body` in a transaction and commits it; rolls back if `body` throws. It runs once:
    /// `Database.transaction` runs it again on a transient conflict, without holding this
    /// connection while it waits.
    public func transaction<T>(_ options: TransactionOptions = .init(), _ body: (Connection) throws -> T) throws -> T {
        do {
            try execute(options.begin)
            let value = try body(self)
            try execute("COMMIT")
            return value
        } catch {
            rollbackIfOpen()
            throw error
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
}
