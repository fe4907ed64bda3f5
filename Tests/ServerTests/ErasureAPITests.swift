import Campaigns
import Foundation
import Hummingbird
import HummingbirdTesting
import Persistence
import Server
import Supervisor
import TestSupport
import Testing

@Suite("Erasure requests over the API: an agent files, the same person cannot decide, another supervisor confirms")
struct ErasureAPITests {
    @Test("four eyes through HTTP, and the certificate after")
    func fourEyes() async throws {
        try await TestDatabase.withFresh { database in
            let contact = try await CampaignFixture.make(database, consenting: 1, withoutConsent: 0).consenting[0]
            try await StaffFixture.member(database, login: "adam", name: "Adam Agent", roles: [.agent, .supervisor], token: "sbt_adam")
            try await StaffFixture.member(database, login: "sabina", name: "Sabina Super", roles: [.supervisor], token: "sbt_sabina")
            let routes = try ServerApplication.routes(
                database: database, vault: CampaignFixture.testVault, hub: SupervisorHub(database: database, logger: testLogger),
                settings: .init(passwordCost: 4))
            try await Application(router: routes.router).test(.router) { client in
                func post(_ path: String, as token: String, _ body: String = "{}") async throws -> TestResponse {
                    try await client.execute(
                        uri: path, method: .post, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                        body: ByteBuffer(string: body)) { $0 }
                }
                let filed = try await post("/api/erasures", as: "sbt_adam", #"{"contact": \#(contact), "reason": "na prośbę w rozmowie"}"#)
                #expect(filed.status == .created)
                let id = try await database.query("SELECT id FROM erasure_requests").single().decode(Int.self, at: 0)
                let own = try await post("/api/erasures/\(id)/confirm", as: "sbt_adam")
                #expect(own.status == .forbidden && String(buffer: own.body).contains("erasure.own_request"))
                let confirmed = try await post("/api/erasures/\(id)/confirm", as: "sbt_sabina")
                #expect(confirmed.status == .ok && String(buffer: confirmed.body).contains("\"status\":\"confirmed\""))
                #expect(!String(buffer: confirmed.body).contains("Jan0"))
                let certificate = try await client.execute(
                    uri: "/api/erasures/\(id)/certificate?language=en", method: .get, headers: [.authorization: "Bearer sbt_sabina"]) { $0 }
                #expect(String(buffer: certificate.body).contains("confirmed by Sabina Super"))
            }
        }
    }
}
