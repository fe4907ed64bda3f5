import Campaigns
import DequeModule
import Foundation

/// What the hub remembers, under its lock.
struct HubState {
    typealias Viewer = (campaignID: Int, continuation: AsyncStream<HubMessage>.Continuation)

    var nextID = 1
    /// The latest messages, oldest first, for viewers that reconnect.
    var recent = Deque<HubMessage>()
    /// Per campaign, the latest message of each snapshot kind (figures, agents, alerts).
    var latest: [Int: [HubMessage.Kind: HubMessage]] = [:]
    var viewers: [Int: Viewer] = [:]
    var nextViewer = 0
    /// Per campaign, each agent's activity.
    var agents: [Int: [Int: AgentLiveState]] = [:]
    /// Per campaign, the simulated moment of its latest event.
    var simulatedNow: [Int: Date] = [:]
    /// Per campaign, the figures and alerts pushed last.
    var figures: [Int: CampaignFigures] = [:]
    var alerts: [Int: [Alert]] = [:]
    /// Per campaign, the dial level its dialer reported last.
    var dialLevel: [Int: Double] = [:]
    /// Campaigns with news since the last refresh.
    var changed: Set<Int> = []
    var eventsReceived = 0

    /// Numbers the message, remembers it, and hands it to the campaign's viewers.
    mutating func publish(campaignID: Int, kind: HubMessage.Kind, json: String, memory: Int) {
        let message = HubMessage(id: nextID, campaignID: campaignID, kind: kind, json: json)
        nextID += 1
        recent.append(message)
        if recent.count > memory { recent.removeFirst(recent.count - memory) }
        if kind != .events { latest[campaignID, default: [:]][kind] = message }
        for viewer in viewers.values where viewer.campaignID == campaignID { viewer.continuation.yield(message) }
    }

    /// A comment line to every viewer, so idle connections stay open through proxies and a
    /// viewer that left is noticed.
    func keepAlive() {
        let message = HubMessage(id: 0, campaignID: 0, kind: .keepAlive, json: "")
        for viewer in viewers.values { viewer.continuation.yield(message) }
    }

    mutating func addViewer(campaignID: Int, _ continuation: AsyncStream<HubMessage>.Continuation) -> Int {
        nextViewer += 1
        viewers[nextViewer] = (campaignID, continuation)
        return nextViewer
    }

    mutating func removeViewer(_ id: Int) {
        viewers[id] = nil
    }

    /// Forgets every viewer and hands back their streams, to be finished outside the lock.
    mutating func removeAllViewers() -> [AsyncStream<HubMessage>.Continuation] {
        defer { viewers.removeAll() }
        return viewers.values.map(\.continuation)
    }

    /// What a viewer gets first: the messages after `lastID` when the hub still has them all,
    /// otherwise (or for a new viewer) the latest snapshot, after a reset for one that missed some.
    func catchUp(campaignID: Int, after lastID: Int?) -> [HubMessage] {
        if let lastID, let oldest = recent.first?.id, lastID >= oldest - 1 {
            return recent.filter { $0.id > lastID && $0.campaignID == campaignID }
        }
        let snapshot = [HubMessage.Kind.figures, .agents, .alerts].compactMap { latest[campaignID]?[$0] }.sorted { $0.id < $1.id }
        guard let lastID else { return snapshot }
        // Numbered just before the snapshot, so that ids stay in order for the viewer.
        let reset = HubMessage(id: (snapshot.first?.id ?? nextID) - 1, campaignID: campaignID, kind: .reset, json: #"{"missedAfter":\#(lastID)}"#)
        return [reset] + snapshot
    }

    /// Follows agents' activities; true when one changed.
    mutating func apply(_ batch: EventBatchPayload) -> Bool {
        var changedAgents = false
        for event in batch.events {
            simulatedNow[batch.campaignID] = max(simulatedNow[batch.campaignID] ?? event.time, event.time)
            if event.kind == .level { dialLevel[batch.campaignID] = Double(event.detail) }
            guard event.kind == .agent, let agent = event.agentID else { continue }
            // Batches from a dialer's two writers may arrive out of order: the later state wins,
            // and an agent that left is remembered as such, so a late batch does not bring it back.
            if let known = agents[batch.campaignID]?[agent], known.since > event.time { continue }
            agents[batch.campaignID, default: [:]][agent] = AgentLiveState(agentID: agent, activity: event.detail, since: event.time)
            changedAgents = true
        }
        return changedAgents
    }

    /// The campaign's agents that are logged in, by id.
    func present(_ campaignID: Int) -> [AgentLiveState] {
        (agents[campaignID] ?? [:]).values.filter { $0.activity != DialerEvent.loggedOut }.sorted { $0.agentID < $1.agentID }
    }

    func agentsJSON(_ campaignID: Int) -> String {
        let list = present(campaignID)
        return (try? JSONCoding.string(list)) ?? "[]"
    }
}

/// A NOTIFY payload of dialer events, read, with its JSON for viewers.
struct EventBatchPayload {
    let campaignID: Int
    let events: [DialerEvent]
    let json: String

    init?(_ payload: String) {
        guard let batch = EventBatch(payload: payload) else { return nil }
        campaignID = batch.campaignID
        events = batch.events
        struct Body: Encodable {
            let run: Int
            let happenedAt: Date
            let events: [DialerEvent]
        }
        guard let json = try? JSONCoding.string(Body(run: batch.runID, happenedAt: batch.happenedAt, events: batch.events)) else { return nil }
        self.json = json
    }
}

/// JSON as the stream and the API write it: sorted keys, ISO 8601 dates in UTC with
/// milliseconds (`2025-12-01T08:00:00.250Z`).
public enum JSONCoding {
    public static let dateStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    public static func string(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(dateStyle))
        }
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Days as supervisors count them: from local midnight in Warsaw.
public enum DayBoundary {
    public static let timeZone = TimeZone(identifier: "Europe/Warsaw") ?? .gmt

    public static func startOfDay(_ date: Date, in zone: TimeZone = timeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.startOfDay(for: date)
    }
}
