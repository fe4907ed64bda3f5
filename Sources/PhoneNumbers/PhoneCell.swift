/// A phone cell reduced to its digits and leading "+", with a note of what was dropped.
///
/// This is where the import decides what a cell may hold: digits (any script's decimal digits),
/// one "+" before them, and separators. Letters are refused rather than read as keypad digits,
/// unlike libphonenumber, which would turn "601-ABC-567" into a valid number.
struct PhoneCell: Sendable, Hashable {
    /// The digits, in ASCII, in order.
    var digits: [UInt8] = []
    /// Whether a "+" came before the first digit.
    var hasPlus = false
    /// The kinds of separators that were dropped.
    var separators: PhoneSeparators = []
    /// Whether some digits were written in another script (Arabic-Indic, full width, …).
    var convertedDigits = false

    /// The digits as a string of ASCII digits.
    var number: String { String(decoding: digits, as: UTF8.self) }

    /// Reads `raw`, or says why it cannot hold a phone number.
    static func read(_ raw: String) -> Result<PhoneCell, PhoneNumberError> {
        var cell = PhoneCell()
        cell.digits.reserveCapacity(raw.utf8.count)
        var blank = true
        for scalar in raw.unicodeScalars {
            if scalar.isASCII, scalar.value >= 0x30, scalar.value <= 0x39 {
                cell.digits.append(UInt8(scalar.value))
                blank = false
            } else if let separator = PhoneSeparators(scalar) {
                cell.separators.insert(separator)
                if separator != .spaces && separator != .nonBreakingSpaces { blank = false }
            } else if scalar == "+" || scalar == "\u{FF0B}" {
                guard !cell.hasPlus, cell.digits.isEmpty else { return .failure(.misplacedPlus) }
                cell.hasPlus = true
                blank = false
            } else if let digit = decimalValue(of: scalar) {
                cell.digits.append(0x30 + digit)
                cell.convertedDigits = true
                blank = false
            } else if scalar.properties.isAlphabetic {
                return .failure(.letters)
            } else {
                return .failure(.unexpectedCharacter(Character(scalar)))
            }
        }
        if blank { return .failure(.empty) }
        if cell.digits.isEmpty { return .failure(.noDigits) }
        return .success(cell)
    }

    /// The value of a decimal digit of any script, such as "٣" or "３".
    private static func decimalValue(of scalar: Unicode.Scalar) -> UInt8? {
        guard scalar.properties.numericType == .decimal,
            let value = scalar.properties.numericValue, value >= 0, value <= 9
        else { return nil }
        return UInt8(value)
    }
}
