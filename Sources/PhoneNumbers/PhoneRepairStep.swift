/// One change made to a phone cell on its way to E.164; its description is what the import
/// report says about it.
enum PhoneRepairStep: Sendable, Hashable, CustomStringConvertible {
    /// Spaces, dashes and the like were dropped.
    case removedSeparators(PhoneSeparators)
    /// Digits of another script were turned into 0–9.
    case convertedDigits
    /// The international prefix of the default region (Poland's "00") gave way to "+".
    case replacedInternationalPrefix(prefix: String, countryCode: Int)
    /// A "+" stood before the international prefix ("+0048"): both gave way to one "+".
    case removedPlusBeforeInternationalPrefix(prefix: String, countryCode: Int)
    /// The default region's country code was written without "+" ("48 601 234 567").
    case addedPlus(countryCode: Int)
    /// No country code was written: the default region's was put in front.
    case addedCountryCode(countryCode: Int, regionCode: String)
    /// The trunk prefix dialled within the country ("0" in Germany) was dropped.
    case removedTrunkPrefix(String)
    /// The start of the national number was rewritten by the region's own rule: a carrier code
    /// taken off (Brazil), an area code put on (Guernsey's local numbers), Argentina's mobile "15"
    /// turned into "9".
    case replacedNationalPrefix(removed: String, added: String, regionCode: String)
    /// A "0" stood before a number of a region that has no trunk prefix (Poland).
    case removedStrayZero(regionCode: String)

    var description: String {
        switch self {
        case .removedSeparators(let separators):
            "removed " + Self.list(PhoneSeparators.names.filter { separators.contains($0.0) }.map(\.1))
        case .convertedDigits:
            "turned digits of another script into 0–9"
        case .replacedInternationalPrefix(let prefix, let code):
            "replaced the \(prefix)\(code) international prefix with +\(code)"
        case .removedPlusBeforeInternationalPrefix(let prefix, let code):
            "replaced +\(prefix)\(code) with +\(code)"
        case .addedPlus(let code):
            "added the + before the country calling code \(code)"
        case .addedCountryCode(let code, let region):
            "added the \(region) country calling code +\(code)"
        case .removedTrunkPrefix(let prefix):
            "removed the leading trunk \(prefix)"
        case .replacedNationalPrefix(let removed, "", _):
            "removed the leading trunk and carrier prefix \(removed)"
        case .replacedNationalPrefix("", let added, let region):
            "added the area code \(added) that local \(region) numbers leave out"
        case .replacedNationalPrefix(let removed, let added, let region):
            "rewrote the leading \(removed) as \(added), as \(region) numbers are stored"
        case .removedStrayZero(let region):
            "removed a stray leading 0 (\(region) numbers have no trunk prefix)"
        }
    }

    /// "a", "a and b", "a, b and c".
    private static func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        let head = items.dropLast()
        return head.isEmpty ? last : head.joined(separator: ", ") + " and " + last
    }
}
