/// Something a request names does not exist: a campaign, a consent type, a contact, …
public struct NotFound: DomainError, Hashable {
    /// The things a request can name.
    public enum Thing: String, Sendable, Hashable, CaseIterable {
        case agent
        case apiToken = "API token"
        case campaign
        case consentType = "consent type"
        case contact
        case dataSource = "data source"
        case erasureRequest = "erasure request"
        case `import`
        case recording
        case recordingFile = "recording file"
        case script
        case staffMember = "staff member"
    }

    public let thing: Thing
    /// The name or id it was asked by.
    public let key: String

    public init(_ thing: Thing, _ key: String) {
        self.thing = thing
        self.key = key
    }

    public init(_ thing: Thing, _ id: Int) {
        self.init(thing, String(id))
    }

    public var kind: FailureKind { .notFound }
    public var code: String { thing.rawValue.replacing(" ", with: "_") + ".not_found" }
    public var description: String { "there is no \(thing.rawValue) \"\(key)\"" }
}
