import Foundation
import Supervisor
import Testing

@Suite("Alerts fire at their thresholds")
struct AlertRulesTests {
    let now = Date(timeIntervalSince1970: 1_764_590_000)

    func figures(rate24h: Double = 0, rate30d: Double = 0, left: Int = 1000, perHour: Double = 0) -> CampaignFigures {
        var figures = CampaignFigures(campaignID: 1, from: now.addingTimeInterval(-3600), to: now)
        figures.abandonRate24h = rate24h
        figures.abandonRate30d = rate30d
        figures.eligibleLeft = left
        figures.finishedPerHour = perHour
        return figures
    }

    @Test("the abandon rate: quiet below 2.5 % of 3 %, a warning from there, critical at the limit")
    func abandonRate() {
        let rules = AlertRules()
        #expect(rules.evaluate(figures: figures(rate24h: 0.0249), limit: 0.03, agents: [], silentDialers: [], now: now).isEmpty)
        let warning = rules.evaluate(figures: figures(rate24h: 0.025), limit: 0.03, agents: [], silentDialers: [], now: now)
        #expect(warning.map(\.severity) == [.warning] && warning.first?.kind == .abandonRate)
        let critical = rules.evaluate(figures: figures(rate30d: 0.031), limit: 0.03, agents: [], silentDialers: [], now: now)
        #expect(critical.map(\.severity) == [.critical])
    }

    @Test("an agent paused too long, contacts running out, a silent dialer")
    func others() {
        let rules = AlertRules(settings: AlertSettings(pausedTooLongSeconds: 600, runningOutSeconds: 1800))
        let agents = [
            AgentLiveState(agentID: 1, activity: "paused", since: now.addingTimeInterval(-599)),
            AgentLiveState(agentID: 2, activity: "paused", since: now.addingTimeInterval(-601)),
            AgentLiveState(agentID: 3, activity: "in_call", since: now.addingTimeInterval(-5000)),
        ]
        let alerts = rules.evaluate(figures: figures(left: 40, perHour: 100), limit: 0.03, agents: agents, silentDialers: [7], now: now)
        #expect(alerts.map(\.kind) == [.agentPausedTooLong, .runningOutOfContacts, .dialerSilent])
        #expect(alerts[0].subject == "agent:2")
        #expect(alerts[1].message.contains("40 eligible contacts left"))
        #expect(alerts[2].severity == .critical && alerts[2].subject == "run:7")
        // 40 contacts at 60 an hour last 40 minutes: more than the 30 allowed, no alert.
        #expect(rules.evaluate(figures: figures(left: 40, perHour: 60), limit: 0.03, agents: [], silentDialers: [], now: now).isEmpty)
    }
}
