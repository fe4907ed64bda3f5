import Campaigns
import Crypto
import Foundation
import Persistence

/// Members of staff for tests, with an API token of a value the test chooses.
public enum StaffFixture {
    /// bcrypt at its lowest cost: the same algorithm, quick enough for tests.
    public static let hasher = PasswordHasher(cost: 4)
    public static let password = "Test-haslo-1"

    /// Adds a member (password `StaffFixture.password`, current) holding `roles`, and when
    /// `token` is given, an API token with exactly that value for them.
    @discardableResult
    public static func member(
        _ database: Database, login: String = "ewa.nowak", name: String = "Ewa Nowak", roles: [Role] = Role.allCases, token: String? = nil
    ) async throws -> StaffMember {
        let member = try await StaffStore(database, hasher: hasher).add(
            login: login, displayName: name, roles: roles, password: password, actor: "test")
        if let token {
            precondition(token.hasPrefix(APITokenStore.prefix), "API tokens start with \(APITokenStore.prefix)")
            try await database.execute(
                """
                INSERT INTO staff_api_tokens (staff_id, label, token_hash)
                VALUES (\(member.id), 'test', \(Data(SHA256.hash(data: Data(token.utf8)))))
                """)
        }
        return member
    }
}
