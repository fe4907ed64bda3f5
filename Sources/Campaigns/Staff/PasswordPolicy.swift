import Foundation

/// The seeds' password rules: at least 8 characters with lower- and upper-case letters and a
/// digit or a special character; changed every 30 days; none of the last 5 again; 5 wrong
/// passwords in a row lock the account for 15 minutes.
public struct PasswordPolicy: Sendable, Hashable {
    /// A rule a password can break.
    public enum Rule: String, Sendable, Hashable, CaseIterable, Codable {
        case tooShort
        /// bcrypt reads only the first 72 bytes: a longer password would be silently cut.
        case tooLong
        case noLowercase
        case noUppercase
        case noDigitOrSpecial
    }

    public var minimumLength = 8
    public var maximumBytes = 72
    /// How long a password may be used before it must be changed.
    public var maximumAge: TimeInterval = 30 * 24 * 3600
    /// How many of the latest passwords, the current one included, may not be chosen again.
    public var remembered = 5
    public var lockoutThreshold = 5
    public var lockoutDuration: TimeInterval = 15 * 60

    public init() {}

    /// The rules `password` breaks, in the order above; empty when it is acceptable.
    public func broken(by password: String) -> [Rule] {
        var broken: [Rule] = []
        if password.count < minimumLength { broken.append(.tooShort) }
        if password.utf8.count > maximumBytes { broken.append(.tooLong) }
        if !password.contains(where: \.isLowercase) { broken.append(.noLowercase) }
        if !password.contains(where: \.isUppercase) { broken.append(.noUppercase) }
        if !password.contains(where: { $0.isNumber || !($0.isLetter || $0.isWhitespace) }) { broken.append(.noDigitOrSpecial) }
        return broken
    }

    /// Whether a password set at `changedAt` must be changed before anything else at `now`.
    public func isExpired(changedAt: Date, at now: Date) -> Bool {
        now.timeIntervalSince(changedAt) > maximumAge
    }
}
