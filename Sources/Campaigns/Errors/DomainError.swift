/// An error Switchboard explains to whoever made the request: a kind for the edge, a stable
/// code for scripts and tests, and a description worded for a person.
///
/// Each area has an error type of its own (`CampaignError`, `ConsentError`, `VaultError`, …):
/// its cases carry the values the message needs, and the type words the message, so no throw
/// site writes a sentence. The HTTP API and the command line turn these into answers in one
/// place each; an error that is not a `DomainError` is an internal one.
///
/// A description never quotes personal data: an answer may travel further than the data.
public protocol DomainError: Error, Sendable, CustomStringConvertible {
    /// Whose fault it is, and so how the edge answers.
    var kind: FailureKind { get }
    /// A stable dotted code such as `campaign.name_taken`: the area, then the case.
    var code: String { get }
}
