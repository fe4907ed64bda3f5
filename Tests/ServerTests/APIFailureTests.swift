import Campaigns
import Foundation
import Hummingbird
import HummingbirdTesting
import Persistence
import TestSupport
import Testing

@Suite("Every kind of failure reaches an API caller as its status, a stable code and a message")
struct APIFailureTests {
    struct Answer: Decodable {
        let error: String
        let code: String
    }

    private func answer(_ response: TestResponse) throws -> Answer {
        try JSONDecoder().decode(Answer.self, from: Data(String(buffer: response.body).utf8))
    }

    private let auth = AdminAPITests.auth

    @Test("not found, invalid, conflict, a malformed body and a bad parameter")
    func refusals() async throws {
        try await AdminAPITests.withAPI { client, _ in
            try await client.execute(uri: "/api/campaigns/4711", method: .get, headers: auth) { response in
                let body = try answer(response)
                #expect(response.status == .notFound)
                #expect(body.code == "campaign.not_found" && body.error == "there is no campaign \"4711\"")
            }
            let tooHigh = Campaign(id: 0, name: "Za wysoki limit", abandonLimit: 2, recording: false, requiredConsents: [])
            try await client.execute(
                uri: "/api/campaigns", method: .post, headers: auth, body: ByteBuffer(bytes: try JSONEncoder().encode(tooHigh))
            ) { response in
                let body = try answer(response)
                #expect(response.status == .unprocessableContent)
                #expect(body.code == "campaign.abandon_limit_out_of_range" && body.error.contains("between 0 and 1"))
            }
            let consent = ByteBuffer(string: #"{"code": "telemarketing", "title": "Zgoda", "purpose": "telemarketing", "text": "Tekst."}"#)
            try await client.execute(uri: "/api/consent-types", method: .post, headers: auth, body: consent) { #expect($0.status == .created) }
            try await client.execute(uri: "/api/consent-types", method: .post, headers: auth, body: consent) { response in
                let body = try answer(response)
                #expect(response.status == .conflict && body.code == "consent.code_taken")
            }
            try await client.execute(uri: "/api/consent-types", method: .post, headers: auth, body: ByteBuffer(string: "{not json")) { response in
                let body = try answer(response)
                #expect(response.status == .badRequest && body.code == "http.400")
            }
            try await client.execute(
                uri: "/api/imports?source=S&duplicates=maybe", method: .post, headers: auth, body: ByteBuffer(string: "imie;telefon\n")
            ) { response in
                let body = try answer(response)
                #expect(response.status == .unprocessableContent)
                #expect(body.code == "request.bad_parameter" && body.error == "duplicates is skip or update")
            }
        }
    }

    @Test("personal data that cannot be opened is a 500 that says nothing of why")
    func vaultFailure() async throws {
        try await AdminAPITests.withAPI { client, database in
            _ = try await CampaignFixture.make(database, consenting: 2, withoutConsent: 0)
            // Altered at rest: the box no longer opens under its key.
            try await database.execute("UPDATE contacts SET sealed = overlay(sealed PLACING '\\x00'::bytea FROM 20 FOR 1)")
            try await client.execute(uri: "/api/exports", method: .post, headers: auth, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .internalServerError)
                let body = try answer(response)
                #expect(body.code == "internal" && body.error == "internal error")
                #expect(!String(buffer: response.body).contains("master key") && !String(buffer: response.body).contains("altered"))
            }
        }
    }

    @Test("a database that is gone is a 503 the caller can retry")
    func databaseGone() async throws {
        try await AdminAPITests.withAPI { client, database in
            database.close()
            try await client.execute(uri: "/api/campaigns", method: .get, headers: auth) { response in
                let body = try answer(response)
                #expect(response.status == .serviceUnavailable && body.code == "database.unavailable")
            }
        }
    }
}
