import Campaigns
import Foundation
import Logging
import Metrics
import Persistence
import Synchronization

/// The one place a process learns what dialers do and tells every viewer: one LISTEN on the
/// events channel, figures computed once per campaign when something changed (at most
/// `refreshInterval` apart), and each message pushed to every viewer of its campaign. A
/// viewer that reconnects with the last id it saw gets what it missed, from the last
/// `memory` messages; one that missed more gets a fresh snapshot.
public final class SupervisorHub: Sendable {
    let database: Database
    let logger: Logger
    let refreshInterval: Duration
    let alertSettings: AlertSettings
    let memory: Int
    let state = Mutex(HubState())

    public init(
        database: Database, logger: Logger, refreshInterval: Duration = .milliseconds(500), alertSettings: AlertSettings = AlertSettings(),
        memory: Int = 20_000
    ) {
        self.database = database
        self.logger = logger
        self.refreshInterval = refreshInterval
        self.alertSettings = alertSettings
        self.memory = memory
    }

    /// Listens and refreshes until the task is cancelled; then ends every viewer's stream.
    public func run() async throws {
        let listener = NotificationListener(database.configuration, logger: logger)
        defer {
            listener.stop()
            closeViewers()
        }
        let notifications = try await listener.notifications(on: EventBatch.channel)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await notification in notifications { self.receive(notification.payload) }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: self.refreshInterval)
                    await self.refreshChangedCampaigns()
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(15))
                    self.state.withLock { $0.keepAlive() }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// A viewer's stream for a campaign: what it missed since `lastEventID` (or a snapshot),
    /// then every new message until the stream is dropped.
    public func viewer(campaignID: Int, lastEventID: Int? = nil) async -> AsyncStream<HubMessage> {
        if state.withLock({ $0.latest[campaignID] == nil }) {
            await refresh(campaignID: campaignID, at: nil)
        }
        let (stream, continuation) = AsyncStream.makeStream(of: HubMessage.self, bufferingPolicy: .bufferingNewest(4_096))
        let id = state.withLock { state in
            let id = state.addViewer(campaignID: campaignID, continuation)
            for message in state.catchUp(campaignID: campaignID, after: lastEventID) { continuation.yield(message) }
            return id
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { $0.removeViewer(id) }
            Gauge(label: "switchboard_sse_viewers").record(self?.viewerCount ?? 0)
        }
        Gauge(label: "switchboard_sse_viewers").record(viewerCount)
        return stream
    }

    /// Ends every viewer's stream, so that their responses finish: the server is stopping.
    public func closeViewers() {
        for continuation in state.withLock({ $0.removeAllViewers() }) { continuation.finish() }
    }

    /// How many viewers are connected now.
    public var viewerCount: Int { state.withLock { $0.viewers.count } }

    /// Events received since the hub started.
    public var eventsReceived: Int { state.withLock { $0.eventsReceived } }

    // MARK: receiving

    func receive(_ payload: String) {
        guard let batch = EventBatchPayload(payload) else {
            logger.warning("an events payload could not be read")
            return
        }
        Counter(label: "switchboard_events_received_total").increment(by: batch.events.count)
        state.withLock { state in
            state.eventsReceived += batch.events.count
            state.publish(campaignID: batch.campaignID, kind: .events, json: batch.json, memory: memory)
            if state.apply(batch) {
                state.publish(campaignID: batch.campaignID, kind: .agents, json: state.agentsJSON(batch.campaignID), memory: memory)
            }
            state.changed.insert(batch.campaignID)
        }
    }

    private func refreshChangedCampaigns() async {
        let changed = state.withLock { state in
            defer { state.changed.removeAll() }
            return state.changed.map { ($0, state.simulatedNow[$0]) }
        }
        for (campaign, now) in changed { await refresh(campaignID: campaign, at: now) }
    }

    /// The latest figures, agents' activities and alerts of a campaign, as last pushed.
    public func snapshot(campaignID: Int) -> Snapshot {
        state.withLock { state in
            Snapshot(
                figures: state.figures[campaignID], agents: state.present(campaignID),
                alerts: state.alerts[campaignID] ?? [])
        }
    }

    /// What a campaign looks like now.
    public struct Snapshot: Sendable {
        public let figures: CampaignFigures?
        public let agents: [AgentLiveState]
        public let alerts: [Alert]
    }

    /// Computes the campaign's figures for its current day and the alerts, and pushes them.
    /// The current day is that of the latest event, or else of the campaign's latest call
    /// (a virtual run simulates days of its own), or else today.
    func refresh(campaignID: Int, at simulatedNow: Date?) async {
        do {
            var now = simulatedNow ?? Date()
            if simulatedNow == nil,
                let latest = try await database.query("SELECT max(ended_at) FROM calls WHERE campaign_id = \(campaignID)")
                    .single().decode(Date?.self, at: 0)
            {
                now = latest
            }
            var figures = try await StatisticsStore(database).campaignFigures(
                campaignID: campaignID, from: DayBoundary.startOfDay(now), to: now.addingTimeInterval(1))
            figures.dialLevel = state.withLock { $0.dialLevel[campaignID] }
            let context = try await AlertContext.load(campaignID: campaignID, database: database, silentSeconds: alertSettings.silentSeconds)
            let agents = state.withLock { $0.present(campaignID) }
            let alerts = AlertRules(settings: alertSettings).evaluate(
                figures: figures, limit: context.abandonLimit, agents: agents, silentDialers: context.silentDialers, now: now)
            let figuresJSON = try JSONCoding.string(figures)
            let alertsJSON = try JSONCoding.string(alerts)
            state.withLock { state in
                state.figures[campaignID] = figures
                state.alerts[campaignID] = alerts
                state.publish(campaignID: campaignID, kind: .figures, json: figuresJSON, memory: memory)
                if state.latest[campaignID]?[.alerts]?.json != alertsJSON {
                    state.publish(campaignID: campaignID, kind: .alerts, json: alertsJSON, memory: memory)
                }
                if state.latest[campaignID]?[.agents] == nil {
                    state.publish(campaignID: campaignID, kind: .agents, json: state.agentsJSON(campaignID), memory: memory)
                }
            }
        } catch {
            logger.warning("campaign figures could not be refreshed", metadata: ["campaign": "\(campaignID)", "error": "\(error)"])
        }
    }
}
