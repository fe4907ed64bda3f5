/// One agent's work over a period: calls taken, successes, and where the time went.
public struct AgentFigures: Sendable, Hashable, Codable {
    public let agentID: Int
    public let name: String
    public let connected: Int
    public let successes: Int
    public let talkSeconds: Double
    public let wrapUpSeconds: Double

    public init(agentID: Int, name: String, connected: Int, successes: Int, talkSeconds: Double, wrapUpSeconds: Double) {
        self.agentID = agentID
        self.name = name
        self.connected = connected
        self.successes = successes
        self.talkSeconds = talkSeconds
        self.wrapUpSeconds = wrapUpSeconds
    }

    /// Successes per connected call.
    public var conversion: Double { connected == 0 ? 0 : Double(successes) / Double(connected) }
    /// Average seconds from connection to the end of wrap-up.
    public var averageHandleSeconds: Double { connected == 0 ? 0 : (talkSeconds + wrapUpSeconds) / Double(connected) }
}
