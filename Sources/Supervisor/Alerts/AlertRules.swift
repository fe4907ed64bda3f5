import Foundation

/// Decides which alerts are in force, from figures and states: a pure function, tested alone.
public struct AlertRules: Sendable {
    public let settings: AlertSettings

    public init(settings: AlertSettings = AlertSettings()) { self.settings = settings }

    public func evaluate(
        figures: CampaignFigures, limit: Double, agents: [AgentLiveState], silentDialers: [Int], now: Date
    ) -> [Alert] {
        var alerts: [Alert] = []
        let rate = max(figures.abandonRate24h, figures.abandonRate30d)
        if rate >= limit {
            alerts.append(Alert(
                kind: .abandonRate, severity: .critical,
                message: String(format: "the abandon rate is %.2f %%, at or over the %.1f %% limit", rate * 100, limit * 100), subject: nil))
        } else if rate >= limit * settings.abandonWarning {
            alerts.append(Alert(
                kind: .abandonRate, severity: .warning,
                message: String(format: "the abandon rate is %.2f %%, approaching the %.1f %% limit", rate * 100, limit * 100), subject: nil))
        }
        for agent in agents.sorted(by: { $0.agentID < $1.agentID }) where agent.activity == "paused" {
            let paused = now.timeIntervalSince(agent.since)
            if paused >= settings.pausedTooLongSeconds {
                alerts.append(Alert(
                    kind: .agentPausedTooLong, severity: .warning,
                    message: "agent \(agent.agentID) has been paused for \(Int(paused / 60)) minutes", subject: "agent:\(agent.agentID)"))
            }
        }
        if let finish = figures.forecastFinish, finish.timeIntervalSince(now) < settings.runningOutSeconds {
            alerts.append(Alert(
                kind: .runningOutOfContacts, severity: .warning,
                message: "\(figures.eligibleLeft) eligible contacts left: about \(max(1, Int(finish.timeIntervalSince(now) / 60))) minutes at this pace",
                subject: nil))
        }
        for run in silentDialers {
            alerts.append(Alert(kind: .dialerSilent, severity: .critical, message: "dialer run \(run) stopped reporting", subject: "run:\(run)"))
        }
        return alerts
    }
}
