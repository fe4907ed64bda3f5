import Foundation

/// An account's guard against guessing: wrong passwords in a row, and a lock once there were
/// too many. A value type: an attempt goes in, the new state and the verdict come out.
public struct SignInGuard: Sendable, Hashable {
    /// Wrong passwords since the last success (or the last lock's end).
    public private(set) var failures: Int
    public private(set) var lockedUntil: Date?

    /// What an attempt comes to.
    public enum Verdict: Sendable, Hashable {
        case admitted
        /// A wrong password; the account is not locked (yet).
        case refused
        /// This wrong password locked the account.
        case lockedNow(until: Date)
        /// The account was locked before the attempt; the password was not even checked.
        case stillLocked(until: Date)
    }

    public init(failures: Int = 0, lockedUntil: Date? = nil) {
        self.failures = failures
        self.lockedUntil = lockedUntil
    }

    /// Whether the account is locked at `now`: a locked account's password is not checked.
    public func isLocked(at now: Date) -> Bool {
        lockedUntil.map { now < $0 } ?? false
    }

    /// Records an attempt whose password did or did not match, made at `now`.
    public mutating func attempt(passwordMatches: Bool, at now: Date, policy: PasswordPolicy) -> Verdict {
        if let until = lockedUntil {
            if now < until { return .stillLocked(until: until) }
            (failures, lockedUntil) = (0, nil)  // the lock has lapsed: a fresh start
        }
        if passwordMatches {
            failures = 0
            return .admitted
        }
        failures += 1
        guard failures >= policy.lockoutThreshold else { return .refused }
        let until = now.addingTimeInterval(policy.lockoutDuration)
        lockedUntil = until
        return .lockedNow(until: until)
    }
}
