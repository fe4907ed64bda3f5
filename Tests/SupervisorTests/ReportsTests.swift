import Campaigns
import Foundation
import Persistence
import Supervisor
import TestSupport
import Testing

@Suite("Daily reports and the recordings library")
struct ReportsTests {
    @Test("the daily report's hours, agents and funnel as CSV and as a printable page")
    func dailyReport() async throws {
        try await TestDatabase.withFresh { database in
            let day = try await SupervisionFixture.make(database)
            try await database.execute("UPDATE agents SET name = 'Ola <b>&</b>' WHERE id = \(day.agents[0])")
            let report = try await DailyReport.make(campaignID: day.campaignID, containing: day.t0, database: database)
            #expect(report.day == "2025-12-01")
            #expect(report.campaignCSV == "hour,dialed,connected,successes,abandoned\n09:00,9,4,2,1\ntotal,9,4,2,1\n")
            #expect(report.agentCSV.contains("Bob,2,1,0.5000,240,50,145.0"))
            #expect(report.html.contains("<svg class=\"chart\""))
            // A printed page has no tooltips: the chart names its series and its hours.
            #expect(report.html.contains(">conversations</text>") && report.html.contains(">09:00</text>"))
            #expect(!report.html.contains(">10:00</text>"))  // only the hours with calls
            let quiet = try await DailyReport.make(campaignID: day.campaignID, containing: day.t0.addingTimeInterval(2 * 86_400), database: database)
            #expect(quiet.html.contains("No calls this day."))
            #expect(report.html.contains("Ola &lt;b&gt;&amp;&lt;/b&gt;"))
            #expect(!report.html.contains("<b>&</b>"))
        }
    }

    @Test("recordings are found by campaign, agent, outcome and length; a listen is logged once per player")
    func recordings() async throws {
        try await TestDatabase.withFresh { database in
            let day = try await SupervisionFixture.make(database)
            let folder = TestDatabase.scratchFolder + "/library-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let file = folder + "/kept.wav"
            try Data("RIFF....WAVE".utf8).write(to: URL(fileURLWithPath: file))
            let calls = try await database.query(
                "SELECT id, agent_id, connected_at FROM calls WHERE connected_at IS NOT NULL ORDER BY sequence").decode((Int, Int, Date).self)
            var ids: [UUID] = []
            for (index, call) in calls.enumerated() {
                let id = UUID()
                ids.append(id)
                try await database.execute(
                    """
                    INSERT INTO recordings (id, call_id, campaign_id, agent_id, started_at, duration_ms, codec, sample_rate, byte_size, sha256, storage_uri)
                    VALUES (\(id), \(call.0), \(day.campaignID), \(call.1), \(call.2), \(Int32((index + 1) * 60_000)), 'pcm_s16le', 8000, 1000,
                            \(index == 0 ? Data(repeating: 1, count: 32) : nil), \(index == 0 ? URL(fileURLWithPath: file).absoluteString : nil))
                    """)
            }
            let library = RecordingLibrary(database)
            #expect(try await library.search(.init()).count == 4)
            #expect(try await library.search(.init(agent: "Bob")).count == 2)
            #expect(try await library.search(.init(outcome: "sale")).count == 2)
            #expect(try await library.search(.init(minimumSeconds: 150)).count == 2)
            let entry = try #require(try await library.find(ids[0]))
            #expect(entry.playable && entry.outcome == "sale" && entry.agent == "Ala")
            let audio = try await library.open(ids[0], listener: "supervisor 1")
            #expect(audio?.url.path == file)
            #expect(audio?.byteSize == 12)
            #expect(try await library.open(ids[1], listener: "supervisor 1") == nil)  // metadata only
            // The player's further requests are the same listen; another supervisor's is a new one.
            _ = try await library.open(ids[0], listener: "supervisor 1")
            _ = try await library.open(ids[0], listener: "supervisor 2")
            let listens = try await library.listens(ids[0])
            #expect(listens.map(\.listener) == ["supervisor 2", "supervisor 1"])
            #expect(try await library.find(ids[0])?.listens == 2)
        }
    }
}
