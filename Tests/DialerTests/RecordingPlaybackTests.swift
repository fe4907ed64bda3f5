import Campaigns
import Foundation
import Persistence
import TestSupport
import Testing

@testable import Dialer

@Suite("Recordings play in a real browser")
struct RecordingPlaybackTests {
    @Test("chromium plays the WAV files a run writes, each as long as its metadata says",
          .enabled(if: HeadlessBrowser.path != nil, "needs chromium (.ci/run installs it)"))
    func playsInChromium() async throws {
        let folder = TestDatabase.scratchFolder + "/playback-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(database, consenting: 30, withoutConsent: 0)
            var settings = SimulationSettings(agents: 2, hours: 1, seed: 7, start: CampaignFixture.monday)
            settings.recordingsFolder = folder
            _ = try await Simulation(database: database, logger: testLogger).run(campaign: fixture.campaign.name, settings: settings)
            let recordings = try await database.query(
                "SELECT storage_uri, duration_ms FROM recordings WHERE storage_uri IS NOT NULL ORDER BY started_at LIMIT 3"
            ).decode((String, Int).self)
            #expect(recordings.count == 3)
            for (uri, milliseconds) in recordings {
                let file = try #require(URL(string: uri))
                let page = file.deletingPathExtension().appendingPathExtension("html")
                try RecordingPlaybackPage.html(src: file.lastPathComponent).write(to: page, atomically: true, encoding: .utf8)
                let dom = try await HeadlessBrowser.dom(of: page, seconds: 10)
                let duration = try #require(RecordingPlaybackPage.duration(in: dom), "\(dom)")
                #expect(abs(duration * 1000 - Double(milliseconds)) < 1, "\(file.lastPathComponent)")
            }
        }
    }
}
