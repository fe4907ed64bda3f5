import Dispatch
import Persistence

import TestSupport
import Testing

@Suite("Transactions commit, roll back, and retry on serialization failures and deadlocks")
struct TransactionTests {
    @Test("a throwing body rolls everything back")
    func rollback() async throws {
        struct Stop: Error {}
        try await TestDatabase.withFresh { database in
            try await database.execute("CREATE TABLE items (id bigint)")
            await #expect(throws: Stop.self) {
                try await database.transaction { connection in
                    try connection.execute("INSERT INTO items VALUES (1)")
                    throw Stop()
                }
            }
            #expect(try await database.query("SELECT count(*) FROM items").single().decode(Int.self, at: 0) == 0)
        }
    }

    @Test("a transient error reruns the whole body in a fresh transaction")
    func retriesTransientErrors() async throws {
        try await TestDatabase.withFresh { database in
            try await database.execute("CREATE TABLE items (id bigint)")
            let attempts = Shared(0)
            try await database.transaction { connection in
                let attempt = attempts.update { $0 += 1; return $0 }
                try connection.execute("INSERT INTO items VALUES (\(attempt))")
                if attempt == 1 {
                    try connection.execute("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$")
                }
            }
            #expect(attempts.value == 2)
            #expect(try await database.query("SELECT id FROM items").column(Int.self) == [2])
        }
    }

    @Test("between attempts the connection goes back to the pool: another caller uses it during the pause")
    func retryReleasesTheConnection() async throws {
        try await TestDatabase.withFresh(maxConnections: 1) { database in
            let other = Shared<Task<Void, any Error>?>(nil)
            let otherDone = Shared(false)
            let attempts = Shared(0)
            try await database.transaction(TransactionOptions(maxAttempts: 30)) { connection in
                let attempt = attempts.update { $0 += 1; return $0 }
                if attempt == 1 {
                    // The pool's only connection is this one: the other query can run only
                    // while no attempt holds it.
                    other.update { $0 = Task { _ = try await database.query("SELECT 1"); otherDone.update { $0 = true } } }
                }
                if !otherDone.value {
                    try connection.execute("DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'deadlock_detected'; END $$")
                }
            }
            try await other.value?.value
            #expect(otherDone.value)
            #expect(attempts.value >= 2)
        }
    }

    @Test("retries stop after maxAttempts and surface the error")
    func givesUp() async throws {
        try await TestDatabase.withFresh { database in
            let attempts = Shared(0)
            let error = await #expect(throws: DatabaseError.self) {
                try await database.transaction(TransactionOptions(maxAttempts: 3)) { connection in
                    attempts.update { $0 += 1 }
                    try connection.execute("DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = 'deadlock_detected'; END $$")
                }
            }
            #expect(error?.sqlState == .deadlockDetected)
            #expect(error?.isRetryable == true)
            #expect(attempts.value == 3)
        }
    }

    @Test("a real serialization failure between two serializable transactions is retried")
    func serializationFailure() async throws {
        try await TestDatabase.withFresh { database in
            try await database.execute("CREATE TABLE shifts (agent text, day int)")
            let bothRead = DispatchGroup()
            bothRead.enter()
            bothRead.enter()
            let attempts = Shared([0, 0])
            // Each books a shift only if nobody has one that day: write skew, which
            // SERIALIZABLE must refuse for one of them.
            @Sendable func book(_ index: Int) async throws {
                // A retry that reads before the other has committed can fail again (and on a
                // busy machine again), so this test allows more attempts than the default.
                try await database.transaction(TransactionOptions(isolation: .serializable, maxAttempts: 20)) { connection in
                    let attempt = attempts.update { $0[index] += 1; return $0[index] }
                    let taken = try connection.query("SELECT count(*) FROM shifts WHERE day = 1").single().decode(Int.self, at: 0)
                    if attempt == 1 {
                        bothRead.leave()
                        bothRead.wait()
                    }
                    if taken == 0 {
                        try connection.execute("INSERT INTO shifts VALUES (\("agent \(index)"), 1)")
                    }
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await book(0) }
                group.addTask { try await book(1) }
                try await group.waitForAll()
            }
            // At least one retry.
            #expect(attempts.update { $0.reduce(0, +) } >= 3)
            #expect(try await database.query("SELECT count(*) FROM shifts").single().decode(Int.self, at: 0) == 1)
        }
    }

    @Test("a real deadlock is detected and the victim retried")
    func deadlock() async throws {
        try await TestDatabase.withFresh { database in
            try await database.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, balance bigint)")
            try await database.execute("INSERT INTO accounts VALUES (1, 100), (2, 100)")
            let bothLocked = DispatchGroup()
            bothLocked.enter()
            bothLocked.enter()
            let attempts = Shared(0)
            @Sendable func transfer(from: Int, to: Int) async throws {
                try await database.transaction { connection in
                    let attempt = attempts.update { $0 += 1; return $0 }
                    try connection.execute("UPDATE accounts SET balance = balance - 10 WHERE id = \(from)")
                    if attempt <= 2 {
                        bothLocked.leave()
                        bothLocked.wait()
                    }
                    try connection.execute("UPDATE accounts SET balance = balance + 10 WHERE id = \(to)")
                }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await transfer(from: 1, to: 2) }
                group.addTask { try await transfer(from: 2, to: 1) }
                try await group.waitForAll()
            }
            #expect(attempts.value == 3)
            let balances = try await database.query("SELECT balance FROM accounts ORDER BY id").column(Int.self)
            #expect(balances == [100, 100])
        }
    }
}
