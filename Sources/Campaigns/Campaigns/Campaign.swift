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

extension Campaign {
    /// A campaign from JSON: only `name` is needed; everything else left out takes the
    /// defaults a new campaign has (in draft, progressive, 3 % abandon limit, 09:00–20:00 on
    /// weekdays, recorded). An `id` given is ignored when the campaign is stored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = Campaign(id: 0, name: "")
        self.init(
            id: try container.decodeIfPresent(Int.self, forKey: .id) ?? 0,
            name: try container.decode(String.self, forKey: .name),
            goal: try container.decodeIfPresent(String.self, forKey: .goal) ?? defaults.goal,
            scriptID: try container.decodeIfPresent(Int.self, forKey: .scriptID),
            status: try container.decodeIfPresent(CampaignStatus.self, forKey: .status) ?? defaults.status,
            dialMode: try container.decodeIfPresent(DialMode.self, forKey: .dialMode) ?? defaults.dialMode,
            abandonLimit: try container.decodeIfPresent(Double.self, forKey: .abandonLimit) ?? defaults.abandonLimit,
            maxAttempts: try container.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? defaults.maxAttempts,
            maxAttemptsPerDay: try container.decodeIfPresent(Int.self, forKey: .maxAttemptsPerDay) ?? defaults.maxAttemptsPerDay,
            window: try container.decodeIfPresent(CallingWindow.self, forKey: .window) ?? defaults.window,
            recording: try container.decodeIfPresent(Bool.self, forKey: .recording) ?? defaults.recording,
            retryPolicy: try container.decodeIfPresent(RetryPolicy.self, forKey: .retryPolicy) ?? defaults.retryPolicy,
            dialSettings: try container.decodeIfPresent(DialSettings.self, forKey: .dialSettings) ?? defaults.dialSettings,
            requiredConsents: try container.decodeIfPresent([String].self, forKey: .requiredConsents) ?? [])
    }
}
