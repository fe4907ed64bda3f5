/// How long to wait before dialing a contact again, by what happened on the last attempt.
/// A reason without a delay ends the contact's turn in the campaign.
public struct RetryPolicy: Sendable, Hashable, Codable {
    public enum Reason: String, Sendable, Codable, CaseIterable {
        case busy
        case noAnswer = "no_answer"
        case machine
        /// Answered by a person but dropped for want of a free agent.
        case abandoned
        /// The person asked to be called back without naming a time.
        case callback
    }

    /// Seconds per reason.
    public var delays: [Reason: Int]

    public init(delays: [Reason: Int] = RetryPolicy.defaultDelays) {
        self.delays = delays
    }

    /// Busy soon, no answer later, a machine later still; an abandoned call not within
    /// 72 hours (the rule the US and UK regulators apply without a reserved agent).
    public static let defaultDelays: [Reason: Int] = [
        .busy: 10 * 60, .noAnswer: 2 * 3600, .machine: 4 * 3600, .abandoned: 72 * 3600, .callback: 24 * 3600,
    ]

    public func delay(for reason: Reason) -> Int? { delays[reason] }

    public func validate() throws {
        if let abandoned = delays[.abandoned], abandoned < 72 * 3600 {
            throw CampaignError.abandonedRedialTooSoon
        }
        guard delays.values.allSatisfy({ $0 >= 0 }) else { throw CampaignError.negativeRetryDelay }
    }

    // Stored as a JSON object keyed by the reason's name.
    public init(from decoder: any Decoder) throws {
        let raw = try [String: Int](from: decoder)
        var delays = Self.defaultDelays
        for (key, value) in raw {
            guard let reason = Reason(rawValue: key) else { continue }
            delays[reason] = value
        }
        self.delays = delays
    }

    public func encode(to encoder: any Encoder) throws {
        try Dictionary(uniqueKeysWithValues: delays.map { ($0.key.rawValue, $0.value) }).encode(to: encoder)
    }
}
