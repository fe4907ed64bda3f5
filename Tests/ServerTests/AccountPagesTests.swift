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

@Suite("Signing in and out in the browser: the policy, sessions, cookies and CSRF")
struct AccountPagesTests {
    /// The pages' router on a fresh database with a supervisor `ola` (password current).
    static func withSite(_ body: @escaping @Sendable (any TestClientProtocol, Database) async throws -> Void) async throws {
        try await TestDatabase.withFresh { database in
            try await StaffFixture.member(database, login: "ola", name: "Ola Nowak", roles: [.supervisor])
            let routes = try ServerApplication.routes(
                database: database, vault: CampaignFixture.testVault, hub: SupervisorHub(database: database, logger: testLogger),
                settings: .init(passwordCost: 4))
            try await Application(router: routes.router).test(.router) { client in try await body(client, database) }
        }
    }

    /// The value of a cookie the response sets, and the whole Set-Cookie line.
    static func setCookie(_ name: String, in response: TestResponse) -> (value: String, line: String)? {
        for line in response.headers[values: .setCookie] where line.hasPrefix(name + "=") {
            return (String(line.dropFirst(name.count + 1).prefix { $0 != ";" }), line)
        }
        return nil
    }

    /// Opens the sign-in form and posts it; returns the answer.
    static func signIn(
        _ client: any TestClientProtocol, login: String, password: String, withToken: Bool = true
    ) async throws -> TestResponse {
        let form = try await client.execute(uri: "/sign-in", method: .get, headers: [.acceptLanguage: "en"]) { $0 }
        let token = try #require(setCookie(AccountPagesFixture.signInCookie, in: form)?.value)
        var body = "login=\(login)&password=\(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        if withToken { body += "&_csrf=\(token)" }
        return try await client.execute(
            uri: "/sign-in", method: .post,
            headers: [
                .contentType: "application/x-www-form-urlencoded", .cookie: "\(AccountPagesFixture.signInCookie)=\(token)", .acceptLanguage: "en",
            ],
            body: ByteBuffer(string: body)) { $0 }
    }

    @Test("a right password opens a new session in an HttpOnly, SameSite=Lax cookie; a wrong one is refused with the reason; no token, no sign-in")
    func signingIn() async throws {
        try await Self.withSite { client, _ in
            let refused = try await Self.signIn(client, login: "ola", password: "Zle-haslo-1")
            #expect(refused.status == .unauthorized && Self.setCookie("sb_session", in: refused) == nil)
            #expect(String(buffer: refused.body).contains("The login or the password is wrong"))
            let forged = try await Self.signIn(client, login: "ola", password: StaffFixture.password, withToken: false)
            #expect(forged.status == .forbidden)
            let first = try await Self.signIn(client, login: "ola", password: StaffFixture.password)
            #expect(first.status == .seeOther && first.headers[.location] == "/supervisor")
            let cookie = try #require(Self.setCookie("sb_session", in: first))
            #expect(cookie.line.contains("HttpOnly") && cookie.line.contains("SameSite=Lax") && cookie.line.contains("Path=/"))
            // Signing in again gives a new session, never the one a browser already held.
            let second = try await Self.signIn(client, login: "ola", password: StaffFixture.password)
            #expect(Self.setCookie("sb_session", in: second)?.value != cookie.value)
        }
    }

    @Test("a session cookie replayed after sign-out is refused; a form without its CSRF token is refused")
    func signingOut() async throws {
        try await Self.withSite { client, _ in
            let session = try #require(Self.setCookie("sb_session", in: try await Self.signIn(client, login: "ola", password: StaffFixture.password)))
            let cookie: HTTPFields = [.cookie: "sb_session=\(session.value)"]
            let me = try await client.execute(uri: "/api/me", method: .get, headers: cookie) { $0 }
            #expect(me.status == .ok)
            let csrf = try #require(String(buffer: me.body).split(separator: "\"").drop { $0 != "csrfToken" }.dropFirst(2).first)
            let noToken = try await client.execute(
                uri: "/sign-out", method: .post, headers: cookie + [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "")) { $0 }
            #expect(noToken.status == .forbidden)
            let out = try await client.execute(
                uri: "/sign-out", method: .post, headers: cookie + [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "_csrf=\(csrf)")) { $0 }
            #expect(out.status == .seeOther && Self.setCookie("sb_session", in: out)?.line.contains("Max-Age=0") == true)
            let replayed = try await client.execute(uri: "/api/me", method: .get, headers: cookie) { $0 }
            #expect(replayed.status == .unauthorized)
            let page = try await client.execute(uri: "/password", method: .get, headers: cookie) { $0 }
            #expect(page.status == .seeOther && page.headers[.location]?.hasPrefix("/sign-in?next=") == true)
        }
    }

