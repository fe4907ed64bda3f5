/// An outbound campaign: whom to call (the consents they must hold), when, how, and what to say.
public struct Campaign: Sendable, Hashable, Codable {
    public internal(set) var id: Int
    public var name: String
    public var goal: String
    /// The script version the campaign pins; editing the script does not change it.
    public var scriptID: Int?
    public var status: CampaignStatus
    public var dialMode: DialMode
    /// The most abandoned calls per live answer allowed, e.g. 0.03.
    public var abandonLimit: Double
    public var maxAttempts: Int
    public var maxAttemptsPerDay: Int
    public var window: CallingWindow
    public var recording: Bool
    public var retryPolicy: RetryPolicy
    public var dialSettings: DialSettings
    /// Codes of the consent types a contact must hold to be called.
    public var requiredConsents: [String]

    public init(
        id: Int, name: String, goal: String = "", scriptID: Int? = nil, status: CampaignStatus = .draft,
        dialMode: DialMode = .progressive, abandonLimit: Double = 0.03, maxAttempts: Int = 5, maxAttemptsPerDay: Int = 2,
        window: CallingWindow = CallingWindow(), recording: Bool = true, retryPolicy: RetryPolicy = RetryPolicy(),
        dialSettings: DialSettings = DialSettings(), requiredConsents: [String] = []
    ) {
        self.id = id
        self.name = name
        self.goal = goal
        self.scriptID = scriptID
        self.status = status
        self.dialMode = dialMode
        self.abandonLimit = abandonLimit
        self.maxAttempts = maxAttempts
        self.maxAttemptsPerDay = maxAttemptsPerDay
        self.window = window
        self.recording = recording
        self.retryPolicy = retryPolicy
        self.dialSettings = dialSettings
        self.requiredConsents = requiredConsents
    }

    /// Checks the settings a campaign must satisfy before it is stored.
    public func validate() throws {
        guard !name.isEmpty else { throw CampaignError.unnamed }
        guard (0...1).contains(abandonLimit) else { throw CampaignError.abandonLimitOutOfRange(abandonLimit) }
        guard maxAttempts > 0, maxAttemptsPerDay > 0 else { throw CampaignError.noAttemptsAllowed }
        try window.validate()
        try retryPolicy.validate()
        try dialSettings.validate()
    }
}
