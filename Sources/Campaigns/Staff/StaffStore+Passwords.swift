import Foundation
import Persistence

extension StaffStore {
    /// How a password comes to change.
    public enum PasswordChange: Sendable, Hashable {
        /// The member chooses a new one, proving they know the current one.
        case bySelf(current: String)
        /// The member's own choice, through a channel that knows them otherwise (the command
        /// line, run by someone who holds the database and its key).
        case ownChoice
        /// An administrator sets one; the member must choose their own at the next sign-in.
        case reset
    }

    /// Sets a new password that keeps the policy and is none of the member's last few. Every
    /// other session of the member ends; `keeping` names the one that asked, if any.
    public func changePassword(
        of login: String, to new: String, _ change: PasswordChange, actor: String, keeping session: Int? = nil, at now: Date = Date()
    ) async throws {
        let broken = policy.broken(by: new)
        guard broken.isEmpty else { throw StaffError.weakPassword(broken) }
        guard let account = try await account(login: login) else { throw NotFound(.staffMember, login) }
        if case .bySelf(let current) = change, !(await hasher.verify(current, against: account.passwordHash)) {
            throw StaffError.currentPasswordWrong
        }
        let remembered = policy.remembered
        let earlier = try await database.query(
            """
            SELECT password_hash FROM staff_password_history WHERE staff_id = \(account.member.id)
            ORDER BY replaced_at DESC LIMIT \(remembered - 1)
            """
        ).column(String.self)
        for hash in [account.passwordHash] + earlier where await hasher.verify(new, against: hash) {
            throw StaffError.passwordReused(remembered: remembered)
        }
        let hash = await hasher.hash(new)
        let reset = change == .reset
        try await database.transaction { connection in
            let id = account.member.id
            try connection.execute(
                "INSERT INTO staff_password_history (staff_id, password_hash, replaced_at) VALUES (\(id), \(account.passwordHash), \(now))")
            try connection.execute(
                """
                DELETE FROM staff_password_history WHERE staff_id = \(id) AND replaced_at NOT IN (
                    SELECT replaced_at FROM staff_password_history WHERE staff_id = \(id) ORDER BY replaced_at DESC LIMIT \(remembered))
                """)
            try connection.execute(
                """
                UPDATE staff SET password_hash = \(hash), password_changed_at = \(now), password_reset = \(reset),
                                 failed_sign_ins = 0, locked_until = NULL
                WHERE id = \(id)
                """)
            try SessionStore.endAll(staffID: id, except: session, at: now, on: connection)
            if let session {
                try connection.execute("UPDATE staff_sessions SET must_change_password = false WHERE id = \(session)")
            }
            try ActivityLog.record(
                actor: actor, action: reset ? "staff.password_reset" : "staff.password_changed", subject: "staff:\(id)", on: connection)
        }
    }
}
