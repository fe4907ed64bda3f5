import Foundation
import Persistence

/// Per-person API tokens for scripts: a token acts as its member, with the member's roles.
/// It is shown once when issued; the database keeps only its SHA-256. A revoked token, or one
/// of a disabled member, no longer works.
public struct APITokenStore: Sendable {
    /// A token as listed: never the token itself.
    public struct Token: Sendable, Hashable, Codable {
        public let id: Int
        public let login: String
        public let label: String
        public let createdAt: Date
        public let lastUsedAt: Date?
        public let revokedAt: Date?
    }

    /// Tokens start so, which tells them apart from other secrets in a script or a log.
    public static let prefix = "sbt_"

    let database: Database

    public init(_ database: Database) { self.database = database }

    /// Issues a token for the member and returns it: the only time it can be read.
    public func issue(for login: String, label: String, actor: String) async throws -> (token: String, record: Token) {
        let token = Self.prefix + SessionStore.randomToken()
        let label = label.trimmingCharacters(in: .whitespaces).isEmpty ? "token" : label
        return try await database.transaction { connection in
            guard let member = try StaffStore.find(.login(login), on: connection) else { throw NotFound(.staffMember, login) }
            let (id, created) = try connection.query(
                """
                INSERT INTO staff_api_tokens (staff_id, label, token_hash) VALUES (\(member.id), \(label), \(SessionStore.digest(token)))
                RETURNING id, created_at
                """
            ).single().decode((Int, Date).self)
            try ActivityLog.record(actor: actor, action: "staff.token_issued", subject: "staff:\(member.id)", details: ["token": "\(id)"], on: connection)
            return (token, Token(id: id, login: login, label: label, createdAt: created, lastUsedAt: nil, revokedAt: nil))
        }
    }

    /// The member's tokens, or everyone's when `login` is nil; newest first.
    public func list(login: String? = nil) async throws -> [Token] {
        try await database.query(
            """
            SELECT t.id, m.login, t.label, t.created_at, t.last_used_at, t.revoked_at
            FROM staff_api_tokens t JOIN staff m ON m.id = t.staff_id
            WHERE \(login)::text IS NULL OR m.login = \(login)
            ORDER BY t.id DESC
            """
        ).map { row in
            let (id, login, label, created, used, revoked) = try row.decode((Int, String, String, Date, Date?, Date?).self)
            return Token(id: id, login: login, label: label, createdAt: created, lastUsedAt: used, revokedAt: revoked)
        }
    }

    /// Revokes a token at once; with `login`, only if it is that member's.
    public func revoke(id: Int, of login: String? = nil, actor: String, at now: Date = Date()) async throws {
        try await database.transaction { connection in
            guard let staffID = try connection.query(
                """
                UPDATE staff_api_tokens t SET revoked_at = coalesce(t.revoked_at, \(now)) FROM staff m
                WHERE t.id = \(id) AND m.id = t.staff_id AND (\(login)::text IS NULL OR m.login = \(login))
                RETURNING t.staff_id
                """
            ).first?.decode(Int.self, at: 0)
            else { throw NotFound(.apiToken, id) }
            try ActivityLog.record(actor: actor, action: "staff.token_revoked", subject: "staff:\(staffID)", details: ["token": "\(id)"], on: connection)
        }
    }

    /// The active member a live token belongs to; its last use is noted (at most once a minute).
    public func member(token: String, at now: Date = Date()) async throws -> StaffMember? {
        guard token.hasPrefix(Self.prefix) else { return nil }
        return try await database.withConnection { connection in
            guard
                let row = try connection.query(
                    """
                    SELECT m.id, m.login, m.display_name, m.roles, m.password_changed_at, m.password_reset, m.locked_until, m.disabled_at,
                           t.id, t.last_used_at
                    FROM staff_api_tokens t JOIN staff m ON m.id = t.staff_id
                    WHERE t.token_hash = \(SessionStore.digest(token)) AND t.revoked_at IS NULL AND m.disabled_at IS NULL
                    """
                ).first
            else { return nil }
            let (id, used) = (try row.decode(Int.self, at: 8), try row.decode(Date?.self, at: 9))
            if used.map({ now.timeIntervalSince($0) > SessionStore.touchInterval }) ?? true {
                try connection.execute("UPDATE staff_api_tokens SET last_used_at = \(now) WHERE id = \(id)")
            }
            return try StaffStore.decode(row)
        }
    }
}
