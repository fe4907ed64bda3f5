/// What the network did with a dial attempt.
public enum NetworkResult: String, Sendable, Hashable, Codable, CaseIterable {
    case human
    case machine
    case busy
    case noAnswer = "no_answer"
    case invalid

    public var isAnswered: Bool { self == .human || self == .machine }
}

/// The network's answer to one dial: what happens and after how many seconds.
public struct DialResult: Sendable, Hashable {
    public let result: NetworkResult
    /// Seconds from dialing until the answer, the busy tone, the failure, or the ring timeout.
    public let seconds: Double
    /// For a person: seconds they wait in silence after answering before hanging up.
    public let patience: Double
}
