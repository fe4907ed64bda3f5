/// A contact about to be stored: the personal data, and what is known of the number.
public struct ContactDraft: Sendable, Hashable {
    public var personal: PersonalData
    /// ISO 3166 region of the number, e.g. `PL`.
    public var country: String
    public var lineType: LineType
    /// IANA time zone the calling window is evaluated in.
    public var timeZone: String

    public enum LineType: String, Sendable, Codable, CaseIterable {
        case mobile, fixed, voip, unknown
    }

    public init(personal: PersonalData, country: String, lineType: LineType, timeZone: String) {
        self.personal = personal
        self.country = country
        self.lineType = lineType
        self.timeZone = timeZone
    }
}
