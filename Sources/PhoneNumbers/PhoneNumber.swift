/// A valid phone number in E.164 form, with the facts a dialer needs about it.
public struct PhoneNumber: Sendable, Hashable, Codable {
    /// The number in E.164 form, e.g. "+48601234567".
    public let e164: String
    /// The ISO 3166 code of the region the number belongs to, e.g. "PL".
    public let regionCode: String
    /// The country calling code, e.g. 48.
    public let countryCode: Int
    /// The national significant number, without any trunk prefix, e.g. "601234567".
    public let nationalNumber: String
    /// The kind of line the number reaches.
    public let lineType: PhoneLineType
    /// The IANA time zone of the number's area, e.g. "Europe/Warsaw".
    public let timeZone: String

    /// A number from its parts; `e164` is built from the country code and national number.
    public init(
        regionCode: String, countryCode: Int, nationalNumber: String, lineType: PhoneLineType,
        timeZone: String
    ) {
        self.e164 = "+\(countryCode)\(nationalNumber)"
        self.regionCode = regionCode
        self.countryCode = countryCode
        self.nationalNumber = nationalNumber
        self.lineType = lineType
        self.timeZone = timeZone
    }
}
