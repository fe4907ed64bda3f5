/// The shape of `PhoneMetadata.json`, written by `dev/generate-phone-metadata.py` from
/// libphonenumber's data. Patterns stay text here; `NumberingPlan` compiles them.
struct PhoneMetadataFile: Decodable, Sendable {
    /// The numbers of one type (or all numbers of a region): a pattern and the possible lengths.
    struct Description: Decodable, Sendable {
        /// A Java/ICU regular expression over the national significant number.
        let pattern: String
        /// The lengths such numbers can have; -1 alone means the type has no numbers.
        let lengths: [Int]
        /// Lengths of numbers that can only be dialled locally (without an area code).
        let localLengths: [Int]?
        /// Hex of a 100-bit set: bit `10 * first + second` for each two-digit start the pattern
        /// allows; absent when it allows any.
        let leadingPairs: String?
    }

    /// One region's numbering plan.
    struct Region: Decodable, Sendable {
        let countryCode: Int
        /// A pattern for the prefix dialled to leave the country ("00" in Poland).
        let internationalPrefix: String?
        /// The trunk prefix dialled within the country ("0" in Germany).
        let nationalPrefix: String?
        /// A pattern for what may stand before a national number (trunk and carrier prefixes).
        let nationalPrefixForParsing: String?
        /// A template ("$1") that rewrites the part matched by `nationalPrefixForParsing`.
        let nationalPrefixTransformRule: String?
        /// For regions that share a calling code: a pattern for the first digits of their numbers.
        let leadingDigits: String?
        let general: Description?
        /// Keyed by the names in `NumberKind`.
        let types: [String: Description]
        /// An index into `timeZones`: the zone of the region's numbers when no prefix says otherwise.
        let timeZone: Int?
    }

    /// Where the data came from ("phonenumbers 9.0.43").
    let source: String
    /// IANA time zone names, referred to by index.
    let timeZones: [String]
    /// Each calling code's regions, the main region first ("1": ["US", "AG", …]).
    let countryCodes: [String: [String]]
    let regions: [String: Region]
    // The file also holds the plans of non-geographic services (+800, +808, …) under
    // "nonGeographic"; the parser rejects such numbers by their calling code alone.
    /// Per calling code: national-number prefixes and the zones their numbers are in.
    let timeZonePrefixes: [String: [String: [Int]]]
}
