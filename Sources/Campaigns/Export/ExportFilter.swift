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
}
