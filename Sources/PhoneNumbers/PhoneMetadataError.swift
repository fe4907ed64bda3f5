/// Why a `PhoneNumberParser` could not be made.
public enum PhoneMetadataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The default region is not an ISO 3166 code that libphonenumber knows.
    case unknownRegion(String)
    /// The numbering plans shipped with the program could not be read.
    case unreadable(String)

    public var description: String {
        switch self {
        case .unknownRegion(let code):
            "“\(code)” is not a region code with a numbering plan (expected a code such as PL or DE)."
        case .unreadable(let reason):
            "The phone numbering plans could not be read: \(reason)"
        }
    }
}
