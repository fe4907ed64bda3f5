import Foundation
import Persistence
import Supervisor
import TestSupport
import Testing

@Suite("The printable daily report as a browser reads it")
struct ReportPageTests {
    @Test("chromium finds the figures, the agents as text, and a chart of three bars an hour with its legend",
          .enabled(if: HeadlessBrowser.path != nil, "needs chromium (.ci/run installs it)"))
    func reportInBrowser() async throws {
        try await TestDatabase.withFresh { database in
            let day = try await SupervisionFixture.make(database)
            try await database.execute("UPDATE agents SET name = 'Ola <b>&</b>' WHERE id = \(day.agents[0])")
            let report = try await DailyReport.make(campaignID: day.campaignID, containing: day.t0, database: database)
            let file = URL(fileURLWithPath: TestDatabase.scratchFolder + "/report-\(UUID().uuidString).html")
            try report.html.write(to: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: file) }

            let dom = try await HeadlessBrowser.dom(of: file)
            #expect(dom.contains("<h1>") && dom.contains("daily report, 2025-12-01</h1>"))
            #expect(dom.contains("<th scope=\"row\">Dialed</th><td>9</td>"))
            // The agent's name is text on the page, not markup the browser obeyed.
            #expect(dom.contains("Ola &lt;b&gt;&amp;&lt;/b&gt;") && !dom.contains("<b>&amp;</b>"))
            let chart = try #require(dom.range(of: "<svg").flatMap { start in dom.range(of: "</svg>").map { dom[start.lowerBound..<$0.upperBound] } })
            #expect(chart.components(separatedBy: "<rect").count - 1 == 3 + 3)  // one hour of three bars, three legend swatches
            #expect(chart.contains(">dialed</text>") && chart.contains(">09:00</text>"))
        }
    }
}
