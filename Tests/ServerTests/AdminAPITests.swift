import Campaigns
import Foundation
import Hummingbird
import HummingbirdTesting
import Persistence
import Server
import Supervisor
import TestSupport
import Testing

@Suite("The administrator's JSON API")
struct AdminAPITests {
    static let token = "sbt_admin-api-tests"
    static let auth: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]

    /// Runs `body` with the API's router on a fresh database, without a socket.
    static func withAPI(_ body: @escaping @Sendable (any TestClientProtocol, Database) async throws -> Void) async throws {
        try await TestDatabase.withFresh { database in
            try await StaffFixture.member(database, token: Self.token)
            let routes = try ServerApplication.routes(
                database: database, vault: CampaignFixture.testVault, hub: SupervisorHub(database: database, logger: testLogger),
                settings: .init(passwordCost: 4))
            let app = Application(router: routes.router)
            try await app.test(.router) { client in try await body(client, database) }
        }
    }

    @Test("consent types, a source, an upload with its report, a campaign and its status")
    func administration() async throws {
        try await Self.withAPI { client, database in
            for (code, purpose) in [("processing", "processing"), ("telemarketing", "telemarketing")] {
                try await client.execute(
                    uri: "/api/consent-types", method: .post, headers: Self.auth,
                    body: ByteBuffer(string: #"{"code": "\#(code)", "title": "Zgoda", "purpose": "\#(purpose)", "text": "Tekst zgody."}"#)
                ) { #expect($0.status == .created) }
            }
            try await client.execute(uri: "/api/consent-types", method: .get, headers: Self.auth) { response in
                #expect(String(buffer: response.body).contains("\"code\":\"telemarketing\""))
            }
            try await client.execute(
                uri: "/api/consent-types/telemarketing/versions", method: .post, headers: Self.auth, body: ByteBuffer(string: #"{"text": "Nowy tekst."}"#)
            ) { response in #expect(String(buffer: response.body).contains("\"version\":2")) }

            try await client.execute(
                uri: "/api/sources", method: .post, headers: Self.auth, body: ByteBuffer(string: #"{"name": "Formularz", "kind": "web_form"}"#)
            ) { #expect($0.status == .created) }
            let csv = "imie;telefon;zgoda_telemarketing;zgoda_processing\nŁukasz;601 234 567;tak;tak\nJan;12;tak;tak\n"
            try await client.execute(
                uri: "/api/imports?source=Formularz&file=lista.csv", method: .post,
                headers: [.authorization: "Bearer \(Self.token)", .contentType: "text/csv"], body: ByteBuffer(string: csv)
            ) { response in
                #expect(response.status == .created)
                let body = String(buffer: response.body)
                #expect(body.contains("\"inserted\":1") && body.contains("\"rejected\":1"))
            }
            let importID = try await database.query("SELECT id FROM imports").single().decode(Int.self, at: 0)
            try await client.execute(uri: "/api/imports/\(importID)", method: .get, headers: Self.auth) { response in
                let body = String(buffer: response.body)
                #expect(body.contains("\"line\":3") && !body.contains("Łukasz"))
            }

            let script = try JSONEncoder().encode(CampaignFixture.script)
            var scriptID = 0
            try await client.execute(uri: "/api/scripts", method: .post, headers: Self.auth, body: ByteBuffer(bytes: script)) { response in
                #expect(response.status == .created)
            }
            scriptID = try await database.query("SELECT id FROM scripts").single().decode(Int.self, at: 0)
            let campaign = Campaign(id: 0, name: "Jesień", scriptID: scriptID, recording: false, requiredConsents: ["telemarketing"])
            try await client.execute(uri: "/api/campaigns", method: .post, headers: Self.auth, body: ByteBuffer(bytes: try JSONEncoder().encode(campaign))) {
                #expect($0.status == .created)
            }
            let id = try await database.query("SELECT id FROM campaigns").single().decode(Int.self, at: 0)
            try await client.execute(uri: "/api/campaigns/\(id)/status", method: .post, headers: Self.auth, body: ByteBuffer(string: #"{"status": "paused"}"#)) { response in
                #expect(response.status == .conflict)
                #expect(String(buffer: response.body).contains("a draft campaign cannot become paused"))
            }
            try await client.execute(uri: "/api/campaigns/\(id)/status", method: .post, headers: Self.auth, body: ByteBuffer(string: #"{"status": "active"}"#)) {
                #expect($0.status == .ok)
            }
            let actions = try await database.query("SELECT action FROM activity_log ORDER BY id").column(String.self)
            #expect(actions.contains("campaign.create") && actions.contains("campaign.status") && actions.contains("import"))
        }
    }

    @Test("bad requests get a clear error and a fitting status")
    func badRequests() async throws {
        try await Self.withAPI { client, _ in
            try await client.execute(uri: "/api/consent-types", method: .post, headers: Self.auth, body: ByteBuffer(string: #"{"code": "x"}"#)) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("title"))
            }
            var broken = CampaignFixture.script
            broken.steps.removeLast()
            try await client.execute(uri: "/api/scripts", method: .post, headers: Self.auth, body: ByteBuffer(bytes: try JSONEncoder().encode(broken))) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("leads to \\\"callback\\\", which does not exist"))
            }
            for path in ["", "/figures", "/funnel", "/agents/figures", "/reports/daily", "/stream"] {
                try await client.execute(uri: "/api/campaigns/9999" + path, method: .get, headers: Self.auth) { #expect($0.status == .notFound, "\(path)") }
            }
            try await client.execute(uri: "/api/recordings/\(UUID())/listens", method: .get, headers: Self.auth) { #expect($0.status == .notFound) }
            try await client.execute(
                uri: "/api/imports?source=S", method: .post, headers: [.authorization: "Bearer \(Self.token)"],
                body: ByteBuffer(bytes: [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("Nothing was imported"))
            }
            try await client.execute(uri: "/api/dnc", method: .post, headers: Self.auth, body: ByteBuffer(string: #"{"phone": "+48 601 234 567"}"#)) { response in
                #expect(response.status == .created)
                #expect(String(buffer: response.body) == #"{"listed":1}"#)
            }
        }
    }

    @Test("an export answers with the CSV and is logged")
    func export() async throws {
        try await Self.withAPI { client, database in
            _ = try await CampaignFixture.make(database, consenting: 2, withoutConsent: 1)
            try await client.execute(uri: "/api/exports", method: .post, headers: Self.auth, body: ByteBuffer(string: #"{"consent": "telemarketing", "consentGranted": true}"#)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(String(buffer: response.body).split(separator: "\n").count == 3)
            }
            #expect(try await database.query("SELECT count(*) FROM exports").single().decode(Int.self, at: 0) == 1)
        }
    }
}
