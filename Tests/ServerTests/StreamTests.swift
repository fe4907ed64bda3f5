import Campaigns
import EventStreamClient
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Metrics
import NIOCore
import Persistence
import Prometheus
@testable import Server
import Supervisor
import TestSupport
import Testing

/// The process's metrics registry: swift-metrics is bootstrapped once per process.
enum TestMetrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}

@Suite("The server over a real socket: the pushed stream, /metrics, recordings' audio")
struct StreamTests {
    static let token = "sbt_stream-tests"

    /// A running server on a free port, its supervisor hub started with it.
    func withServer(_ body: @escaping @Sendable (Int, any TestClientProtocol, Database) async throws -> Void) async throws {
        try await TestDatabase.withFresh { database in
            try await StaffFixture.member(database, token: Self.token)
            let app = try ServerApplication.make(
                database: database, vault: CampaignFixture.testVault, settings: .init(passwordCost: 4), metrics: TestMetrics.registry,
                logger: testLogger)
            try await app.test(.live) { client in try await body(try #require(client.port), client, database) }
        }
    }

    /// Opens the campaign's stream and collects its events.
    func view(port: Int, campaignID: Int, lastEventID: Int? = nil, into events: Shared<[SSEClient.Event]>) async throws -> any Channel {
        var headers = [("Authorization", "Bearer \(Self.token)")]
        if let lastEventID { headers.append(("Last-Event-ID", "\(lastEventID)")) }
        return try await SSEClient().connect(host: "127.0.0.1", port: port, path: "/api/campaigns/\(campaignID)/stream", headers: headers) { event in
            events.update { $0.append(event) }
        }
    }

    @Test("an event reaches a viewer; a viewer that reconnects with Last-Event-ID gets what it missed and nothing twice")
    func resume() async throws {
        try await withServer { port, client, database in
            let campaignID = try await CampaignFixture.make(database, consenting: 1, withoutConsent: 0).campaign.id
            // A second viewer stays all along, to know when the server has had every event.
            let watcher = Shared<[SSEClient.Event]>([])
            let watching = try await view(port: port, campaignID: campaignID, into: watcher)
            defer { watching.close(promise: nil) }
            let first = Shared<[SSEClient.Event]>([])
            let viewing = try await view(port: port, campaignID: campaignID, into: first)
            try await waitFor { first.value.contains { $0.name == "figures" } }
            try await Task.sleep(for: .milliseconds(300))  // the hub's LISTEN is up
            try await publishEvents(database, campaignID: campaignID, [testEvent(.dialed, 10)])
            try await waitFor { first.value.contains { $0.name == "events" } }
            #expect(first.value.first { $0.name == "events" }?.data.contains(#""kind":"dialed""#) == true)
            try await viewing.close()
            let lastSeen = try #require(first.value.compactMap(\.id).max())

            try await publishEvents(database, campaignID: campaignID, [testEvent(.connected, 20)])
            try await publishEvents(database, campaignID: campaignID, [testEvent(.ended, 30, detail: "sale 1")])
            try await waitFor { watcher.value.filter { $0.name == "events" }.count == 3 }
            let again = Shared<[SSEClient.Event]>([])
            let reviewing = try await view(port: port, campaignID: campaignID, lastEventID: lastSeen, into: again)
            defer { reviewing.close(promise: nil) }
            try await waitFor { again.value.filter { $0.name == "events" }.count >= 2 }
            let missed = again.value.filter { $0.name == "events" }
            #expect(missed.count == 2)
            #expect(missed[0].data.contains(#""kind":"connected""#) && missed[1].data.contains(#""kind":"ended""#))
            #expect(again.value.allSatisfy { ($0.id ?? 0) > lastSeen })
            #expect(!again.value.contains { $0.name == "reset" })
        }
    }

    @Test("the stream refuses a viewer without the token")
    func unauthorized() async throws {
        try await withServer { port, client, database in
            let campaignID = try await CampaignFixture.make(database, consenting: 1, withoutConsent: 0).campaign.id
            let events = Shared<[SSEClient.Event]>([])
            let channel = try await SSEClient().connect(host: "127.0.0.1", port: port, path: "/api/campaigns/\(campaignID)/stream") { event in
                events.update { $0.append(event) }
            }
            defer { channel.close(promise: nil) }
            try await Task.sleep(for: .milliseconds(300))
            #expect(events.value.isEmpty)
        }
    }

    @Test("/metrics is Prometheus text with the request, event and viewer series")
    func metrics() async throws {
        try await withServer { port, client, database in
            let campaignID = try await CampaignFixture.make(database, consenting: 1, withoutConsent: 0).campaign.id
            let events = Shared<[SSEClient.Event]>([])
            let viewing = try await view(port: port, campaignID: campaignID, into: events)
            defer { viewing.close(promise: nil) }
            try await waitFor { events.value.contains { $0.name == "figures" } }
            try await Task.sleep(for: .milliseconds(300))
            try await publishEvents(database, campaignID: campaignID, [testEvent(.dialed, 10)])
            try await waitFor { events.value.contains { $0.name == "events" } }
            // A request is counted once its response is written, so ask until one has been.
            var text = try await fetch(client, path: "/metrics")
            for _ in 0..<50 where !text.contains("switchboard_http_requests_total") {
                try await Task.sleep(for: .milliseconds(20))
                text = try await fetch(client, path: "/metrics")
            }
            #expect(text.contains("# TYPE switchboard_events_received_total counter"))
            #expect(text.contains("# TYPE switchboard_sse_viewers gauge"))
            #expect(text.contains("switchboard_http_requests_total"))
            let received = text.split(separator: "\n").first { $0.hasPrefix("switchboard_events_received_total ") }
            #expect((received?.split(separator: " ").last.flatMap { Double($0) } ?? 0) >= 1)
        }
    }

    @Test("a recording's audio plays where its file exists, and the listen is logged under the supervisor's name")
    func audio() async throws {
        try await withServer { port, client, database in
            let day = try await SupervisionFixture.make(database)
            let folder = TestDatabase.scratchFolder + "/audio-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let wav = Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt ".utf8)
            let id = try await Self.recording(wav, in: folder, database: database, campaignID: day.campaignID)
            let body = try await fetch(client, path: "/api/recordings/\(id)/audio")
            #expect(body == String(decoding: wav, as: UTF8.self))
            // A player seeking asks for parts; they are the same listen.
            let part = try await fetchRange(client, path: "/api/recordings/\(id)/audio", range: "bytes=8-11")
            #expect(part.status == .partialContent && part.body == "WAVE" && part.contentRange == "bytes 8-11/16")
            let tail = try await fetchRange(client, path: "/api/recordings/\(id)/audio", range: "bytes=-4")
            #expect(tail.status == .partialContent && tail.body == "fmt " && tail.contentRange == "bytes 12-15/16")
            let open = try await fetchRange(client, path: "/api/recordings/\(id)/audio", range: "bytes=4-")
            #expect(open.status == .partialContent && open.body.utf8.count == 12 && open.contentRange == "bytes 4-15/16")
            let beyond = try await fetchRange(client, path: "/api/recordings/\(id)/audio", range: "bytes=16-")
            #expect(beyond.status == .rangeNotSatisfiable && beyond.contentRange == "bytes */16")
            let several = try await fetchRange(client, path: "/api/recordings/\(id)/audio", range: "bytes=0-1,4-5")
            #expect(several.status == .ok && several.body.utf8.count == 16)  // several ranges: the whole file
            let backwards = try await fetchRange(client, path: "/api/recordings/\(id)/audio", range: "bytes=5-2")
            #expect(backwards.status == .ok && backwards.body.utf8.count == 16)  // nonsense is ignored
            let listens = try await fetch(client, path: "/api/recordings/\(id)/listens")
            #expect(listens.contains(#""listener":"Ewa Nowak""#))
            #expect(listens.components(separatedBy: "listener").count == 2)  // one listen
            let list = try await fetch(client, path: "/api/recordings?agent=Ala")
            #expect(list.contains(id.uuidString.lowercased()) || list.contains(id.uuidString))
        }
    }

    @Test("a playback link plays in a browser's <audio> without the token, logs one listen, and refuses forged or lapsed links",
          .enabled(if: HeadlessBrowser.path != nil, "needs chromium (.ci/run installs it)"))
    func playbackLink() async throws {
        try await withServer { port, client, database in
            let day = try await SupervisionFixture.make(database)
            let folder = TestDatabase.scratchFolder + "/link-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let wav = Self.silence(milliseconds: 1_500)
            let id = try await Self.recording(wav, in: folder, database: database, campaignID: day.campaignID)
            let headers: HTTPFields = [.authorization: "Bearer \(Self.token)"]
            let link = try await client.execute(uri: "/api/recordings/\(id)/link", method: .post, headers: headers) { response in
                #expect(response.status == .created)
                return try JSONDecoder().decode([String: String].self, from: Data(String(buffer: response.body).utf8))["audio"] ?? ""
            }
            #expect(link.hasPrefix("/listen/") && !link.contains("Ewa"))
            try await client.execute(uri: link, method: .get) { response in
                #expect(response.status == .ok && response.body.readableBytes == wav.count)
            }
            // A browser plays it from a page of its own, as an <audio> element does: no token.
            let page = URL(fileURLWithPath: folder + "/player.html")
            try RecordingPlaybackPage.html(src: "http://127.0.0.1:\(port)\(link)").write(to: page, atomically: true, encoding: .utf8)
            let dom = try await HeadlessBrowser.dom(of: page, seconds: 10)
            #expect(RecordingPlaybackPage.duration(in: dom) == 1.5, "\(dom)")
            // A changed token, or one past its time, plays nothing.
            var forged = Array(link)
            forged[forged.count - 3] = forged[forged.count - 3] == "A" ? "B" : "A"
            let lapsed = PlaybackTicket(recordingID: id, expires: Date().addingTimeInterval(-1)).token(signedBy: CampaignFixture.testVault)
            for uri in [String(forged), "/listen/\(lapsed)", "/listen/nonsense"] {
                try await client.execute(uri: uri, method: .get) { #expect($0.status == .notFound, "\(uri)") }
            }
            let listens = try await fetch(client, path: "/api/recordings/\(id)/listens")
            #expect(listens.components(separatedBy: "Ewa Nowak").count == 2)  // one listen, when the link was made
        }
    }

    /// A recording of the first connected call, its audio `bytes` written to `folder`.
    static func recording(_ bytes: Data, in folder: String, database: Database, campaignID: Int) async throws -> UUID {
        let file = URL(fileURLWithPath: folder + "/call.wav")
        try bytes.write(to: file)
        let call = try await database.query("SELECT id, agent_id, connected_at FROM calls WHERE agent_id IS NOT NULL ORDER BY sequence LIMIT 1")
            .single().decode((Int, Int, Date).self)
        let id = UUID()
        try await database.execute(
            """
            INSERT INTO recordings (id, call_id, campaign_id, agent_id, started_at, duration_ms, codec, sample_rate, byte_size, sha256, storage_uri)
            VALUES (\(id), \(call.0), \(campaignID), \(call.1), \(call.2), 60000, 'pcm_s16le', 8000, \(bytes.count), \(Data(repeating: 1, count: 32)),
                    \(file.absoluteString))
            """)
        return id
    }

    /// A playable WAV of silence: 8 kHz, 16-bit, mono.
    static func silence(milliseconds: Int) -> Data {
        let dataBytes = UInt32(milliseconds * 8 * 2)
        func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
        func le16(_ value: UInt16) -> [UInt8] { [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)] }
        var header = Array("RIFF".utf8) + le32(36 + dataBytes) + Array("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(1)
        header += le32(8_000) + le32(16_000) + le16(2) + le16(16) + Array("data".utf8) + le32(dataBytes)
        return Data(header) + Data(count: Int(dataBytes))
    }

    /// GET with the API token and a `Range` header, as the supervisor Ewa Nowak.
    func fetchRange(_ client: any TestClientProtocol, path: String, range: String) async throws -> (
        status: HTTPResponse.Status, body: String, contentRange: String?
    ) {
        let headers: HTTPFields = [.authorization: "Bearer \(Self.token)", .range: range]
        return try await client.execute(uri: path, method: .get, headers: headers) { response in
            (response.status, String(buffer: response.body), response.headers[.contentRange])
        }
    }

    /// GET with the API token; the body, after checking for 200.
    func fetch(_ client: any TestClientProtocol, path: String, headers: HTTPFields = [:]) async throws -> String {
        var headers = headers
        headers[.authorization] = "Bearer \(Self.token)"
        return try await client.execute(uri: path, method: .get, headers: headers) { response in
            #expect(response.status == .ok, "\(path)")
            return String(buffer: response.body)
        }
    }
}
