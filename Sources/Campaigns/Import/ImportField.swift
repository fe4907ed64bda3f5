/// What a column of an imported file holds.
public enum ImportField: Sendable, Hashable, Codable, CustomStringConvertible {
    case firstName
    case lastName
    /// "Jan Kowalski" in one column; split at the last space.
    case fullName
    case phone
    case email
    /// An IANA time zone for the contact, overriding the one that follows from the number.
    case timeZone
    /// Yes/no: whether the person gave this consent (by consent type code).
    case consent(String)
    /// Kept with the contact, sealed, under this name.
    case custom(String)
    /// Not imported.
    case ignore

    /// Reads `first_name`, `phone`, `consent:marketing`, `custom:notes`, `ignore`, ...
    public init?(spec: String) {
        let parts = spec.split(separator: ":", maxSplits: 1).map { String($0).trimmingWhitespaceAndQuotes() }
        switch (parts.first?.lowercased(), parts.count) {
        case ("first_name", 1): self = .firstName
        case ("last_name", 1): self = .lastName
        case ("full_name", 1): self = .fullName
        case ("phone", 1): self = .phone
        case ("email", 1): self = .email
        case ("time_zone", 1): self = .timeZone
        case ("ignore", 1): self = .ignore
        case ("consent", 2) where !parts[1].isEmpty: self = .consent(parts[1])
        case ("custom", 2) where !parts[1].isEmpty: self = .custom(parts[1])
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .firstName: "first_name"
        case .lastName: "last_name"
        case .fullName: "full_name"
        case .phone: "phone"
        case .email: "email"
        case .timeZone: "time_zone"
        case .consent(let code): "consent:\(code)"
        case .custom(let name): "custom:\(name)"
        case .ignore: "ignore"
        }
    }
}

extension String {
    func trimmingWhitespaceAndQuotes() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace || first == "\"" { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace || last == "\"" { scalars.removeLast() }
        return String(scalars)
    }

    /// Lower case, Polish letters folded to ASCII, spaces and punctuation removed: how headers compare.
    var headerKey: String {
        let folded: [Character: Character] = ["ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z"]
        return String(lowercased().compactMap { character -> Character? in
            if let plain = folded[character] { return plain }
            return character.isLetter || character.isNumber ? character : nil
        })
    }
}
