import Dispatch
import Foundation
import Persistence

import TestSupport
import Testing

@Suite("The pool bounds connections, times out, cancels, and serves dispatch and async callers")
struct PoolTests {
    @Test("many concurrent async callers share a few connections")
    func boundedConcurrency() async throws {
        try await TestDatabase.withFresh(maxConnections: 3) { database in
            let pids = try await withThrowingTaskGroup(of: Int32.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        try await database.query("SELECT pg_backend_pid(), pg_sleep(0.01)").single().decode(Int32.self, at: 0)
                    }
                }
                return try await group.reduce(into: Set<Int32>()) { $0.insert($1) }
            }
            #expect(pids.count <= 3)
            #expect(pids.count >= 1)
        }
    }

    @Test("waiting longer than the acquire timeout fails with a retryable error")
    func acquireTimeout() async throws {
        let server = try await TestDatabase.serverConfiguration()
        var configuration = server
        configuration.maxConnections = 1
        configuration.acquireTimeout = .milliseconds(200)
        let database = Database(configuration, logger: testLogger)
        defer { database.close() }
        async let holder = database.query("SELECT pg_sleep(1.5)")
        try await Task.sleep(for: .milliseconds(300))
        let error = await #expect(throws: DatabaseError.self) { try await database.query("SELECT 1") }
        #expect(error?.kind == .poolTimeout)
        #expect(error?.isRetryable == true)
        _ = try await holder
        #expect(try await database.query("SELECT 2").single().decode(Int.self, at: 0) == 2)
    }

    @Test("cancelling a task cancels its statement on the server")
    func cancellation() async throws {
        try await TestDatabase.withFresh { database in
            let started = ContinuousClock.now
            let task = Task { try await database.query("SELECT pg_sleep(30)") }
            try await Task.sleep(for: .milliseconds(300))
            task.cancel()
            let error = await #expect(throws: DatabaseError.self) { try await task.value }
            #expect(error?.sqlState == .queryCanceled)
            #expect(ContinuousClock.now - started < .seconds(10))
            #expect(try await database.query("SELECT 3").single().decode(Int.self, at: 0) == 3)
        }
    }

    @Test("dispatch code uses the blocking API from its own threads")
    func blockingAPI() async throws {
        try await TestDatabase.withFresh { database in
            let total: Int = try await withCheckedThrowingContinuation { continuation in
                DispatchQueue.global().async {
                    let sums = Shared<[Int]>([])
                    DispatchQueue.concurrentPerform(iterations: 8) { index in
                        let value = try? database.query("SELECT \(index) + 1").single().decode(Int.self, at: 0)
                        sums.update { $0.append(value ?? -100) }
                    }
                    continuation.resume(returning: sums.update { $0.reduce(0, +) })
                }
            }
            #expect(total == (1...8).reduce(0, +))
        }
    }

    @Test("a connection the server killed while idle is replaced before the next call")
    func replacesKilledIdleConnection() async throws {
        try await TestDatabase.withFresh(maxConnections: 1) { database in
            let first = try await database.query("SELECT pg_backend_pid()").single().decode(Int32.self, at: 0)
            try await terminate(pid: first)
            let second = try await database.query("SELECT pg_backend_pid()").single().decode(Int32.self, at: 0)
            #expect(second != first)
        }
    }

    @Test("a connection that breaks mid-statement fails with a retryable error, then is replaced")
    func brokenMidStatement() async throws {
        try await TestDatabase.withFresh(maxConnections: 1) { database in
            let pid = try await database.query("SELECT pg_backend_pid()").single().decode(Int32.self, at: 0)
            let sleeper = Task { try await database.query("SELECT pg_sleep(10)") }
            try await Task.sleep(for: .milliseconds(300))
            try await terminate(pid: pid)
            let error = await #expect(throws: DatabaseError.self) { try await sleeper.value }
            #expect(error?.kind == .connectionLost)
            #expect(error?.isRetryable == true)
            #expect(try await database.query("SELECT 4").single().decode(Int.self, at: 0) == 4)
        }
    }

    /// Ends a backend and waits (up to 5 s) until its process is gone, so its socket is closed.
    private func terminate(pid: Int32) async throws {
        let admin = Database(try await TestDatabase.serverConfiguration(), logger: testLogger)
        defer { admin.close() }
        try await admin.query("SELECT pg_terminate_backend(\(pid), 5000)")
    }
}
