import Campaigns
import Foundation
import Persistence

/// Publishes events as a dialer does: NOTIFY on the events channel, in batches.
public func publishEvents(_ database: Database, campaignID: Int, _ events: [DialerEvent]) async throws {
    for payload in EventBatch(runID: 1, campaignID: campaignID, events: events).payloads {
        try await database.withConnection { try $0.notify(SQLIdentifier("switchboard_events"), payload: payload) }
    }
}

/// An event of the test Monday, `seconds` after 08:00 UTC.
public func testEvent(_ kind: DialerEvent.Kind, _ seconds: Double, agent: Int? = nil, detail: String = "") -> DialerEvent {
    DialerEvent(kind: kind, time: CampaignFixture.monday.addingTimeInterval(seconds), agentID: agent, contactID: 1, detail: detail)
}

/// Polls until `condition` holds, for up to ten seconds.
public func waitFor(_ condition: @Sendable () -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(10)
    while !condition() {
        guard ContinuousClock.now < deadline else { throw CancellationError() }
        try await Task.sleep(for: .milliseconds(20))
    }
}
