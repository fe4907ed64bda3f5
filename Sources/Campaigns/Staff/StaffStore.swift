import Foundation
import Persistence

/// Staff accounts: made, listed, given roles, disabled and enabled. Passwords and sign-in are
/// in the extensions beside this file.
public struct StaffStore: Sendable {
    let database: Database
    let hasher: PasswordHasher
    public let policy: PasswordPolicy

    public init(_ database: Database, hasher: PasswordHasher = PasswordHasher(), policy: PasswordPolicy = PasswordPolicy()) {
        self.database = database
        self.hasher = hasher
        self.policy = policy
    }

    /// Makes an account. The password must keep the policy; an administrator who sets it for
    /// someone else passes `reset: true`, and the member chooses their own at the first sign-in.
    public func add(
        login: String, displayName: String, roles: [Role], password: String, reset: Bool = false, actor: String, at now: Date = Date()
    ) async throws -> StaffMember {
        try Self.validate(login: login)
        guard !displayName.trimmingCharacters(in: .whitespaces).isEmpty else { throw StaffError.unnamed }
        guard !roles.isEmpty else { throw StaffError.noRole }
        let broken = policy.broken(by: password)
        guard broken.isEmpty else { throw StaffError.weakPassword(broken) }
        let hash = await hasher.hash(password)
        let member = StaffMember(id: 0, login: login, displayName: displayName, roles: roles, passwordChangedAt: now, passwordReset: reset)
        return try await database.transaction { connection in
            let id: Int
            do {
                id = try connection.query(
                    """
                    INSERT INTO staff (login, display_name, roles, password_hash, password_changed_at, password_reset)
                    VALUES (\(login), \(member.displayName), \(member.roles), \(hash), \(now), \(reset)) RETURNING id
                    """
                ).single().decode(Int.self, at: 0)
            } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
                throw StaffError.loginTaken(login)
            }
            let stored = StaffMember(
                id: id, login: login, displayName: member.displayName, roles: member.roles, passwordChangedAt: now, passwordReset: reset)
            if stored.holds(.agent) { try Self.seatAsAgent(stored, on: connection) }
            try ActivityLog.record(
                actor: actor, action: "staff.add", subject: "staff:\(id)", details: ["roles": stored.roles.map(\.rawValue).joined(separator: " ")],
                on: connection)
            return stored
        }
    }

    public func find(login: String) async throws -> StaffMember? {
        try await database.withConnection { try Self.find(.login(login), on: $0) }
    }

    public func find(id: Int) async throws -> StaffMember? {
        try await database.withConnection { try Self.find(.id(id), on: $0) }
    }

    /// The account of that login, or an error that names it.
    public func named(_ login: String) async throws -> StaffMember {
        guard let member = try await find(login: login) else { throw NotFound(.staffMember, login) }
        return member
    }

    public func all() async throws -> [StaffMember] {
        try await database.query(Self.select + " ORDER BY login").map(Self.decode)
    }

    /// Whether any account exists: the very first one may be made without an administrator.
    public func isEmpty() async throws -> Bool {
        try await database.query("SELECT NOT EXISTS (SELECT FROM staff)").single().decode(Bool.self, at: 0)
    }

    /// Gives the member exactly these roles. The last active administrator keeps theirs.
    @discardableResult
    public func setRoles(_ roles: [Role], of login: String, actor: String) async throws -> StaffMember {
        guard !roles.isEmpty else { throw StaffError.noRole }
        return try await database.transaction { connection in
            guard var member = try Self.find(.login(login), on: connection, lock: true) else { throw NotFound(.staffMember, login) }
            if member.holds(.administrator), !roles.contains(.administrator) { try Self.keepAnAdministrator(besides: member.id, on: connection) }
            member.roles = Array(Set(roles)).sorted()
            try connection.execute("UPDATE staff SET roles = \(member.roles) WHERE id = \(member.id)")
            if member.holds(.agent) { try Self.seatAsAgent(member, on: connection) }
            try ActivityLog.record(
                actor: actor, action: "staff.roles", subject: "staff:\(member.id)",
                details: ["roles": member.roles.map(\.rawValue).joined(separator: " ")], on: connection)
            return member
        }
    }

    /// Disables the account: its sessions end and its tokens stop working. The last active
    /// administrator cannot be disabled.
    @discardableResult
    public func disable(_ login: String, actor: String, at now: Date = Date()) async throws -> StaffMember {
        try await database.transaction { connection in
            guard var member = try Self.find(.login(login), on: connection, lock: true) else { throw NotFound(.staffMember, login) }
            guard member.isActive else { return member }
            if member.holds(.administrator) { try Self.keepAnAdministrator(besides: member.id, on: connection) }
            try connection.execute("UPDATE staff SET disabled_at = \(now) WHERE id = \(member.id)")
            try SessionStore.endAll(staffID: member.id, at: now, on: connection)
            try ActivityLog.record(actor: actor, action: "staff.disable", subject: "staff:\(member.id)", on: connection)
            member.disabledAt = now
            return member
        }
    }

    @discardableResult
    public func enable(_ login: String, actor: String) async throws -> StaffMember {
        try await database.transaction { connection in
            guard var member = try Self.find(.login(login), on: connection, lock: true) else { throw NotFound(.staffMember, login) }
            try connection.execute("UPDATE staff SET disabled_at = NULL, failed_sign_ins = 0, locked_until = NULL WHERE id = \(member.id)")
            try ActivityLog.record(actor: actor, action: "staff.enable", subject: "staff:\(member.id)", on: connection)
            member.disabledAt = nil
            member.lockedUntil = nil
            return member
        }
    }

    // MARK: rows

    enum Key { case id(Int), login(String) }

    static func find(_ key: Key, on connection: Connection, lock: Bool = false) throws -> StaffMember? {
        let condition: SQL =
            switch key {
            case .id(let id): " WHERE id = \(id)"
            case .login(let login): " WHERE login = \(login)"
            }
        return try connection.query(select + condition + (lock ? " FOR UPDATE" : "")).first.map(decode)
    }

    static let select: SQL =
        "SELECT id, login, display_name, roles, password_changed_at, password_reset, locked_until, disabled_at FROM staff"

    static func decode(_ row: Row) throws -> StaffMember {
        let (id, login, name, roles, changed, reset, locked, disabled) = try row.decode(
            (Int, String, String, [Role], Date, Bool, Date?, Date?).self)
        return StaffMember(
            id: id, login: login, displayName: name, roles: roles, passwordChangedAt: changed, passwordReset: reset,
            lockedUntil: locked, disabledAt: disabled)
    }

    static func validate(login: String) throws {
        let allowed = login.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || [46, 45, 95].contains($0) }
        guard allowed, (2...63).contains(login.utf8.count), let first = login.utf8.first, (97...122).contains(first) || (48...57).contains(first)
        else { throw StaffError.malformedLogin(login) }
    }

    /// Refuses to take the administrator role from the last active member who holds it.
    private static func keepAnAdministrator(besides id: Int, on connection: Connection) throws {
        let others = try connection.query(
            "SELECT count(*) FROM staff WHERE id <> \(id) AND disabled_at IS NULL AND 'administrator' = ANY(roles)"
        ).single().decode(Int.self, at: 0)
        guard others > 0 else { throw StaffError.lastAdministrator }
    }

    /// A member who works calls has an agent of kind `person`, named as they are (with their
    /// login after the name when another agent has it already).
    private static func seatAsAgent(_ member: StaffMember, on connection: Connection) throws {
        try connection.execute(
            """
            INSERT INTO agents (name, kind, staff_id)
            SELECT CASE WHEN EXISTS (SELECT FROM agents WHERE name = \(member.displayName))
                        THEN \(member.displayName) || ' (' || \(member.login) || ')' ELSE \(member.displayName) END,
                   'person', \(member.id)
            ON CONFLICT (staff_id) DO NOTHING
            """)
    }
}
