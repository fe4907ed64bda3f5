import Foundation

/// A kind of consent a person may give, with the exact words in force.
public struct ConsentType: Sendable, Hashable, Codable {
    public let id: Int
    /// Short machine name, e.g. `telemarketing`; lower-case letters, digits and underscores.
    public let code: String
    public let title: String
    public let purpose: ConsentPurpose
    /// The version of the text in force; a changed text is a new version.
    public let version: Int
    /// The words read or shown to the person.
    public let text: String

    public init(id: Int, code: String, title: String, purpose: ConsentPurpose, version: Int, text: String) {
        self.id = id
        self.code = code
        self.title = title
        self.purpose = purpose
        self.version = version
        self.text = text
    }
}

/// One row of the consent ledger: a grant or a withdrawal.
public struct ConsentEntry: Sendable, Hashable, Codable {
    public let contactID: Int
    public let consentCode: String
    public let version: Int
    public let granted: Bool
    public let channel: ConsentChannel
    /// What proves it: a recording, a message, a form submission, an import.
    public let proof: [String: String]
    public let recordedBy: String
    public let recordedAt: Date
    public let expiresAt: Date?

    public init(
        contactID: Int, consentCode: String, version: Int, granted: Bool, channel: ConsentChannel,
        proof: [String: String], recordedBy: String, recordedAt: Date, expiresAt: Date? = nil
    ) {
        self.contactID = contactID
        self.consentCode = consentCode
        self.version = version
        self.granted = granted
        self.channel = channel
        self.proof = proof
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
        self.expiresAt = expiresAt
    }
}
