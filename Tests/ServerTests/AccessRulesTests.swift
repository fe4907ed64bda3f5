import Campaigns
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Persistence
@testable import Server
import Supervisor
import TestSupport
import Testing

/// Every route, called by every kind of caller, against a policy written down here a second
/// time: a route added to the application without an entry below fails this test, and so does
/// a rule that differs from the entry.
@Suite("Who may use which route: every route × every role, no one, and a revoked token")
struct AccessRulesTests {
    static let administrator = Access.only(.administrator)
    static let supervision = Access.only(.administrator, .supervisor)
    /// Recordings and erasures: supervisors only (administrators may hold the role as well).
    static let recordings = Access.only(.supervisor)
    static let staff = Access.only(.administrator, .supervisor, .agent)

    /// The policy, by "METHOD path".
    static let policy: [String: Access] = [
        "GET /health": .anyone,
        "GET /health/live": .anyone,
        "GET /health/ready": .anyone,
        "GET /metrics": .anyone,
        "GET /static/:file": .anyone,
        "GET /": .anyone,
        "GET /sign-in": .anyone,
        "POST /sign-in": .anyone,
        "POST /sign-out": .ownAccount,
        "GET /password": .ownAccount,
        "POST /password": .ownAccount,
        "GET /language/:code": .anyone,
        "GET /listen/:token": .anyone,
        "GET /api/openapi.json": .anyone,
        "GET /api/consent-types": staff,
        "POST /api/consent-types": administrator,
        "POST /api/consent-types/:code/versions": administrator,
        "GET /api/contacts/:id/consents": supervision,
        "POST /api/contacts/:id/consents": administrator,
        "GET /api/sources": administrator,
        "POST /api/sources": administrator,
        "POST /api/imports": administrator,
        "GET /api/imports/:id": administrator,
        "POST /api/exports": administrator,
        "GET /api/scripts": supervision,
        "POST /api/scripts": administrator,
        "GET /api/scripts/:name": staff,
        "GET /api/campaigns": staff,
        "POST /api/campaigns": administrator,
        "GET /api/campaigns/:id": staff,
        "POST /api/campaigns/:id/status": supervision,
        "POST /api/campaigns/:id/agents": administrator,
        "GET /api/dnc": supervision,
        "POST /api/dnc": supervision,
        "GET /api/activity": administrator,
        "GET /api/staff": administrator,
        "POST /api/staff": administrator,
        "GET /api/staff/:login": administrator,
        "POST /api/staff/:login/roles": administrator,
        "POST /api/staff/:login/disable": administrator,
        "POST /api/staff/:login/enable": administrator,
        "POST /api/staff/:login/password": administrator,
        "GET /api/staff/:login/tokens": administrator,
        "POST /api/staff/:login/tokens": administrator,
        "POST /api/tokens/:id/revoke": administrator,
        "GET /api/me": .ownAccount,
        "POST /api/me/password": .ownAccount,
        "GET /api/me/tokens": staff,
        "POST /api/me/tokens": staff,
        "POST /api/me/tokens/:id/revoke": staff,
        "GET /api/campaigns/:id/stream": supervision,
        "GET /api/campaigns/:id/figures": supervision,
        "GET /api/campaigns/:id/funnel": supervision,
        "GET /api/campaigns/:id/agents/figures": supervision,
        "GET /api/campaigns/:id/reports/daily": supervision,
        "GET /api/recordings": recordings,
        "GET /api/recordings/:id": recordings,
        "GET /api/recordings/:id/listens": recordings,
        "GET /api/recordings/:id/audio": recordings,
        "POST /api/recordings/:id/link": recordings,
        "POST /api/erasures": staff,
        "GET /api/erasures": recordings,
        "GET /api/erasures/:id": recordings,
        "POST /api/erasures/:id/undo": staff,
        "POST /api/erasures/:id/confirm": recordings,
        "POST /api/erasures/:id/reject": recordings,
        "GET /api/erasures/:id/certificate": recordings,
    ]

    /// Who calls: a member of each role (by API token), nobody, and a token that was revoked.
    enum Caller: String, CaseIterable, CustomStringConvertible {
        case administrator, supervisor, agent, nobody, revoked

        var token: String? {
            switch self {
            case .administrator: "sbt_rule-administrator"
            case .supervisor: "sbt_rule-supervisor"
            case .agent: "sbt_rule-agent"
            case .revoked: "sbt_rule-revoked"
            case .nobody: nil
            }
        }

