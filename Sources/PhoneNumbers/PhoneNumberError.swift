/// Why a phone cell was rejected, worded for an import report.
///
/// Descriptions never quote the number itself: an import report may travel further than the
/// contact data it describes.
public enum PhoneNumberError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The cell is empty or blank.
    case empty
    /// The cell holds separators but no digit.
    case noDigits
    /// The cell holds letters; keypad letters ("601-ABC-567") are not turned into digits.
    case letters
    /// The cell holds a character that no way of writing a phone number uses.
    case unexpectedCharacter(Character)
    /// A "+" stands somewhere other than before the first digit, or twice.
    case misplacedPlus
    /// Fewer digits than any number of the region has (nil when not even the country is known).
    case tooShort(regionCode: String?)
    /// More digits than any number of the region has (nil when more than any number anywhere).
    case tooLong(regionCode: String?)
    /// A number that can only be dialled within its area: the area code is missing.
    case localOnly(regionCode: String)
    /// Between the shortest and longest numbers of the region, but no number there has this length.
    case impossibleLength(regionCode: String)
    /// A "+" or an international prefix is followed by no known country calling code.
    case unknownCountryCallingCode
    /// Possible in length, but no number range of the region includes it.
    case invalidForRegion(regionCode: String)
    /// A number of a non-geographic service (such as +800), which has no country or time zone.
    case nonGeographic(countryCode: Int)
    /// The numbering plan the number belongs to could not be loaded, so it was not checked.
    case numberingPlanUnavailable(regionCode: String)

    public var description: String {
        switch self {
        case .empty:
            "The phone number is empty."
        case .noDigits:
            "The phone number holds no digits."
        case .letters:
            "The phone number contains letters; keypad letters are not turned into digits."
        case .unexpectedCharacter(let character):
            "The phone number contains “\(character)”, which has no place in a phone number."
        case .misplacedPlus:
            "The phone number has a “+” that is not at its start."
        case .tooShort(let region?):
            "The phone number has too few digits for a number in \(region)."
        case .tooShort(nil):
            "The phone number has too few digits to be a phone number."
        case .tooLong(let region?):
            "The phone number has too many digits for a number in \(region)."
        case .tooLong(nil):
            "The phone number has too many digits to be a phone number."
        case .localOnly(let region):
            "The phone number is a local number in \(region) written without its area code."
        case .impossibleLength(let region):
            "No phone number in \(region) has this many digits."
        case .unknownCountryCallingCode:
            "The phone number starts with “+” or an international prefix, but no known country calling code follows."
        case .invalidForRegion(let region):
            "The phone number is not valid in \(region): no number range there includes it."
        case .nonGeographic(let code):
            "The phone number belongs to the non-geographic service +\(code), which has no country or time zone."
        case .numberingPlanUnavailable(let region):
            "The phone number was not checked: the numbering plan of \(region) could not be loaded."
        }
    }
}
