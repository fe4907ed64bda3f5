import Campaigns
import Foundation
import Logging
import Persistence

/// Runs a campaign's dialer on the simulated network, from its queue in PostgreSQL.
public struct Simulation: Sendable {
    public let database: Database
    public let logger: Logger

    public init(database: Database, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// What a finished run left: its id and its figures.
    public struct Outcome: Sendable {
        public let runID: Int
        public let summary: RunSummary
    }

    /// Refreshes the campaign's queue by the eligibility rule, then dials it for the shift.
    public func run(
        campaign name: String, settings: SimulationSettings, progress: (@Sendable (RunProgress) -> Void)? = nil
    ) async throws -> Outcome {
        try settings.validate()
        let campaign = try await CampaignStore(database).named(name)
        guard campaign.status.isDialing else {
            throw SimulationError.campaignNotDialing(name: name, status: campaign.status)
        }
        guard let scriptID = campaign.scriptID, let script = try await ScriptStore(database).version(id: scriptID)?.script else {
            throw SimulationError.noScript(campaign: name)
        }
        let agents = try await AgentStore(database).simulated(count: settings.agents)
        let refill = try await CampaignQueue(database).refill(campaignID: campaign.id, at: settings.start)
        logger.info("queue refreshed", metadata: ["added": "\(refill.added)", "removed": "\(refill.removed)"])
        let consentTypes = try await ConsentStore(database).all()
        let dialerID = "\(ProcessInfo.processInfo.hostName)-\(getpid())-\(UUID().uuidString.prefix(8))"
        let runID = try await database.withConnection { connection in
            try DialerRunStore.closeLost(campaignID: campaign.id, silentFor: QueueLeases.defaultLeaseSeconds, on: connection)
            return try DialerRunStore.start(campaignID: campaign.id, dialerID: dialerID, settings: settings, on: connection)
        }
        let history = try await abandonHistory(campaignID: campaign.id, before: settings.start)
        let engine = DialerEngine(
            campaign: campaign, script: script, agents: agents, settings: settings, database: database, runID: runID,
            dialerID: dialerID, consentTypes: Dictionary(uniqueKeysWithValues: consentTypes.map { ($0.code, ($0.id, $0.version)) }),
            history: history, logger: logger, progress: progress)
        let summary: RunSummary
        do {
            summary = try await engine.run()
        } catch {
            // Closed with its reason while the database answers; otherwise the next run closes it.
            _ = try? await database.withConnection { try DialerRunStore.fail(runID: runID, reason: "\(error)", on: $0) }
            throw error
        }
        try await database.withConnection {
            try DialerRunStore.finish(runID: runID, summary: summary, simulatedUntil: settings.start.addingTimeInterval(summary.simulatedSeconds), on: $0)
        }
        return Outcome(runID: runID, summary: summary)
    }

    /// The campaign's live answers of the 24 hours before `start`, and which were abandoned:
    /// the regulator's window reaches back into earlier runs.
    private func abandonHistory(campaignID: Int, before start: Date) async throws -> [(time: Date, abandoned: Bool)] {
        try await database.query(
            """
            SELECT dialed_at, abandoned FROM calls
            WHERE campaign_id = \(campaignID) AND network_result = 'human'
              AND dialed_at > \(start.addingTimeInterval(-24 * 3600)) AND dialed_at <= \(start)
            ORDER BY dialed_at
            """
        ).decode((Date, Bool).self).map { (time: $0.0, abandoned: $0.1) }
    }
}
