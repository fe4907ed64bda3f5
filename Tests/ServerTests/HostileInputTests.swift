import Campaigns
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Persistence
import Server
import Supervisor
import TestSupport
import Testing

/// Strings an attacker types into any field: SQL, markup, a script, a path.
enum HostileText {
    static let samples = [
        "Robert'); DROP TABLE contacts;--", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "../../etc/passwd",
        "' OR '1'='1", "{{t.signIn.title}}", "$(rm -rf /)", "NUL\u{0}byte",
    ]
}

@Suite("Hostile input: stored and shown back as text, never executed; paths outside the server's files are not reached")
struct HostileInputTests {
    @Test("SQL and markup in the API's text fields come back exactly as sent, and the tables are intact")
    func storedAsText() async throws {
        try await AdminAPITests.withAPI { client, database in
            for (index, text) in HostileText.samples.enumerated() where !text.contains("\u{0}") {
                let body = try JSONEncoder().encode(["code": "hostile_\(index)", "title": text, "purpose": "other", "text": text])
                try await client.execute(uri: "/api/consent-types", method: .post, headers: AdminAPITests.auth, body: ByteBuffer(bytes: body)) {
                    #expect($0.status == .created, "\(text)")
                }
                let source = try JSONEncoder().encode(["name": text, "kind": "manual"])
                try await client.execute(uri: "/api/sources", method: .post, headers: AdminAPITests.auth, body: ByteBuffer(bytes: source)) {
                    #expect($0.status == .created, "\(text)")
                }
                let campaign = try JSONSerialization.data(withJSONObject: ["name": text, "goal": text, "recording": false])
                try await client.execute(uri: "/api/campaigns", method: .post, headers: AdminAPITests.auth, body: ByteBuffer(bytes: campaign)) {
                    #expect($0.status == .created, "\(text)")
                }
            }
            let titles = try await database.query("SELECT title FROM consent_types WHERE code LIKE 'hostile_%' ORDER BY id").column(String.self)
            #expect(titles == HostileText.samples.filter { !$0.contains("\u{0}") })
            #expect(try await database.query("SELECT count(*) FROM campaigns").single().decode(Int.self, at: 0) == titles.count)
            #expect(try await database.query("SELECT to_regclass('contacts') IS NOT NULL").single().decode(Bool.self, at: 0))
            // A NUL cannot be stored in PostgreSQL's text: refused with an error, not half-written.
            let nul = try JSONEncoder().encode(["name": "NUL\u{0}byte", "kind": "manual"])
            try await client.execute(uri: "/api/sources", method: .post, headers: AdminAPITests.auth, body: ByteBuffer(bytes: nul)) {
                #expect($0.status.code >= 400)
            }
        }
    }

    @Test("markup typed into the sign-in form is shown back escaped")
    func reflectedEscaped() async throws {
        try await AccountPagesTests.withSite { client, _ in
            let answer = try await AccountPagesTests.signIn(client, login: "<script>alert(1)</script>", password: "x")
            let page = String(buffer: answer.body)
            #expect(!page.contains("<script>alert(1)</script>"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test("paths that try to climb out of the server's files reach nothing", arguments: [
        "/static/..%2F..%2FPackage.swift", "/static/../../etc/passwd", "/listen/..%2F..%2Fetc%2Fpasswd", "/listen/../../etc/passwd",
        "/api/recordings/..%2F..%2Fetc%2Fpasswd/audio",
    ])
    func traversal(_ path: String) async throws {
        try await AdminAPITests.withAPI { client, _ in
            try await client.execute(uri: path, method: .get, headers: AdminAPITests.auth) { response in
                #expect([.notFound, .badRequest].contains(response.status), "\(path): \(response.status)")
                #expect(!String(buffer: response.body).contains("root:x:0:0") && !String(buffer: response.body).contains("PackageDescription"))
            }
        }
    }
}
