import Foundation

/// The terminal monitor's picture of a campaign, drawn into plain text lines of a given size:
/// a pure function, so a frame can be checked at a fixed terminal size.
public struct MonitorScreen: Sendable {
    public let campaign: String
    public let figures: CampaignFigures?
    public let agents: [(name: String, state: AgentLiveState)]
    public let alerts: [Alert]
    /// Success shares per bucket of the day so far, oldest first; nil where no conversation was.
    public let trend: [Double?]
    public let now: Date

    public init(
        campaign: String, figures: CampaignFigures?, agents: [(name: String, state: AgentLiveState)], alerts: [Alert], trend: [Double?],
        now: Date
    ) {
        self.campaign = campaign
        self.figures = figures
        self.agents = agents
        self.alerts = alerts
        self.trend = trend
        self.now = now
    }

    /// Exactly `height` lines, none wider than `width`.
    public func render(width: Int, height: Int) -> [String] {
        var lines: [String] = []
        lines.append("Switchboard · \(campaign) · \(Self.clock(figures?.to ?? now))")
        lines.append(String(repeating: "─", count: width))
        if let figures {
            lines.append(contentsOf: Self.columns([
                "dialed \(figures.dialed)", "answered \(figures.humanAnswers)", "machines \(figures.machines)",
                "busy \(figures.busy)", "no answer \(figures.noAnswer)", "invalid \(figures.invalid)",
            ], width: width))
            lines.append(contentsOf: Self.columns([
                "conversations \(figures.connected)", "successes \(figures.successes)", "conversion \(Self.percent(figures.conversion))",
                "abandoned \(figures.abandoned)",
            ], width: width))
            lines.append(contentsOf: Self.columns([
                "abandon 24 h \(Self.percent(figures.abandonRate24h))", "30 d \(Self.percent(figures.abandonRate30d))",
                "occupancy \(Self.percent(figures.occupancy))", "dial level \(figures.dialLevel.map { String(format: "%.2f", $0) } ?? "-")",
            ], width: width))
            lines.append(contentsOf: Self.columns([
                "talk \(Int(figures.averageTalkSeconds)) s", "wrap-up \(Int(figures.averageWrapUpSeconds)) s",
                "contacts/h \(String(format: "%.0f", figures.contactsPerHour))", "left \(figures.eligibleLeft)",
                "done by \(figures.forecastFinish.map(Self.clock) ?? "-")",
            ], width: width))
        } else {
            lines.append("waiting for figures…")
        }
        let sparkWidth = max(10, width - 16)
        lines.append("success rate  " + Self.sparkline(trend.suffix(sparkWidth)))
        lines.append("")
        for alert in alerts.prefix(3) { lines.append((alert.severity == .critical ? "!! " : " ! ") + alert.message) }
        lines.append(agents.isEmpty ? "no agent is logged in" : "agent          activity     for")
        let room = max(0, height - lines.count)
        let shown = agents.prefix(room)
        for (name, state) in shown {
            let seconds = max(0, Int((figures?.to ?? now).timeIntervalSince(state.since)))
            lines.append(Self.pad(name, 15) + Self.pad(state.activity, 13) + String(format: "%d:%02d", seconds / 60, seconds % 60))
        }
        if agents.count > shown.count, !lines.isEmpty {
            let hidden = agents.count - shown.count + 1
            lines[lines.count - 1] = "… and \(hidden) more agent\(hidden == 1 ? "" : "s")"
        }
        lines = lines.map { String($0.prefix(width)) }
        while lines.count < height { lines.append("") }
        return Array(lines.prefix(height))
    }

    /// Eight heights from ▁ to █, a blank where there was nothing to measure.
    static func sparkline(_ values: ArraySlice<Double?>) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        let top = max(values.compactMap { $0 }.max() ?? 0, 0.000_001)
        return String(values.map { value in
            guard let value else { return " " }
            return bars[min(bars.count - 1, Int(value / top * Double(bars.count - 1) + 0.5))]
        })
    }

    /// Cells joined by three spaces, wrapped onto further lines where they would pass `width`.
    static func columns(_ cells: [String], width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for cell in cells {
            if line.isEmpty {
                line = cell
            } else if line.count + 3 + cell.count <= width {
                line += "   " + cell
            } else {
                lines.append(line)
                line = cell
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width - 1)) + " " : text + String(repeating: " ", count: width - text.count)
    }

    static func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }

    static func clock(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = DayBoundary.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
