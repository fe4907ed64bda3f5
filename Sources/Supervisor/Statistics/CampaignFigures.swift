import Foundation

/// A campaign's figures over a period, as a supervisor reads them.
public struct CampaignFigures: Sendable, Hashable, Encodable {
    public var campaignID: Int
    public var from: Date
    public var to: Date
    public var dialed = 0
    public var humanAnswers = 0
    public var machines = 0
    public var busy = 0
    public var noAnswer = 0
    public var invalid = 0
    /// Calls a person answered and an agent talked on.
    public var connected = 0
    public var abandoned = 0
    public var successes = 0
    /// Distinct contacts dialed.
    public var contacts = 0
    public var talkSeconds = 0.0
    public var wrapUpSeconds = 0.0
    /// Agent seconds in calls and wrap-up, and logged in (breaks excluded), from their activity.
    public var agentBusySeconds = 0.0
    public var agentAvailableSeconds = 0.0
    /// Abandoned ÷ live answers over the 24 hours and the 30 days that end at `to`.
    public var abandonRate24h = 0.0
    public var abandonRate30d = 0.0
    /// Contacts waiting in the queue now, and contacts finished per hour lately.
    public var eligibleLeft = 0
    public var finishedPerHour = 0.0
    /// The dialer's current dial level, when a dialer reports one.
    public var dialLevel: Double?

    public init(campaignID: Int, from: Date, to: Date) {
        self.campaignID = campaignID
        self.from = from
        self.to = to
    }

    public var abandonRate: Double { humanAnswers == 0 ? 0 : Double(abandoned) / Double(humanAnswers) }
    public var conversion: Double { connected == 0 ? 0 : Double(successes) / Double(connected) }
    public var hours: Double { max(to.timeIntervalSince(from), 1) / 3600 }
    public var contactsPerHour: Double { Double(contacts) / hours }
    public var averageTalkSeconds: Double { connected == 0 ? 0 : talkSeconds / Double(connected) }
    public var averageWrapUpSeconds: Double { connected == 0 ? 0 : wrapUpSeconds / Double(connected) }
    public var averageHandleSeconds: Double { averageTalkSeconds + averageWrapUpSeconds }
    public var occupancy: Double { agentAvailableSeconds == 0 ? 0 : agentBusySeconds / agentAvailableSeconds }
    /// When the queue runs dry at the recent pace; nil when nothing is being finished.
    public var forecastFinish: Date? {
        guard finishedPerHour > 0 else { return nil }
        return to.addingTimeInterval(Double(eligibleLeft) / finishedPerHour * 3600)
    }
}

extension CampaignFigures {
    // The derived figures travel with the counts, for pages and scripts.
    private enum CodingKeys: String, CodingKey {
        case campaignID, from, to, dialed, humanAnswers, machines, busy, noAnswer, invalid, connected, abandoned, successes
        case contacts, talkSeconds, wrapUpSeconds, agentBusySeconds, agentAvailableSeconds, abandonRate24h, abandonRate30d
        case eligibleLeft, finishedPerHour, abandonRate, conversion, contactsPerHour, averageTalkSeconds, averageWrapUpSeconds
        case averageHandleSeconds, occupancy, forecastFinish, dialLevel
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(campaignID, forKey: .campaignID)
        try container.encode(from, forKey: .from)
        try container.encode(to, forKey: .to)
        for (key, value) in [(CodingKeys.dialed, dialed), (.humanAnswers, humanAnswers), (.machines, machines), (.busy, busy),
                             (.noAnswer, noAnswer), (.invalid, invalid), (.connected, connected), (.abandoned, abandoned),
                             (.successes, successes), (.contacts, contacts), (.eligibleLeft, eligibleLeft)] {
            try container.encode(value, forKey: key)
        }
        for (key, value) in [(CodingKeys.talkSeconds, talkSeconds), (.wrapUpSeconds, wrapUpSeconds), (.agentBusySeconds, agentBusySeconds),
                             (.agentAvailableSeconds, agentAvailableSeconds), (.abandonRate24h, abandonRate24h),
                             (.abandonRate30d, abandonRate30d), (.finishedPerHour, finishedPerHour), (.abandonRate, abandonRate),
                             (.conversion, conversion), (.contactsPerHour, contactsPerHour), (.averageTalkSeconds, averageTalkSeconds),
                             (.averageWrapUpSeconds, averageWrapUpSeconds), (.averageHandleSeconds, averageHandleSeconds),
                             (.occupancy, occupancy)] {
            try container.encode(value, forKey: key)
        }
        try container.encodeIfPresent(forecastFinish, forKey: .forecastFinish)
        try container.encodeIfPresent(dialLevel, forKey: .dialLevel)
    }
}
