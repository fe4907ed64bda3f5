/// The dial mode's parameters.
public struct DialSettings: Sendable, Hashable, Codable {
    /// Seconds an agent looks at the contact before a preview call starts.
    public var previewSeconds: Double
    /// How long a call rings before the dialer gives up; regulators ask for at least 15 s.
    public var ringTimeoutSeconds: Double
    /// Predictive: the most lines dialed per available agent.
    public var maxDialRatio: Double
    /// Predictive: how often the dial level is recomputed (VICIdial: every 15 s).
    public var adjustIntervalSeconds: Double
    /// Whether answering-machine detection screens answered calls before an agent gets them.
    /// Off by default: its false positives (people hung up on) count as abandoned calls.
    public var answeringMachineDetection: Bool
    /// Length of the recorded message an abandoned call plays: who called and how to call back.
    public var safeHarbourSeconds: Double

    public init(
        previewSeconds: Double = 8, ringTimeoutSeconds: Double = 25, maxDialRatio: Double = 3,
        adjustIntervalSeconds: Double = 15, answeringMachineDetection: Bool = false, safeHarbourSeconds: Double = 7
    ) {
        self.previewSeconds = previewSeconds
        self.ringTimeoutSeconds = ringTimeoutSeconds
        self.maxDialRatio = maxDialRatio
        self.adjustIntervalSeconds = adjustIntervalSeconds
        self.answeringMachineDetection = answeringMachineDetection
        self.safeHarbourSeconds = safeHarbourSeconds
    }

    public func validate() throws {
        guard ringTimeoutSeconds >= 15 else { throw CampaignError.ringTooShort(seconds: ringTimeoutSeconds) }
        guard maxDialRatio >= 1 else { throw CampaignError.dialRatioBelowOne(maxDialRatio) }
        guard previewSeconds >= 0, adjustIntervalSeconds > 0 else { throw CampaignError.negativeDuration }
    }

    // Missing keys take their defaults, so older settings keep working.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = DialSettings()
        previewSeconds = try container.decodeIfPresent(Double.self, forKey: .previewSeconds) ?? defaults.previewSeconds
        ringTimeoutSeconds = try container.decodeIfPresent(Double.self, forKey: .ringTimeoutSeconds) ?? defaults.ringTimeoutSeconds
        maxDialRatio = try container.decodeIfPresent(Double.self, forKey: .maxDialRatio) ?? defaults.maxDialRatio
        adjustIntervalSeconds = try container.decodeIfPresent(Double.self, forKey: .adjustIntervalSeconds) ?? defaults.adjustIntervalSeconds
        answeringMachineDetection =
            try container.decodeIfPresent(Bool.self, forKey: .answeringMachineDetection) ?? defaults.answeringMachineDetection
        safeHarbourSeconds = try container.decodeIfPresent(Double.self, forKey: .safeHarbourSeconds) ?? defaults.safeHarbourSeconds
    }
}
