import Foundation
import Supervisor
import Testing

@Suite("The terminal monitor's frame at a fixed size")
struct MonitorScreenTests {
    @Test("60 columns by 16 lines")
    func frame() {
        let t0 = Date(timeIntervalSince1970: 1_764_579_600)  // 2025-12-01 10:00 in Warsaw
        var figures = CampaignFigures(campaignID: 1, from: t0.addingTimeInterval(-3600), to: t0)
        figures.dialed = 120
        figures.humanAnswers = 30
        figures.connected = 28
        figures.successes = 7
        figures.abandoned = 1
        figures.abandonRate24h = 1.0 / 30
        figures.dialLevel = 1.8
        figures.eligibleLeft = 50
        figures.finishedPerHour = 100
        let agents = [
            (name: "Agent 01", state: AgentLiveState(agentID: 1, activity: "in_call", since: t0.addingTimeInterval(-75))),
            (name: "Agent 02", state: AgentLiveState(agentID: 2, activity: "ready", since: t0.addingTimeInterval(-3))),
        ]
        let alerts = [Alert(kind: .abandonRate, severity: .critical, message: "the abandon rate is 3.33 %, at or over the 3.0 % limit", subject: nil)]
        let screen = MonitorScreen(campaign: "Jesień", figures: figures, agents: agents, alerts: alerts, trend: [0.1, nil, 0.2, 0.4], now: t0)
        let lines = screen.render(width: 60, height: 16)
        #expect(lines.count == 16)
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines[0] == "Switchboard · Jesień · 2025-12-01 10:00:00")
        #expect(lines[1] == String(repeating: "─", count: 60))
        #expect(lines[2] == "dialed 120   answered 30   machines 0   busy 0   no answer 0")
        #expect(lines[3] == "invalid 0")
        #expect(lines[4] == "conversations 28   successes 7   conversion 25.00%")
        #expect(lines[5] == "abandoned 1")
        #expect(lines[6] == "abandon 24 h 3.33%   30 d 0.00%   occupancy 0.00%")
        #expect(lines[7] == "dial level 1.80")
        #expect(lines[8].hasPrefix("talk 0 s   wrap-up 0 s   contacts/h 0   left 50"))
        #expect(lines[9].hasPrefix("done by 2025-12-01 10:30"))
        #expect(lines[10] == "success rate  ▃ ▅█")
        #expect(lines[12] == "!! the abandon rate is 3.33 %, at or over the 3.0 % limit")
        #expect(lines[13] == "agent          activity     for")
        #expect(lines[14] == "Agent 01       in_call      1:15")
        #expect(lines[15] == "Agent 02       ready        0:03")
    }

    @Test("more agents than lines: the last line says how many are not shown")
    func overflow() {
        let t0 = Date(timeIntervalSince1970: 1_764_579_600)
        let agents = (1...30).map { (name: "A\($0)", state: AgentLiveState(agentID: $0, activity: "ready", since: t0)) }
        let lines = MonitorScreen(campaign: "C", figures: nil, agents: agents, alerts: [], trend: [], now: t0).render(width: 40, height: 10)
        #expect(lines.count == 10)
        #expect(lines[9] == "… and 27 more agents")
    }

    @Test("nobody logged in: the frame says so instead of an empty table")
    func noAgents() {
        let lines = MonitorScreen(campaign: "C", figures: nil, agents: [], alerts: [], trend: [], now: Date()).render(width: 40, height: 8)
        #expect(lines[2] == "waiting for figures…")
        #expect(lines[5] == "no agent is logged in")
    }
}
