import Campaigns
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Persistence
@testable import Server
import Subprocess
import Supervisor
import TestSupport
import Testing

#if canImport(System)
import System
#else
import SystemPackage
#endif

@Suite("The OpenAPI description: every route of the JSON API, and answers that fit it")
struct OpenAPITests {
    static let token = "sbt_openapi-tests"

    static func withDocument(_ body: @escaping @Sendable (any TestClientProtocol, Database, [String: Any], Routes) async throws -> Void) async throws {
        try await TestDatabase.withFresh { database in
            try await StaffFixture.member(database, token: Self.token)
            let routes = try ServerApplication.routes(
                database: database, vault: CampaignFixture.testVault, hub: SupervisorHub(database: database, logger: testLogger),
                settings: .init(passwordCost: 4))
            nonisolated(unsafe) let unsafeRoutes = routes
            try await Application(router: routes.router).test(.router) { client in
                let response = try await client.execute(uri: "/api/openapi.json", method: .get) { $0 }
                #expect(response.status == .ok)
                let document = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
                nonisolated(unsafe) let unsafeDocument = document
                try await body(client, database, unsafeDocument, unsafeRoutes)
            }
        }
    }

    @Test("every /api route is described, with its roles, and nothing else is; every $ref has its schema")
    func everyRoute() async throws {
        try await Self.withDocument { _, _, document, routes in
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var described: Set<String> = []
            for (path, methods) in paths { for method in methods.keys { described.insert("\(method.uppercased()) \(path)") } }
            let api = routes.all.filter { $0.path.hasPrefix("/api/") }
            for route in api {
                #expect(route.operation != nil, "\(route) has no description")
            }
            let expected = Set(api.map { route in
                "\(route.method) " + route.path.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                    .joined(separator: "/").replacingOccurrences(of: "api", with: "/api", options: .anchored)
            })
            #expect(described == expected)
            let operation = try #require(paths["/api/campaigns/{id}"]?["get"] as? [String: Any])
            #expect(operation["x-roles"] as? String == "administrator or supervisor or agent")
            let text = String(decoding: try JSONSerialization.data(withJSONObject: document), as: UTF8.self)
            let components = (document["components"] as? [String: Any])?["schemas"] as? [String: Any] ?? [:]
            for reference in Set(text.components(separatedBy: "#\\/components\\/schemas\\/").dropFirst().map { String($0.prefix { $0 != "\"" }) }) {
                #expect(components[reference] != nil, "$ref \(reference) has no schema")
            }
        }
    }

    @Test("the answers of the API's reads fit the schemas the description gives them")
    func answersFit() async throws {
        try await Self.withDocument { client, database, document, _ in
            let day = try await SupervisionFixture.make(database)
            let check = JSONSchemaCheck(document: document)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let recording = try await database.query("SELECT id FROM recordings LIMIT 1").first?.decode(UUID.self, at: 0)
            let reads: [(uri: String, template: String)] = [
                ("/api/campaigns", "/api/campaigns"), ("/api/campaigns/\(day.campaignID)", "/api/campaigns/{id}"),
                ("/api/consent-types", "/api/consent-types"), ("/api/sources", "/api/sources"), ("/api/scripts", "/api/scripts"),
                ("/api/dnc", "/api/dnc"), ("/api/activity", "/api/activity"), ("/api/staff", "/api/staff"),
                ("/api/staff/ewa.nowak", "/api/staff/{login}"), ("/api/staff/ewa.nowak/tokens", "/api/staff/{login}/tokens"),
                ("/api/me", "/api/me"), ("/api/me/tokens", "/api/me/tokens"),
                ("/api/campaigns/\(day.campaignID)/figures?from=2026-11-26&to=2026-11-27", "/api/campaigns/{id}/figures"),
                ("/api/campaigns/\(day.campaignID)/funnel?from=2026-11-26&to=2026-11-27", "/api/campaigns/{id}/funnel"),
                ("/api/campaigns/\(day.campaignID)/agents/figures?from=2026-11-26&to=2026-11-27", "/api/campaigns/{id}/agents/figures"),
                ("/api/campaigns/\(day.campaignID)/reports/daily?day=2026-11-26&format=json", "/api/campaigns/{id}/reports/daily"),
                ("/api/recordings", "/api/recordings"), ("/api/erasures?status=all", "/api/erasures"),
            ] + (recording.map { [("/api/recordings/\($0)", "/api/recordings/{id}"), ("/api/recordings/\($0)/listens", "/api/recordings/{id}/listens")] } ?? [])
            for read in reads {
                let response = try await client.execute(uri: read.uri, method: .get, headers: [.authorization: "Bearer \(Self.token)"]) { $0 }
                #expect(response.status == .ok, "\(read.uri): \(response.status)")
                let operation = try #require(paths[read.template]?["get"] as? [String: Any], "\(read.template) is not described")
                let schema = try #require(
                    (((operation["responses"] as? [String: Any])?["200"] as? [String: Any])?["content"] as? [String: Any])?["application/json"]
                        as? [String: Any])?["schema"] as? [String: Any]
                let value = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8), options: .fragmentsAllowed)
                #expect(check.problems(value, schema ?? [:]) == [], "\(read.uri)")
            }
            let refused = try await client.execute(uri: "/api/campaigns/4711", method: .get, headers: [.authorization: "Bearer \(Self.token)"]) { $0 }
            let error = try JSONSerialization.jsonObject(with: Data(String(buffer: refused.body).utf8))
            #expect(check.problems(error, ["$ref": "#/components/schemas/Error"]) == [])
        }
    }

    @Test("the description passes openapi-spec-validator (PyPI), when it is installed")
    func validates() async throws {
        try await Self.withDocument { client, _, _, _ in
            let response = try await client.execute(uri: "/api/openapi.json", method: .get) { $0 }
            let file = TestDatabase.scratchFolder + "/openapi-\(UUID().uuidString).json"
            try Data(String(buffer: response.body).utf8).write(to: URL(fileURLWithPath: file))
            let probe = try await Subprocess.run(
                .name("python3"), arguments: ["-c", "import openapi_spec_validator"], output: .discarded, error: .discarded)
            guard probe.terminationStatus.isSuccess else { return }  // .ci/run installs it
            let result = try await Subprocess.run(
                .name("python3"), arguments: ["-m", "openapi_spec_validator", file], output: .string(limit: 1 << 20), error: .combinedWithOutput)
            #expect(result.terminationStatus.isSuccess, "\(result.standardOutput)")
        }
    }
}
