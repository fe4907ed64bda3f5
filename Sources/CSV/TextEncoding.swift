/// The text encodings a contact list may arrive in from a Polish contact centre.
public enum TextEncoding: String, Sendable, Codable, CaseIterable {
    case utf8
    case windows1250
    case iso8859_2

    /// The name a person knows the encoding by, as spreadsheet programs print it.
    public var name: String {
        switch self {
        case .utf8: "UTF-8"
        case .windows1250: "Windows-1250"
        case .iso8859_2: "ISO-8859-2"
        }
    }
}

extension TextEncoding: CustomStringConvertible {
    public var description: String { name }
}