    @Test("an expired password leads to the password page and nowhere else; a weak new one is refused with the rule it breaks")
    func expiredPassword() async throws {
        try await Self.withSite { client, database in
            try await database.execute("UPDATE staff SET password_changed_at = now() - interval '31 days'")
            let signedIn = try await Self.signIn(client, login: "ola", password: StaffFixture.password)
            #expect(signedIn.headers[.location] == "/password")
            let session = try #require(Self.setCookie("sb_session", in: signedIn)).value
            let cookie: HTTPFields = [.cookie: "sb_session=\(session)", .acceptLanguage: "en"]
            let elsewhere = try await client.execute(uri: "/api/campaigns", method: .get, headers: cookie) { $0 }
            #expect(elsewhere.status == .forbidden && String(buffer: elsewhere.body).contains("access.password_change_required"))
            let page = try await client.execute(uri: "/password", method: .get, headers: cookie) { $0 }
            let html = String(buffer: page.body)
            #expect(page.status == .ok && html.contains("has expired"))
            let csrf = try #require(html.split(separator: "\"").drop { $0 != "csrf-token" }.dropFirst(2).first)
            let form: HTTPFields = cookie + [.contentType: "application/x-www-form-urlencoded"]
            let weak = try await client.execute(
                uri: "/password", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(csrf)&current=\(StaffFixture.password)&new=slabehaslo1&confirm=slabehaslo1")) { $0 }
            #expect(weak.status == .unprocessableContent && String(buffer: weak.body).contains("contain an upper-case letter"))
            let changed = try await client.execute(
                uri: "/password", method: .post, headers: form,
                body: ByteBuffer(string: "_csrf=\(csrf)&current=\(StaffFixture.password)&new=Mocne-haslo-2&confirm=Mocne-haslo-2")) { $0 }
            #expect(changed.status == .seeOther)
            let now = try await client.execute(uri: "/api/campaigns", method: .get, headers: cookie) { $0 }
            #expect(now.status == .ok)
        }
    }

    @Test("the fifth wrong password locks the account and the page says until when; the sixth attempt, right or not, is refused")
    func lockout() async throws {
        try await Self.withSite { client, _ in
            for _ in 1...4 { _ = try await Self.signIn(client, login: "ola", password: "Zle-haslo-1") }
            let fifth = try await Self.signIn(client, login: "ola", password: "Zle-haslo-1")
            #expect(fifth.status == .forbidden && String(buffer: fifth.body).contains("Try again after"))
            let sixth = try await Self.signIn(client, login: "ola", password: StaffFixture.password)
            #expect(sixth.status == .forbidden && Self.setCookie("sb_session", in: sixth) == nil)
        }
    }
}

extension AccountPagesTests {
    @Test("an address that failed 20 sign-ins in a few minutes, across any logins, is refused with 429 and Retry-After, even with a right password")
    func throttle() async throws {
        try await Self.withSite { client, _ in
            for attempt in 1...20 { _ = try await Self.signIn(client, login: "nobody\(attempt)", password: "Zle-haslo-1") }
            let refused = try await Self.signIn(client, login: "ola", password: StaffFixture.password)
            #expect(refused.status == .tooManyRequests && Self.setCookie("sb_session", in: refused) == nil)
            #expect(Int(refused.headers[.retryAfter] ?? "") ?? 0 > 0)
            #expect(String(buffer: refused.body).contains("Too many failed sign-ins from this address"))
        }
    }
}

/// Names the pages use that a test must know.
enum AccountPagesFixture {
    static let signInCookie = "sb_signin"
}
