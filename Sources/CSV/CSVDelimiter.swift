/// The byte that separates fields: comma in most exports, semicolon where the decimal separator
/// is a comma (Polish Excel), tab in "text" exports.
public enum CSVDelimiter: UInt8, Sendable, Codable, CaseIterable {
    case comma = 44
    case semicolon = 59
    case tab = 9

    /// The name a person knows the delimiter by.
    public var name: String {
        switch self {
        case .comma: "comma"
        case .semicolon: "semicolon"
        case .tab: "tab"
        }
    }
}

extension CSVDelimiter: CustomStringConvertible {
    public var description: String { name }
}
