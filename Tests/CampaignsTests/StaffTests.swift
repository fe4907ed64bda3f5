import Campaigns
import Foundation
import Persistence
import TestSupport
import Testing

@Suite("Staff accounts, passwords, sign-in, sessions and API tokens, in PostgreSQL")
struct StaffTests {
    /// bcrypt at its lowest cost: the same algorithm, fast enough for tests.
    static func store(_ database: Database) -> StaffStore { StaffStore(database, hasher: PasswordHasher(cost: 4)) }
    static let password = "Poprawne1!"

    @Test("an account with roles; a weak password refused with the rule it breaks; a taken login; the agent role seats an agent")
    func accounts() async throws {
        try await TestDatabase.withFresh { database in
            let store = Self.store(database)
            let anna = try await store.add(login: "anna.nowak", displayName: "Anna Nowak", roles: [.supervisor, .agent, .agent], password: Self.password, actor: "test")
            #expect(anna.roles == [.supervisor, .agent])
            let weak = await #expect(throws: StaffError.self) {
                try await store.add(login: "jan", displayName: "Jan", roles: [.agent], password: "haslo123", actor: "test")
            }
            #expect(weak == .weakPassword([.noUppercase]) && weak?.description == "the password needs an upper-case letter")
            await #expect(throws: StaffError.loginTaken("anna.nowak")) {
                try await store.add(login: "anna.nowak", displayName: "Druga", roles: [.agent], password: Self.password, actor: "test")
            }
            await #expect(throws: StaffError.malformedLogin("Anna Nowak")) {
                try await store.add(login: "Anna Nowak", displayName: "Anna", roles: [.agent], password: Self.password, actor: "test")
            }
            let seat = try await database.query("SELECT name, kind FROM agents WHERE staff_id = \(anna.id)").single().decode((String, String).self)
            #expect(seat.0 == "Anna Nowak" && seat.1 == "person")
            #expect(try await store.all().map(\.login) == ["anna.nowak"])
        }
    }

    @Test("the last active administrator can neither lose the role nor be disabled")
    func lastAdministrator() async throws {
        try await TestDatabase.withFresh { database in
            let store = Self.store(database)
            _ = try await store.add(login: "admin", displayName: "Admin", roles: [.administrator], password: Self.password, actor: "test")
            await #expect(throws: StaffError.lastAdministrator) { try await store.setRoles([.supervisor], of: "admin", actor: "test") }
            await #expect(throws: StaffError.lastAdministrator) { try await store.disable("admin", actor: "test") }
            _ = try await store.add(login: "drugi", displayName: "Drugi", roles: [.administrator], password: Self.password, actor: "test")
            #expect(try await store.disable("admin", actor: "test").disabledAt != nil)
        }
    }

    @Test("sign-in: a right password admits, a wrong one and an unknown login are refused alike, five lock, the sixth finds it locked; all logged without the password")
    func signIn() async throws {
        try await TestDatabase.withFresh { database in
            let store = Self.store(database)
            let member = try await store.add(login: "ewa", displayName: "Ewa", roles: [.agent], password: Self.password, actor: "test")
            let admitted = try await store.signIn(login: "ewa", password: Self.password, from: "test")
            #expect(admitted.member.id == member.id && !admitted.mustChangePassword)
            await #expect(throws: StaffError.wrongCredentials) { try await store.signIn(login: "nikt", password: Self.password, from: "test") }
            for _ in 1...4 {
                await #expect(throws: StaffError.wrongCredentials) { try await store.signIn(login: "ewa", password: "Zle-haslo-1", from: "test") }
            }
            let locked = await #expect(throws: StaffError.self) { try await store.signIn(login: "ewa", password: "Zle-haslo-1", from: "test") }
            guard case .locked = locked else { Issue.record("the fifth failure should lock, got \(String(describing: locked))"); return }
            let sixth = await #expect(throws: StaffError.self) { try await store.signIn(login: "ewa", password: Self.password, from: "test") }
            guard case .locked = sixth else { Issue.record("the sixth attempt should find the account locked"); return }
            #expect(sixth?.description.contains("locked") == true)
            let actions = try await database.query("SELECT action FROM activity_log WHERE action LIKE 'staff.%' ORDER BY id").column(String.self)
            #expect(actions.filter { $0 == "staff.sign_in_failed" }.count == 5)
            #expect(actions.contains("staff.sign_in") && actions.contains("staff.locked") && actions.last == "staff.sign_in_refused")
            let log = try await database.query("SELECT details::text FROM activity_log").column(String.self).joined()
            #expect(!log.contains(Self.password) && !log.contains("Zle-haslo-1"))
            // An administrator's enable lifts the lock.
            _ = try await store.enable("ewa", actor: "test")
            _ = try await store.signIn(login: "ewa", password: Self.password, from: "test")
        }
    }

    @Test("a password older than 30 days, or reset by an administrator, must be changed at sign-in; the last five may not come back")
    func passwordChanges() async throws {
        try await TestDatabase.withFresh { database in
            let store = Self.store(database)
            _ = try await store.add(login: "piotr", displayName: "Piotr", roles: [.supervisor], password: "Pierwsze1!", actor: "test")
            try await database.execute("UPDATE staff SET password_changed_at = now() - interval '31 days'")
            #expect(try await store.signIn(login: "piotr", password: "Pierwsze1!", from: "test").mustChangePassword)
            await #expect(throws: StaffError.currentPasswordWrong) {
                try await store.changePassword(of: "piotr", to: "Drugie22!", .bySelf(current: "Niepoprawne1"), actor: "test")
            }
            var current = "Pierwsze1!"
            for next in ["Drugie22!", "Trzecie3!", "Czwarte4!", "Piate555!"] {
                try await store.changePassword(of: "piotr", to: next, .bySelf(current: current), actor: "test")
                current = next
            }
            #expect(try await !store.signIn(login: "piotr", password: current, from: "test").mustChangePassword)
            await #expect(throws: StaffError.passwordReused(remembered: 5)) {
                try await store.changePassword(of: "piotr", to: "Pierwsze1!", .bySelf(current: current), actor: "test")
            }
            try await store.changePassword(of: "piotr", to: "Szoste66!", .bySelf(current: current), actor: "test")
            // Six passwords on, the first may be used again.
            try await store.changePassword(of: "piotr", to: "Pierwsze1!", .reset, actor: "test")
            #expect(try await store.signIn(login: "piotr", password: "Pierwsze1!", from: "test").mustChangePassword)
        }
    }

    @Test("a session is found by its token only; sign-out, a password change elsewhere, eight idle hours and a disabled member end it")
    func sessions() async throws {
        try await TestDatabase.withFresh { database in
            let store = Self.store(database), sessions = SessionStore(database)
            _ = try await store.add(login: "admin", displayName: "Admin", roles: [.administrator], password: Self.password, actor: "test")
            _ = try await store.add(login: "ola", displayName: "Ola", roles: [.supervisor], password: Self.password, actor: "test")
            let signIn = try await store.signIn(login: "ola", password: Self.password, from: "test")
            let (token, session) = try await sessions.open(for: signIn)
            #expect(try await sessions.session(token: token)?.id == session.id)
            #expect(try await sessions.session(token: token + "x") == nil)
            try await sessions.end(session)
            #expect(try await sessions.session(token: token) == nil)

            let (idle, _) = try await sessions.open(for: signIn)
            #expect(try await sessions.session(token: idle, at: Date().addingTimeInterval(8 * 3600 + 60)) == nil)
            #expect(try await sessions.session(token: idle) == nil)

            let (first, firstSession) = try await sessions.open(for: signIn)
            let (second, _) = try await sessions.open(for: signIn)
            try await store.changePassword(of: "ola", to: "Nowe-haslo-2", .bySelf(current: Self.password), actor: "test", keeping: firstSession.id)
            #expect(try await sessions.session(token: first) != nil)
            #expect(try await sessions.session(token: second) == nil)
            _ = try await store.disable("ola", actor: "test")
            #expect(try await sessions.session(token: first) == nil)
        }
    }

    @Test("an API token acts as its member until revoked or the member is disabled; only its hash is stored")
    func tokens() async throws {
        try await TestDatabase.withFresh { database in
            let store = Self.store(database), tokens = APITokenStore(database)
            _ = try await store.add(login: "admin", displayName: "Admin", roles: [.administrator], password: Self.password, actor: "test")
            _ = try await store.add(login: "skrypt", displayName: "Skrypt", roles: [.supervisor], password: Self.password, actor: "test")
            let (token, record) = try await tokens.issue(for: "skrypt", label: "raporty", actor: "test")
            #expect(token.hasPrefix("sbt_"))
            #expect(try await tokens.member(token: token)?.login == "skrypt")
            let stored = try await database.query("SELECT token_hash FROM staff_api_tokens").single().decode(Data.self, at: 0)
            #expect(!stored.isEmpty && String(decoding: stored, as: UTF8.self) != token)
            #expect(try await tokens.list(login: "skrypt").first?.lastUsedAt != nil)
            try await tokens.revoke(id: record.id, actor: "test")
            #expect(try await tokens.member(token: token) == nil)
            let (again, _) = try await tokens.issue(for: "skrypt", label: "drugi", actor: "test")
            _ = try await store.disable("skrypt", actor: "test")
            #expect(try await tokens.member(token: again) == nil)
        }
    }
}
