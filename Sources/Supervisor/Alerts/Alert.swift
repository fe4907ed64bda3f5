/// Something a supervisor should look at now.
public struct Alert: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case abandonRate = "abandon_rate"
        case agentPausedTooLong = "agent_paused"
        case runningOutOfContacts = "running_out"
        case dialerSilent = "dialer_silent"
    }

    public enum Severity: String, Sendable, Hashable, Codable {
        case warning, critical
    }

    public let kind: Kind
    public let severity: Severity
    public let message: String
    /// What it is about: an agent or a dialer run, by id.
    public let subject: String?

    public init(kind: Kind, severity: Severity, message: String, subject: String? = nil) {
        self.kind = kind
        self.severity = severity
        self.message = message
        self.subject = subject
    }
}

/// When alerts fire.
public struct AlertSettings: Sendable, Hashable {
    /// The share of the abandon limit at which a warning comes (2.5 % of 3 %).
    public var abandonWarning: Double
    public var pausedTooLongSeconds: Double
    /// A warning when the queue runs dry within this many seconds at the recent pace.
    public var runningOutSeconds: Double
    /// A dialer whose heartbeat is older than this has stopped reporting.
    public var silentSeconds: Double

    public init(abandonWarning: Double = 2.5 / 3, pausedTooLongSeconds: Double = 20 * 60, runningOutSeconds: Double = 30 * 60, silentSeconds: Double = 30) {
        self.abandonWarning = abandonWarning
        self.pausedTooLongSeconds = pausedTooLongSeconds
        self.runningOutSeconds = runningOutSeconds
        self.silentSeconds = silentSeconds
    }
}
