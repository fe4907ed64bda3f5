import Crypto
import Foundation
import Persistence

/// Signed-in sessions, kept in PostgreSQL. The browser holds a random token; the table holds
/// only its SHA-256, the member, a CSRF token for the session's forms, and when it was last
/// used. A session ends at sign-out, after `idleLimit` without a request, or when the member is
/// disabled or changes their password elsewhere.
public struct SessionStore: Sendable {
    /// A session as a request sees it.
    public struct Session: Sendable, Hashable {
        public let id: Int
        public let member: StaffMember
        /// Every form and every cookie-borne change must carry it.
        public let csrfToken: String
        /// Opened with an expired or reset password: only the password may be changed.
        public let mustChangePassword: Bool
    }

    /// Eight hours without a request end a session.
    public static let idleLimit: TimeInterval = 8 * 3600
    /// A session's last use is written at most this often, not on every request.
    static let touchInterval: TimeInterval = 60

    let database: Database

    public init(_ database: Database) { self.database = database }

    /// Opens a new session for a member who just signed in, and returns the token for the
    /// cookie. A new session each time: a token a browser held before is never promoted.
    public func open(for signIn: StaffStore.SignIn, at now: Date = Date()) async throws -> (token: String, session: Session) {
        let token = Self.randomToken()
        let csrf = Self.randomToken()
        let id = try await database.query(
            """
            INSERT INTO staff_sessions (staff_id, token_hash, csrf_token, must_change_password, created_at, last_seen_at)
            VALUES (\(signIn.member.id), \(Self.digest(token)), \(csrf), \(signIn.mustChangePassword), \(now), \(now)) RETURNING id
            """
        ).single().decode(Int.self, at: 0)
        return (token, Session(id: id, member: signIn.member, csrfToken: csrf, mustChangePassword: signIn.mustChangePassword))
    }

    /// The live session a token belongs to, its last use brought up to `now`; nil for an
    /// unknown, ended or idle one, or one of a disabled member.
    public func session(token: String, at now: Date = Date()) async throws -> Session? {
        let hash = Self.digest(token)
        return try await database.withConnection { connection in
            guard
                let row = try connection.query(
                    """
                    SELECT s.id, s.csrf_token, s.must_change_password, s.last_seen_at,
                           m.id, m.login, m.display_name, m.roles, m.password_changed_at, m.password_reset, m.locked_until, m.disabled_at
                    FROM staff_sessions s JOIN staff m ON m.id = s.staff_id
                    WHERE s.token_hash = \(hash) AND s.ended_at IS NULL AND m.disabled_at IS NULL
                    """
                ).first
            else { return nil }
            let (id, csrf, mustChange, lastSeen) = try row.decode((Int, String, Bool, Date).self)
            guard now.timeIntervalSince(lastSeen) < Self.idleLimit else {
                try connection.execute("UPDATE staff_sessions SET ended_at = \(now) WHERE id = \(id)")
                return nil
            }
            if now.timeIntervalSince(lastSeen) > Self.touchInterval {
                try connection.execute("UPDATE staff_sessions SET last_seen_at = \(now) WHERE id = \(id)")
            }
            let member = StaffMember(
                id: try row.decode(Int.self, at: 4), login: try row.decode(String.self, at: 5), displayName: try row.decode(String.self, at: 6),
                roles: try row.decode([Role].self, at: 7), passwordChangedAt: try row.decode(Date.self, at: 8),
                passwordReset: try row.decode(Bool.self, at: 9), lockedUntil: try row.decode(Date?.self, at: 10),
                disabledAt: try row.decode(Date?.self, at: 11))
            return Session(id: id, member: member, csrfToken: csrf, mustChangePassword: mustChange)
        }
    }

    /// Ends the session: sign-out. Its token is worthless from now on.
    public func end(_ session: Session, at now: Date = Date()) async throws {
        try await database.transaction { connection in
            try connection.execute("UPDATE staff_sessions SET ended_at = \(now) WHERE id = \(session.id) AND ended_at IS NULL")
            try ActivityLog.record(actor: session.member.actor, action: "staff.sign_out", subject: "staff:\(session.member.id)", on: connection)
        }
    }

    /// Ends every live session of a member, but `kept`.
    static func endAll(staffID: Int, except kept: Int? = nil, at now: Date, on connection: Connection) throws {
        try connection.execute(
            """
            UPDATE staff_sessions SET ended_at = \(now)
            WHERE staff_id = \(staffID) AND ended_at IS NULL AND id IS DISTINCT FROM \(kept)
            """)
    }

    /// 32 random bytes, base64url without padding: a token no one can guess.
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func digest(_ token: String) -> Data {
        Data(SHA256.hash(data: Data(token.utf8)))
    }
}
