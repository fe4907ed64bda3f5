import Foundation
import Logging
import Metrics
import Persistence
import Synchronization

/// The figures an operator watches per campaign, as Prometheus gauges, true whichever
/// process dials: what the database knows (abandon rates, contacts left, the queue's lag,
/// silent dialers) is computed from it, and what only the events tell (agents by state, the
/// dial level) comes from the supervisor hub, which hears every dialer's events.
///
/// Refreshed when `/metrics` is scraped, at most once per `interval`, so that any number of
/// scrapers costs one pass: one query for the campaigns, then four short ones per active or
/// paused campaign, each bounded by a day of its calls or an index of its queue.
public final class CampaignGauges: Sendable {
    let database: Database
    let hub: SupervisorHub
    let interval: Duration
    let alertSettings: AlertSettings
    private let last = Mutex<ContinuousClock.Instant?>(nil)
    /// The agents' activities that always have a series, so that stacked graphs add up.
    static let agentStates = ["ready", "reserved", "in_call", "wrap_up", "paused"]

    public init(database: Database, hub: SupervisorHub, interval: Duration = .seconds(5), alertSettings: AlertSettings = AlertSettings()) {
        self.database = database
        self.hub = hub
        self.interval = interval
        self.alertSettings = alertSettings
    }

    /// Recomputes the gauges unless that was done less than `interval` ago. A database that
    /// does not answer sets `switchboard_database_up` to 0 and leaves the rest as they were.
    public func refreshIfDue() async {
        let now = ContinuousClock.now
        let due = last.withLock { last in
            guard last.map({ now - $0 >= interval }) ?? true else { return false }
            last = now
            return true
        }
        guard due else { return }
        do {
            let campaigns = try await database.query("SELECT id, name FROM campaigns WHERE status IN ('active', 'paused') ORDER BY id")
                .decode((Int, String).self)
            for (id, name) in campaigns { try await refresh(campaignID: id, name: name) }
            Gauge(label: "switchboard_database_up").record(1)
        } catch {
            Gauge(label: "switchboard_database_up").record(0)
            database.logger.warning("campaign gauges could not be refreshed", metadata: ["error": "\(error)"])
        }
    }

    private func refresh(campaignID: Int, name: String) async throws {
        let moment = try await CampaignMoment.load(campaignID: campaignID, database: database)
        let figures = try await StatisticsStore(database).campaignFigures(
            campaignID: campaignID, from: DayBoundary.startOfDay(moment.now), to: moment.now.addingTimeInterval(1))
        let context = try await AlertContext.load(campaignID: campaignID, database: database, silentSeconds: alertSettings.silentSeconds)
        let campaign = [("campaign", name)]
        Gauge(label: "switchboard_campaign_abandon_rate", dimensions: campaign + [("window", "24h")]).record(figures.abandonRate24h)
        Gauge(label: "switchboard_campaign_abandon_rate", dimensions: campaign + [("window", "30d")]).record(figures.abandonRate30d)
        Gauge(label: "switchboard_campaign_abandon_limit", dimensions: campaign).record(context.abandonLimit)
        Gauge(label: "switchboard_campaign_contacts_left", dimensions: campaign).record(figures.eligibleLeft)
        Gauge(label: "switchboard_campaign_contacts_finished_per_hour", dimensions: campaign).record(figures.finishedPerHour)
        Gauge(label: "switchboard_campaign_queue_due_contacts", dimensions: campaign).record(moment.dueContacts)
        Gauge(label: "switchboard_campaign_queue_lag_seconds", dimensions: campaign).record(moment.lagSeconds)
        Gauge(label: "switchboard_campaign_silent_dialers", dimensions: campaign).record(context.silentDialers.count)
        let snapshot = hub.snapshot(campaignID: campaignID)
        var byState = Dictionary(uniqueKeysWithValues: Self.agentStates.map { ($0, 0) })
        for agent in snapshot.agents { byState[agent.activity, default: 0] += 1 }
        for (state, count) in byState {
            Gauge(label: "switchboard_campaign_agents", dimensions: campaign + [("state", state)]).record(count)
        }
        if let level = snapshot.figures?.dialLevel {
            Gauge(label: "switchboard_campaign_dial_level", dimensions: campaign).record(level)
        }
    }
}

/// A campaign's own clock and its queue at that moment. A virtual run simulates days of its
/// own, so "now" for a campaign is its latest dial (as for the supervisor's figures), or the
/// wall clock when it has dialed nothing yet.
struct CampaignMoment: Sendable {
    let now: Date
    /// Contacts due by `now` that no dialer has claimed, and how long the oldest of those with a
    /// time of their own (a retry, a callback, a window's opening) has waited; a contact never
    /// dialed is due from the start and counts among the due only.
    let dueContacts: Int
    let lagSeconds: Double

    static func load(campaignID: Int, database: Database) async throws -> CampaignMoment {
        let latest = try await database.query("SELECT max(dialed_at) FROM calls WHERE campaign_id = \(campaignID)")
            .single().decode(Date?.self, at: 0)
        let now = latest ?? Date()
        let (due, lag) = try await database.query(
            """
            SELECT count(*), coalesce(extract(epoch FROM \(now) - min(next_attempt_at) FILTER (WHERE isfinite(next_attempt_at))), 0)::float8
            FROM queue_entries WHERE campaign_id = \(campaignID) AND state = 'waiting' AND next_attempt_at <= \(now)
            """
        ).single().decode((Int, Double).self)
        return CampaignMoment(now: now, dueContacts: due, lagSeconds: lag)
    }
}
