import Campaigns
import Foundation
import Persistence
import Supervisor
import TestSupport
import Testing

@Suite("The supervisor hub: one subscriber, figures once, resume by the last id")
struct HubTests {
    /// Collects a viewer's messages.
    func collect(_ stream: AsyncStream<HubMessage>, into box: Shared<[HubMessage]>) -> Task<Void, Never> {
        Task { for await message in stream { box.update { $0.append(message) } } }
    }

    @Test("an event reaches a viewer, the figures follow, and agents' activities are kept")
    func delivery() async throws {
        try await TestDatabase.withFresh { database in
            let day = try await SupervisionFixture.make(database)
            let hub = SupervisorHub(database: database, logger: testLogger, refreshInterval: .milliseconds(100))
            let running = Task { try await hub.run() }
            defer { running.cancel() }
            let received = Shared<[HubMessage]>([])
            let reader = collect(await hub.viewer(campaignID: day.campaignID), into: received)
            defer { reader.cancel() }
            try await waitFor { received.value.contains { $0.kind == .figures } }  // the first viewer's snapshot
            try await Task.sleep(for: .milliseconds(300))  // the listener is up
            try await publishEvents(database, campaignID: day.campaignID, [testEvent(.dialed, 900), testEvent(.agent, 901, agent: day.agents[0], detail: "in_call")])
            try await waitFor { received.value.contains { $0.kind == .events } }
            let events = try #require(received.value.first { $0.kind == .events })
            #expect(events.json.contains(#""kind":"dialed""#))
            try await waitFor { received.value.filter { $0.kind == .figures }.count >= 2 }
            #expect(received.value.contains { $0.kind == .agents && $0.json.contains(#""activity":"in_call""#) })
            #expect(hub.snapshot(campaignID: day.campaignID).agents.map(\.activity) == ["in_call"])
            #expect(hub.snapshot(campaignID: day.campaignID).figures?.dialed == 9)
            #expect(hub.eventsReceived == 2)
            let ids = received.value.map(\.id)
            #expect(ids == ids.sorted())
            try await publishEvents(database, campaignID: day.campaignID, [testEvent(.agent, 950, agent: day.agents[0], detail: DialerEvent.loggedOut)])
            try await waitFor { hub.snapshot(campaignID: day.campaignID).agents.isEmpty }
        }
    }

    @Test("a viewer that comes back with its last id gets what it missed; one too far behind gets a reset and a snapshot")
    func resume() async throws {
        try await TestDatabase.withFresh { database in try await resume(database) }
    }

    func resume(_ database: Database) async throws {
        let day = try await SupervisionFixture.make(database)
        let hub = SupervisorHub(database: database, logger: testLogger, refreshInterval: .milliseconds(100), memory: 50)
        let running = Task { try await hub.run() }
        defer { running.cancel() }
        let first = Shared<[HubMessage]>([])
        let reader = collect(await hub.viewer(campaignID: day.campaignID), into: first)
        try await Task.sleep(for: .milliseconds(300))
        try await publishEvents(database, campaignID: day.campaignID, [testEvent(.dialed, 10)])
        try await waitFor { first.value.contains { $0.kind == .events } }
        reader.cancel()  // the viewer drops
        let lastSeen = try #require(first.value.last?.id)
        try await publishEvents(database, campaignID: day.campaignID, [testEvent(.connected, 20)])
        try await publishEvents(database, campaignID: day.campaignID, [testEvent(.ended, 30, detail: "sale 1")])
        try await waitFor { hub.eventsReceived == 3 }
        let again = Shared<[HubMessage]>([])
        let second = collect(await hub.viewer(campaignID: day.campaignID, lastEventID: lastSeen), into: again)
        defer { second.cancel() }
        try await waitFor { again.value.filter { $0.kind == .events }.count == 2 }
        #expect(again.value.allSatisfy { $0.id > lastSeen })
        let missed = again.value.filter { $0.kind == .events }.map(\.json)
        #expect(missed[0].contains(#""kind":"connected""#) && missed[1].contains(#""kind":"ended""#))

        // Sixty more messages than the hub remembers.
        for offset in 0..<60 { try await publishEvents(database, campaignID: day.campaignID, [testEvent(.dialed, 40 + Double(offset))]) }
        try await waitFor { hub.eventsReceived == 63 }
        let late = Shared<[HubMessage]>([])
        let third = collect(await hub.viewer(campaignID: day.campaignID, lastEventID: lastSeen), into: late)
        defer { third.cancel() }
        try await waitFor { late.value.count >= 2 }
        #expect(late.value.first?.kind == .reset)
        #expect(late.value.dropFirst().contains { $0.kind == .figures })
    }
}
