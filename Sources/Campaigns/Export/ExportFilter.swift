import Foundation

/// Which contacts an export takes. Empty fields do not filter.
public struct ExportFilter: Sendable, Hashable, Codable {
    /// Contacts queued for this campaign.
    public var campaign: String?
    public var source: String?
    /// Contacts whose current state for this consent type is `consentGranted`.
    public var consent: String?
    public var consentGranted: Bool
    /// Contacts whose last call in the campaign (or any) ended with this outcome or result.
    public var lastOutcome: String?
    /// Contacts added from, and before, these moments.
    public var addedFrom: Date?
    public var addedBefore: Date?

    public init(
        campaign: String? = nil, source: String? = nil, consent: String? = nil, consentGranted: Bool = true,
        lastOutcome: String? = nil, addedFrom: Date? = nil, addedBefore: Date? = nil
    ) {
        self.campaign = campaign
        self.source = source
        self.consent = consent
        self.consentGranted = consentGranted
        self.lastOutcome = lastOutcome
        self.addedFrom = addedFrom
        self.addedBefore = addedBefore
    }

    /// Every field may be left out; `consentGranted` is then true, as in `init`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            campaign: try container.decodeIfPresent(String.self, forKey: .campaign),
            source: try container.decodeIfPresent(String.self, forKey: .source),
            consent: try container.decodeIfPresent(String.self, forKey: .consent),
            consentGranted: try container.decodeIfPresent(Bool.self, forKey: .consentGranted) ?? true,
            lastOutcome: try container.decodeIfPresent(String.self, forKey: .lastOutcome),
            addedFrom: try container.decodeIfPresent(Date.self, forKey: .addedFrom),
            addedBefore: try container.decodeIfPresent(Date.self, forKey: .addedBefore))
    }
}
