import Persistence

/// Something an import has to say about one line of the file.
public struct ImportIssue: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, SQLTextEnum {
        case rejected, repaired, duplicate
    }

    public let line: Int
    public let kind: Kind
    /// What happened, without any value from the file: safe to store and to log.
    public let detail: String
    /// The same with the values (e.g. the number before and after repair), for the person
    /// running the import; never stored.
    public let display: String?

    public init(line: Int, kind: Kind, detail: String, display: String? = nil) {
        self.line = line
        self.kind = kind
        self.detail = detail
        self.display = display
    }
}
