import Foundation
import Persistence

import TestSupport
import Testing

@Suite("LISTEN/NOTIFY arrives through a dispatch source, as a stream or a callback")
struct NotificationTests {
    static let channel = SQLIdentifier("test_events")

    @Test("a notification sent on one connection reaches a listener on another")
    func acrossConnections() async throws {
        try await TestDatabase.withFresh { database in
            let listener = NotificationListener(database.configuration, logger: testLogger)
            defer { listener.stop() }
            let stream = try await listener.notifications(on: Self.channel)
            try await database.withConnection { try $0.notify(Self.channel, payload: "campaign 7: call 1 answered") }
            try await database.transaction { connection in
                try connection.notify(Self.channel, payload: "second")
                try connection.notify(Self.channel, payload: "third")
            }
            let received = try await firstElements(3, of: stream)
            #expect(received.map(\.payload) == ["campaign 7: call 1 answered", "second", "third"])
            #expect(received.allSatisfy { $0.channel == "test_events" })
        }
    }

    @Test("a rolled-back transaction's notifications are never delivered")
    func rolledBack() async throws {
        struct Undo: Error {}
        try await TestDatabase.withFresh { database in
            let listener = NotificationListener(database.configuration, logger: testLogger)
            defer { listener.stop() }
            let stream = try await listener.notifications(on: Self.channel)
            _ = try? await database.transaction { connection in
                try connection.notify(Self.channel, payload: "undone")
                throw Undo()
            }
            try await database.withConnection { try $0.notify(Self.channel, payload: "kept") }
            #expect(try await firstElements(1, of: stream).map(\.payload) == ["kept"])
        }
    }

    @Test("the callback form, and a cancelled subscription hears nothing more")
    func callbacks() async throws {
        try await TestDatabase.withFresh { database in
            let listener = NotificationListener(database.configuration, logger: testLogger)
            defer { listener.stop() }
            let heard = Shared<[String]>([])
            let subscription = try await listener.subscribe(to: Self.channel) { notification in
                heard.update { $0.append(notification.payload) }
            }
            try await database.withConnection { try $0.notify(Self.channel, payload: "one") }
            try await waitUntil { heard.value == ["one"] }
            subscription.cancel()
            try await Task.sleep(for: .milliseconds(100))
            try await database.withConnection { try $0.notify(Self.channel, payload: "two") }
            try await Task.sleep(for: .milliseconds(300))
            #expect(heard.value == ["one"])
        }
    }

    @Test("after its connection is killed the listener reconnects, listens again and says so")
    func reconnects() async throws {
        try await TestDatabase.withFresh { database in
            let reconnected = Shared(0)
            let listener = NotificationListener(database.configuration, logger: testLogger) {
                reconnected.update { $0 += 1 }
            }
            defer { listener.stop() }
            let stream = try await listener.notifications(on: Self.channel)
            try await database.execute(
                """
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                WHERE datname = current_database() AND application_name LIKE '%-listener'
                """)
            try await waitUntil { reconnected.value == 1 }
            try await database.withConnection { try $0.notify(Self.channel, payload: "after") }
            #expect(try await firstElements(1, of: stream).map(\.payload) == ["after"])
        }
    }
}

/// The first `count` elements of a stream, or an error after five seconds.
func firstElements<Element: Sendable>(_ count: Int, of stream: AsyncStream<Element>) async throws -> [Element] {
    try await withThrowingTaskGroup(of: [Element].self) { group in
        group.addTask {
            var elements: [Element] = []
            for await element in stream {
                elements.append(element)
                if elements.count == count { break }
            }
            return elements
        }
        group.addTask {
            try await Task.sleep(for: .seconds(5))
            throw TimeoutError()
        }
        let first = try await group.next()!
        group.cancelAll()
        return first
    }
}

/// Polls `condition` every 20 ms for up to five seconds.
func waitUntil(_ condition: @Sendable () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(5)
    while !condition() {
        guard ContinuousClock.now < deadline else { throw TimeoutError() }
        try await Task.sleep(for: .milliseconds(20))
    }
}

struct TimeoutError: Error {}
