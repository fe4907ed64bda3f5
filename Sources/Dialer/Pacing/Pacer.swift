import Foundation

/// What a pacer sees when it decides how many calls to place.
public struct PacingSnapshot: Sendable, Hashable {
    public var now: Date
    /// Agents free for a call now.
    public var readyAgents: Int
    /// Agents in a call or in wrap-up, who will be free again.
    public var busyAgents: Int
    /// For each busy agent, seconds since their current call was connected.
    public var busyElapsed: [Double]
    /// Calls placed and not yet answered or failed.
    public var dialing: Int
    /// Calls answered by a person and waiting for an agent.
    public var answeredWaiting: Int
}

/// Decides how many calls to place at a moment.
public protocol Pacer: Sendable {
    /// How many new calls to place now.
    mutating func callsToPlace(_ snapshot: PacingSnapshot) -> Int
    /// Learns from a finished attempt.
    mutating func observe(_ attempt: AttemptObservation)
    /// Lines in progress per agent expected free at the last decision: 1 for one line per agent.
    var dialLevel: Double { get }
}

/// What a pacer learns from one finished attempt.
public struct AttemptObservation: Sendable, Hashable {
    public var time: Date
    public var result: NetworkResult
    /// A person answered and waited for an agent (whether one came or not).
    public var reachedQueue: Bool
    public var abandoned: Bool
    /// Seconds from dialing to the answer, for answered calls.
    public var ringSeconds: Double?
    /// Seconds an agent was taken (talk and wrap-up), for connected calls.
    public var handleSeconds: Double?
}

/// One line per free agent: never a call without an agent waiting for it.
public struct ProgressivePacer: Pacer {
    public init() {}

    public func callsToPlace(_ snapshot: PacingSnapshot) -> Int {
        max(0, snapshot.readyAgents - snapshot.dialing - snapshot.answeredWaiting)
    }

    public func observe(_ attempt: AttemptObservation) {}

    public var dialLevel: Double { 1 }
}
