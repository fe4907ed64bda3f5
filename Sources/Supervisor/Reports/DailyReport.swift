import Campaigns
import Foundation
import Persistence

/// A campaign's day: the figures, hour by hour, each agent's work and the script's funnel.
public struct DailyReport: Sendable, Encodable {
    /// One hour of the day.
    public struct Hour: Sendable, Hashable, Encodable {
        public let hour: Int
        public let dialed: Int
        public let connected: Int
        public let successes: Int
        public let abandoned: Int
    }

    public let campaign: String
    /// The day, `2026-11-26`, in Warsaw time.
    public let day: String
    public let figures: CampaignFigures
    public let hours: [Hour]
    public let agents: [AgentFigures]
    public let funnel: [FunnelStep]

    /// Builds the report of the campaign's day that contains `date`.
    public static func make(campaignID: Int, containing date: Date, database: Database) async throws -> DailyReport {
        let start = DayBoundary.startOfDay(date)
        let end = start.addingTimeInterval(86_400 + 7_200)  // past the next midnight, a summer-time change included
        let dayEnd = DayBoundary.startOfDay(end)
        let statistics = StatisticsStore(database)
        guard let campaign = try await database.query("SELECT name FROM campaigns WHERE id = \(campaignID)").first?.decode(String.self, at: 0)
        else { throw NotFound(.campaign, campaignID) }
        let hours = try await database.query(
            """
            SELECT extract(hour FROM dialed_at AT TIME ZONE \(DayBoundary.timeZone.identifier))::int8, count(*),
                   count(*) FILTER (WHERE network_result = 'human' AND connected_at IS NOT NULL),
                   count(*) FILTER (WHERE success), count(*) FILTER (WHERE abandoned)
            FROM calls WHERE campaign_id = \(campaignID) AND dialed_at >= \(start) AND dialed_at < \(dayEnd)
            GROUP BY 1 ORDER BY 1
            """
        ).decode((Int, Int, Int, Int, Int).self).map { Hour(hour: $0.0, dialed: $0.1, connected: $0.2, successes: $0.3, abandoned: $0.4) }
        return DailyReport(
            campaign: campaign, day: Self.dayName(start),
            figures: try await statistics.campaignFigures(campaignID: campaignID, from: start, to: dayEnd),
            hours: hours, agents: try await statistics.agentFigures(campaignID: campaignID, from: start, to: dayEnd),
            funnel: try await statistics.funnel(campaignID: campaignID, from: start, to: dayEnd))
    }

    static func dayName(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = DayBoundary.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// The campaign report as CSV: one row per hour, then the day's totals.
    public var campaignCSV: String {
        var lines = ["hour,dialed,connected,successes,abandoned"]
        lines += hours.map { "\(String(format: "%02d:00", $0.hour)),\($0.dialed),\($0.connected),\($0.successes),\($0.abandoned)" }
        lines.append("total,\(figures.dialed),\(figures.connected),\(figures.successes),\(figures.abandoned)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The agent report as CSV.
    public var agentCSV: String {
        var lines = ["agent,calls,successes,conversion,talk_seconds,wrap_up_seconds,average_handle_seconds"]
        lines += agents.map { agent in
            CSVWriter.line([
                agent.name, "\(agent.connected)", "\(agent.successes)", String(format: "%.4f", agent.conversion),
                String(format: "%.0f", agent.talkSeconds), String(format: "%.0f", agent.wrapUpSeconds),
                String(format: "%.1f", agent.averageHandleSeconds),
            ])
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
