/// One message of the pushed stream: numbered, so a viewer that reconnects says where it was.
public struct HubMessage: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Events of the dialer, as they happened.
        case events
        /// The campaign's figures for the day so far.
        case figures
        /// Every agent's activity and since when.
        case agents
        /// The alerts in force.
        case alerts
        /// The viewer missed more than the hub remembers: what follows is a fresh snapshot.
        case reset
        /// Nothing new; keeps the connection open.
        case keepAlive = "keep-alive"
    }

    public let id: Int
    public let campaignID: Int
    public let kind: Kind
    /// The payload, as JSON.
    public let json: String

    /// The message in the text/event-stream format.
    public var serverSentEvent: String {
        kind == .keepAlive ? ": keep-alive\n\n" : "id: \(id)\nevent: \(kind.rawValue)\ndata: \(json)\n\n"
    }
}