        var role: Role? {
            switch self {
            case .administrator: .administrator
            case .supervisor: .supervisor
            case .agent: .agent
            case .nobody, .revoked: nil
            }
        }

        var description: String { rawValue }
    }

    @Test("every route has exactly the rule the policy gives it")
    func everyRouteHasItsRule() async throws {
        try await TestDatabase.withFresh { database in
            let routes = try Self.routes(database)
            let registered = Dictionary(uniqueKeysWithValues: routes.all.map { ("\($0.method) \($0.path)", $0.access) })
            for (route, access) in registered {
                #expect(Self.policy[route] == access, "\(route) is \(access); the policy says \(Self.policy[route].map(\.description) ?? "nothing")")
            }
            #expect(Set(Self.policy.keys).subtracting(registered.keys).sorted() == [], "the policy names routes that do not exist")
        }
    }

    @Test("each caller gets in exactly where the rule lets them, and is refused elsewhere with the right answer")
    func everyCallerEveryRoute() async throws {
        try await TestDatabase.withFresh { database in
            for caller in Caller.allCases {
                guard let token = caller.token else { continue }
                let member = try await StaffFixture.member(
                    database, login: "rule-\(caller)", name: "Rule \(caller)", roles: [caller.role ?? .agent], token: token)
                if caller == .revoked {
                    try await database.execute("UPDATE staff_api_tokens SET revoked_at = now() WHERE staff_id = \(member.id)")
                }
            }
            let routes = try Self.routes(database)
            let all = routes.all
            try await Application(router: routes.router).test(.router) { client in
                for route in all {
                    for caller in Caller.allCases {
                        let identity = caller.role.map { role in
                            Identity(
                                member: StaffMember(id: 0, login: "x", displayName: "x", roles: [role], passwordChangedAt: Date()),
                                credential: .token)
                        }
                        let admitted = route.access.verdict(for: identity) == .admitted
                        let response = try await Self.call(route, as: caller, client)
                        let refusal = Self.refusal(of: response, api: route.path.hasPrefix("/api"))
                        if admitted {
                            #expect(refusal == nil, "\(route) refused \(caller): \(refusal ?? "")")
                        } else {
                            let expected = caller.role == nil ? "unauthenticated" : "forbidden"
                            #expect(refusal == expected, "\(route) answered \(caller) with \(response.status) (\(refusal ?? "admitted")), not \(expected)")
                        }
                    }
                }
            }
        }
    }

    static func routes(_ database: Database) throws -> Routes {
        try ServerApplication.routes(
            database: database, vault: CampaignFixture.testVault, hub: SupervisorHub(database: database, logger: testLogger),
            settings: .init(passwordCost: 4))
    }

    /// Calls the route with its parameters filled in (ids of nothing that exists), an empty
    /// JSON body for a change, as the caller.
    static func call(_ route: Routes.Route, as caller: Caller, _ client: any TestClientProtocol) async throws -> TestResponse {
        let path = route.path.split(separator: "/").map { part -> String in
            guard part.hasPrefix(":") else { return String(part) }
            switch part {
            case ":id" where route.path.contains("/recordings/"): return UUID().uuidString
            case ":id": return "4711"
            case ":file": return "app.css"
            case ":code" where route.path.hasPrefix("/language"): return "en"
            default: return "nothing"
            }
        }.joined(separator: "/")
        var headers: HTTPFields = [.acceptLanguage: "en", .contentType: "application/json"]
        if let token = caller.token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(
            uri: "/" + path, method: route.method, headers: headers, body: route.method == .get ? nil : ByteBuffer(string: "{}")) { $0 }
    }

    /// Whether the answer is an access refusal, and which: "unauthenticated", "forbidden", or nil.
    static func refusal(of response: TestResponse, api: Bool) -> String? {
        let body = String(buffer: response.body)
        if api {
            if response.status == .unauthorized && body.contains("\"access.unauthenticated\"") { return "unauthenticated" }
            if response.status == .forbidden && body.contains("\"access.forbidden\"") { return "forbidden" }
            return nil
        }
        if response.status == .seeOther && response.headers[.location]?.hasPrefix("/sign-in?next=") == true { return "unauthenticated" }
        if response.status == .forbidden && body.contains("Your role does not allow this page.") { return "forbidden" }
        return nil
    }
}
