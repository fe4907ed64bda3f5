/// The kinds of characters people put between the digits of a phone number, all dropped on import.
struct PhoneSeparators: OptionSet, Sendable, Hashable {
    let rawValue: UInt8

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    static let spaces = PhoneSeparators(rawValue: 1 << 0)
    static let nonBreakingSpaces = PhoneSeparators(rawValue: 1 << 1)
    static let dashes = PhoneSeparators(rawValue: 1 << 2)
    static let dots = PhoneSeparators(rawValue: 1 << 3)
    static let slashes = PhoneSeparators(rawValue: 1 << 4)
    static let brackets = PhoneSeparators(rawValue: 1 << 5)

    /// Each kind with its plural name, in the order a report lists them.
    static let names: [(PhoneSeparators, String)] = [
        (.spaces, "spaces"), (.nonBreakingSpaces, "non-breaking spaces"), (.dashes, "dashes"),
        (.dots, "dots"), (.slashes, "slashes"), (.brackets, "brackets"),
    ]

    /// The kind of separator `scalar` is, or nil when it is not one.
    init?(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "\u{00A0}", "\u{2007}", "\u{202F}", "\u{2060}", "\u{FEFF}":
            self = .nonBreakingSpaces
        case "-", "\u{00AD}", "\u{2010}"..."\u{2015}", "\u{2212}", "\u{FF0D}":
            self = .dashes
        case ".", "\u{FF0E}":
            self = .dots
        case "/", "\u{FF0F}":
            self = .slashes
        case "(", ")", "[", "]", "\u{FF08}", "\u{FF09}", "\u{FF3B}", "\u{FF3D}":
            self = .brackets
        default:
            guard scalar.properties.isWhitespace else { return nil }
            self = .spaces
        }
    }
}
