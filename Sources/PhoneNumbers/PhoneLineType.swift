/// The kind of line a phone number reaches, as libphonenumber's numbering plans classify it.
public enum PhoneLineType: String, Sendable, Codable {
    /// A mobile phone.
    case mobile
    /// A fixed (landline) phone.
    case fixed
    /// Fixed or mobile: the plan gives both the same ranges (the US, Canada and others).
    case fixedOrMobile
    /// Voice over IP.
    case voip
    /// Free to the caller (Polish 800 numbers).
    case tollFree
    /// Charged above the normal rate (Polish 70x numbers).
    case premiumRate
    /// Cost shared between caller and receiver (Polish 801 numbers).
    case sharedCost
    /// A personal number that forwards to other lines.
    case personal
    /// A pager.
    case pager
    /// A universal access number: one number for a company's several offices.
    case uan
    /// A voicemail access number.
    case voicemail
    /// No type could be told; a parsed number never carries it, since such numbers are rejected.
    case unknown
}
