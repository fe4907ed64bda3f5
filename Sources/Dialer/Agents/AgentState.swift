import Foundation

/// What an agent is doing.
public enum AgentActivity: String, Sendable, Hashable, Codable, CaseIterable {
    /// Free for the next call.
    case ready
    /// Holding a contact: previewing it, or kept for a callback.
    case reserved
    case inCall = "in_call"
    /// After a call: notes, outcome, consents.
    case wrapUp = "wrap_up"
    case paused
}

/// One agent's life through a shift, as a value: an event goes in, the new activity comes
/// out, or an error for an event that cannot happen now. Tested without a clock or a database.
public struct AgentState: Sendable, Hashable {
    public enum Event: Sendable, Hashable {
        case reserve, connect, hangUp, finishWrapUp, pause, resume
    }

    public let agentID: Int
    public private(set) var activity: AgentActivity = .ready
    public private(set) var since: Date
    /// Seconds spent in each activity so far, not counting the current stretch.
    public private(set) var seconds: [AgentActivity: Double] = [:]

    public init(agentID: Int, at start: Date) {
        self.agentID = agentID
        self.since = start
    }

    /// A stretch of time in one activity.
    public struct Stretch: Sendable, Hashable {
        public let agentID: Int
        public let activity: AgentActivity
        public let start: Date
        public let end: Date
    }

    /// Applies `event` at `time` and returns the stretch it ends; an event that does not fit
    /// the current activity throws.
    @discardableResult
    public mutating func apply(_ event: Event, at time: Date) throws -> Stretch {
        let next: AgentActivity? =
            switch (activity, event) {
            case (.ready, .reserve): .reserved
            case (.ready, .connect), (.reserved, .connect): .inCall
            case (.reserved, .resume): .ready  // a reservation given up
            case (.inCall, .hangUp): .wrapUp
            case (.wrapUp, .finishWrapUp), (.paused, .resume): .ready
            case (.ready, .pause), (.wrapUp, .pause): .paused
            default: nil
            }
        guard let next else {
            throw SimulationError.illegalAgentMove(agentID: agentID, event: "\(event)", activity: activity.rawValue)
        }
        let stretch = Stretch(agentID: agentID, activity: activity, start: since, end: time)
        seconds[activity, default: 0] += time.timeIntervalSince(since)
        activity = next
        since = time
        return stretch
    }

    /// The stretch in progress, ended at `time` (the end of a run).
    public func currentStretch(endingAt time: Date) -> Stretch {
        Stretch(agentID: agentID, activity: activity, start: since, end: max(since, time))
    }

    /// Seconds in each activity up to `time`, the current stretch included.
    public func totals(at time: Date) -> [AgentActivity: Double] {
        var totals = seconds
        totals[activity, default: 0] += time.timeIntervalSince(since)
        return totals
    }
}
