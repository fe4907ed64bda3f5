/// How a national number's length compares with the lengths a numbering plan allows
/// (libphonenumber's `ValidationResult`).
enum PhoneLengthCheck: Sendable, Hashable {
    /// Some number of the plan has this length.
    case possible
    /// Only numbers dialled without their area code have this length.
    case localOnly
    /// Shorter than the plan's shortest number.
    case tooShort
    /// Longer than the plan's longest number.
    case tooLong
    /// Between the shortest and longest, but no number has this length.
    case invalidLength
}
