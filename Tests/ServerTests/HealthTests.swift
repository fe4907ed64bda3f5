import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Persistence
import Server
import Supervisor
import TestSupport
import Testing

@Suite("GET /health, /health/live, /health/ready; request ids")
struct HealthTests {
    /// The server's routes on `database`, called without a socket.
    static func application(_ database: Database) throws -> some ApplicationProtocol {
        Application(router: try ServerApplication.routes(database: database, vault: CampaignFixture.testVault, hub: SupervisorHub(database: database, logger: testLogger)).router)
    }

    @Test("reports the schema version when PostgreSQL is reachable")
    func healthy() async throws {
        try await TestDatabase.withFresh { database in
            let app = try Self.application(database)
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
        let app = try Self.application(database)
        try await app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body).contains("unreachable"))
            }
        }
    }

    @Test("is live without a database, and ready only while every migration of this build is applied")
    func liveAndReady() async throws {
        try await TestDatabase.withFresh { database in
            let app = try Self.application(database)
            try await app.test(.router) { client in
                try await client.execute(uri: "/health/ready", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("\"pendingMigrations\":[]"))
                }
                let latest = try await database.query("SELECT max(version) FROM schema_migrations").single().decode(Int.self, at: 0)
                try await database.execute("DELETE FROM schema_migrations WHERE version = \(latest)")
                try await client.execute(uri: "/health/ready", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(String(buffer: response.body).contains("\"pendingMigrations\":[\(latest)]"))
                }
                try await client.execute(uri: "/health", method: .get) { response in #expect(response.status == .serviceUnavailable) }
                try await client.execute(uri: "/health/live", method: .get) { response in #expect(response.status == .ok) }
            }
        }
        let nowhere = Database(DatabaseConfiguration(url: "postgresql://nobody@127.0.0.1:1/none"), logger: testLogger)
        defer { nowhere.close() }
        let app = try Self.application(nowhere)
        try await app.test(.router) { client in
            try await client.execute(uri: "/health/live", method: .get) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/health/ready", method: .get) { response in #expect(response.status == .serviceUnavailable) }
        }
    }

    @Test("every answer carries a request id: the caller's when it is a plain token, else a new one, and an error's body names it")
    func requestIDs() async throws {
        try await TestDatabase.withFresh { database in
            let app = try Self.application(database)
            let header = HTTPField.Name("X-Request-ID")!
            try await app.test(.router) { client in
                try await client.execute(uri: "/api/campaigns", method: .get, headers: [header: "from-the-proxy.42"]) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[header] == "from-the-proxy.42")
                    #expect(String(buffer: response.body).contains("\"requestId\":\"from-the-proxy.42\""))
                }
                var made: [String] = []
                for given in ["two words", String(repeating: "x", count: 129), "new\nline"] {
                    try await client.execute(uri: "/api/no/such/route", method: .get, headers: [header: given]) { response in
                        #expect(response.status == .notFound)
                        let id = try #require(response.headers[header])
                        #expect(id != given && !id.isEmpty)
                        #expect(String(buffer: response.body).contains("\"requestId\":\"\(id)\""))
                        made.append(id)
                    }
                }
                #expect(Set(made).count == 3)
            }
        }
    }
}
