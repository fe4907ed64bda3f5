import Foundation
import Persistence

extension StaffStore {
    /// A successful sign-in: who, and whether they must change their password before anything else.
    public struct SignIn: Sendable, Hashable {
        public let member: StaffMember
        public let mustChangePassword: Bool
    }

    /// Checks a login and a password at `now`. Every outcome is in the activity log, never the
    /// password: a sign-in, a failure (an unknown login says only the login tried), a lock.
    /// A wrong login and a wrong password are refused alike, and take as long.
    public func signIn(login: String, password: String, from origin: String, at now: Date = Date()) async throws -> SignIn {
        let tried = String(login.prefix(63))
        guard let account = try await account(login: login) else {
            _ = await hasher.verify(password, against: await hasher.decoyHash())
            try await log("staff.sign_in_failed", subject: nil, details: ["login": tried, "from": origin, "reason": "unknown login"])
            throw StaffError.wrongCredentials
        }
        if SignInGuard(failures: account.failures, lockedUntil: account.lockedUntil).isLocked(at: now), let until = account.lockedUntil {
            try await log("staff.sign_in_refused", subject: account.member.id, details: ["from": origin, "reason": "locked"])
            throw StaffError.locked(until: until)
        }
        let matches = await hasher.verify(password, against: account.passwordHash)
        let policy = self.policy
        let verdict = try await database.transaction { connection in
            let (failures, locked) = try connection.query(
                "SELECT failed_sign_ins, locked_until FROM staff WHERE id = \(account.member.id) FOR UPDATE"
            ).single().decode((Int, Date?).self)
            var guardian = SignInGuard(failures: failures, lockedUntil: locked)
            let verdict = guardian.attempt(passwordMatches: matches, at: now, policy: policy)
            try connection.execute(
                "UPDATE staff SET failed_sign_ins = \(guardian.failures), locked_until = \(guardian.lockedUntil) WHERE id = \(account.member.id)")
            let subject = "staff:\(account.member.id)"
            switch verdict {
            case .admitted where account.member.isActive:
                try ActivityLog.record(actor: account.member.actor, action: "staff.sign_in", subject: subject, details: ["from": origin], on: connection)
            case .admitted:
                try ActivityLog.record(
                    actor: "anonymous", action: "staff.sign_in_refused", subject: subject, details: ["from": origin, "reason": "disabled"],
                    on: connection)
            case .refused:
                try ActivityLog.record(
                    actor: "anonymous", action: "staff.sign_in_failed", subject: subject,
                    details: ["from": origin, "reason": "wrong password", "failures": "\(guardian.failures)"], on: connection)
            case .lockedNow:
                try ActivityLog.record(
                    actor: "anonymous", action: "staff.locked", subject: subject,
                    details: ["from": origin, "failures": "\(guardian.failures)", "minutes": "\(Int(policy.lockoutDuration / 60))"],
                    on: connection)
            case .stillLocked:
                try ActivityLog.record(
                    actor: "anonymous", action: "staff.sign_in_refused", subject: subject, details: ["from": origin, "reason": "locked"],
                    on: connection)
            }
            return verdict
        }
        switch verdict {
        case .admitted:
            guard account.member.isActive else { throw StaffError.disabled }
            let expired = policy.isExpired(changedAt: account.member.passwordChangedAt, at: now) || account.member.passwordReset
            return SignIn(member: account.member, mustChangePassword: expired)
        case .refused: throw StaffError.wrongCredentials
        case .lockedNow(let until), .stillLocked(let until): throw StaffError.locked(until: until)
        }
    }

    /// An account as sign-in needs it: the member, the password's hash and the guard's state.
    struct Account: Sendable {
        let member: StaffMember
        let passwordHash: String
        let failures: Int
        let lockedUntil: Date?
    }

    func account(login: String) async throws -> Account? {
        try await database.query(
            """
            SELECT id, login, display_name, roles, password_changed_at, password_reset, locked_until, disabled_at,
                   password_hash, failed_sign_ins
            FROM staff WHERE login = \(login)
            """
        ).first.map { row in
            Account(
                member: try Self.decode(row), passwordHash: try row.decode(String.self, at: 8),
                failures: try row.decode(Int.self, at: 9), lockedUntil: try row.decode(Date?.self, at: 6))
        }
    }

    private func log(_ action: String, subject id: Int?, details: [String: String]) async throws {
        try await database.withConnection { connection in
            try ActivityLog.record(actor: "anonymous", action: action, subject: id.map { "staff:\($0)" }, details: details, on: connection)
        }
    }
}
