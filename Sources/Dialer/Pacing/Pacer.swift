import Foundation

/// What a pacer sees when it decides how many calls to place.
public struct PacingSnapshot: Sendable, Hashable {
    public var now: Date
    /// Agents free for a call now.
    public var readyAgents: Int
    /// Agents in a call or in wrap-up, who will be free again.
    public var busyAgents: Int
    /// Calls placed and not yet answered or failed.
    public var dialing: Int
    /// Calls answered by a person and waiting for an agent.
    public var answeredWaiting: Int
}

/// Decides how many calls to place at a moment.
public protocol Pacer: Sendable {
    /// How many new calls to place now.
    mutating func callsToPlace(_ snapshot: PacingSnapshot) -> Int
    /// Learns from a finished attempt: what the network did, and for calls that reached an
    /// agent how long the agent was taken.
    mutating func observe(result: NetworkResult, abandoned: Bool, handleSeconds: Double?, at time: Date)
}

/// One line per free agent: never a call without an agent waiting for it.
public struct ProgressivePacer: Pacer {
    public init() {}

    public func callsToPlace(_ snapshot: PacingSnapshot) -> Int {
        max(0, snapshot.readyAgents - snapshot.dialing - snapshot.answeredWaiting)
    }

    public func observe(result: NetworkResult, abandoned: Bool, handleSeconds: Double?, at time: Date) {}
}
