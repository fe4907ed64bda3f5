import Hummingbird
import HummingbirdTesting
import Persistence
import Server
import Supervisor
import TestSupport
import Testing

@Suite("GET /health")
struct HealthTests {
    @Test("reports the schema version when PostgreSQL is reachable")
    func healthy() async throws {
        try await TestDatabase.withFresh { database in
            let app = Application(router: try ServerApplication.routes(database: database, vault: CampaignFixture.testVault, hub: SupervisorHub(database: database, logger: testLogger)).router)
            try await app.test(.router) { client in
                try await client.execute(uri: "/health", method: .get) { response in
                    #expect(response.status == .ok)
                    let body = String(buffer: response.body)
                    #expect(body.contains("\"status\":\"ok\""))
                    #expect(body.contains("\"schemaVersion\":"))
                }
            }
        }
    }

    @Test("answers 503 when the database cannot be reached")
    func unreachable() async throws {
        let database = Database(DatabaseConfiguration(url: "postgresql://nobody@127.0.0.1:1/none"), logger: testLogger)
        defer { database.close() }
        let app = Application(router: try ServerApplication.routes(database: database, vault: CampaignFixture.testVault, hub: SupervisorHub(database: database, logger: testLogger)).router)
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body).contains("unreachable"))
            }
        }
    }
}
