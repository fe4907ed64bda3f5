import Foundation

/// What an agent is doing now, and since when, as the events tell.
public struct AgentLiveState: Sendable, Hashable, Codable {
    public let agentID: Int
    public var activity: String
    public var since: Date

    public init(agentID: Int, activity: String, since: Date) {
        self.agentID = agentID
        self.activity = activity
        self.since = since
    }
}
