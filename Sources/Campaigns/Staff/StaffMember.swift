import Foundation

/// A person who signs in to Switchboard, with the roles they hold.
public struct StaffMember: Sendable, Hashable, Codable {
    public let id: Int
    /// What they sign in with: lower-case letters, digits, dots, dashes and underscores.
    public let login: String
    public var displayName: String
    /// Sorted, each role once.
    public var roles: [Role]
    public var passwordChangedAt: Date
    /// An administrator set the password: the member must choose one of their own.
    public var passwordReset: Bool
    public var lockedUntil: Date?
    public var disabledAt: Date?

    public init(
        id: Int, login: String, displayName: String, roles: [Role], passwordChangedAt: Date, passwordReset: Bool = false,
        lockedUntil: Date? = nil, disabledAt: Date? = nil
    ) {
        self.id = id
        self.login = login
        self.displayName = displayName
        self.roles = Array(Set(roles)).sorted()
        self.passwordChangedAt = passwordChangedAt
        self.passwordReset = passwordReset
        self.lockedUntil = lockedUntil
        self.disabledAt = disabledAt
    }

    public var isActive: Bool { disabledAt == nil }

    public func holds(_ role: Role) -> Bool { roles.contains(role) }

    /// How the member appears in the activity log: `staff:anna.nowak`.
    public var actor: String { "staff:\(login)" }
}
