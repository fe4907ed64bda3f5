import Foundation

/// A contact a dialer has leased from the campaign's queue.
public struct ClaimedContact: Sendable, Hashable {
    public let contactID: Int
    /// Attempts made before this one.
    public let attempts: Int
    /// Attempts made earlier the same local day.
    public let attemptsToday: Int
    public let timeZone: String
    public let isMobile: Bool
    /// The agent an agreed callback should go to, when there is one.
    public let callbackAgentID: Int?
    /// When the contact became due.
    public let dueAt: Date
}
