/// A message sent with `NOTIFY` (or `pg_notify`) and received by a `NotificationListener`.
public struct Notification: Sendable, Hashable {
    public let channel: String
    public let payload: String
    /// The server process that sent it.
    public let processID: Int32
}

extension Connection {
    /// Sends a notification to every listener of `channel`; delivered when the transaction commits.
    public func notify(_ channel: SQLIdentifier, payload: String) throws(DatabaseError) {
        try query("SELECT pg_notify(\(channel.name), \(payload))")
    }
}
