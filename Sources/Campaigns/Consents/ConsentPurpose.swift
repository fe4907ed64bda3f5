import Persistence

/// What a consent allows, in the words of the GDPR and Polish telecommunications law.
public enum ConsentPurpose: String, Sendable, Codable, CaseIterable {
    /// Processing of personal data as such (GDPR art. 6(1)(a)).
    case processing
    /// Being contacted by phone for direct marketing (Prawo komunikacji elektronicznej art. 398).
    case telemarketing
    /// Receiving marketing content.
    case marketing
    /// Having the call recorded.
    case recording
    /// Sharing the data with third parties.
    case sharing
    /// A purpose of the controller's own, named in the title.
    case other
}

/// How a grant or withdrawal reached us.
public enum ConsentChannel: String, Sendable, Codable, CaseIterable {
    case `import`
    case call
    case webForm = "web_form"
    case chat
    case api
    case manual
}

extension ConsentPurpose: SQLTextEnum {}
extension ConsentChannel: SQLTextEnum {}
