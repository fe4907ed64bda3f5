import Campaigns
import Persistence

/// The demonstration's sign-ins, one for each role. Each run gives them fresh random passwords
/// and prints them: the demo serves on the loopback address, and nothing to remember is left.
struct DemoStaff {
    /// A sign-in the demo prints.
    struct SignIn {
        let role: Role
        let login: String
        let password: String
    }

    static let members: [(login: String, name: String, role: Role)] = [
        ("demo.admin", "Anna Administratorka", .administrator),
        ("demo.supervisor", "Sabina Nadzorczyni", .supervisor),
        ("demo.agent", "Adam Konsultant", .agent),
    ]

    let database: Database

    /// Makes the accounts that are missing, sets a fresh password on each, and returns them.
    func prepare() async throws -> [SignIn] {
        let staff = StaffStore(database)
        var signIns: [SignIn] = []
        for member in Self.members {
            let password = Self.randomPassword()
            if let existing = try await staff.find(login: member.login) {
                if !existing.isActive || existing.lockedUntil != nil { try await staff.enable(member.login, actor: "demo") }
                try await staff.changePassword(of: member.login, to: password, .ownChoice, actor: "demo")
            } else {
                _ = try await staff.add(login: member.login, displayName: member.name, roles: [member.role], password: password, actor: "demo")
            }
            signIns.append(SignIn(role: member.role, login: member.login, password: password))
        }
        return signIns
    }

    /// Three groups of four letters and digits, such as `kX7p-Qm3v-Tz9a`: every class the policy asks for.
    static func randomPassword() -> String {
        let lower = Array("abcdefghijkmnpqrstuvwxyz"), upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ"), digits = Array("23456789")
        var generator = SystemRandomNumberGenerator()
        func group() -> String {
            [lower.randomElement(using: &generator), upper.randomElement(using: &generator), digits.randomElement(using: &generator),
             (lower + upper + digits).randomElement(using: &generator)].compactMap { $0 }.shuffled(using: &generator).map(String.init).joined()
        }
        return [group(), group(), group()].joined(separator: "-")
    }
}
