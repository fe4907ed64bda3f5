/// What confirming an erasure destroyed and what it kept, in counts only: the written
/// confirmation for the person (`ErasureCertificate`) is made from it.
public struct ErasureReport: Sendable, Hashable, Codable {
    /// The contact's name, number, e-mail and free fields (its key destroyed).
    public var fieldsErased = true
    /// Earlier versions of the contact's data, each sealed under its key.
    public var historyEntries = 0
    /// Recordings of the person's calls: metadata removed, files deleted.
    public var recordings = 0
    public var recordingFilesDeleted = 0
    /// Recording files that could not be deleted (the path is in the server's log).
    public var recordingFilesLeft = 0
    /// Consent proofs that could hold personal data (a form's details, a recording's id).
    public var consentProofs = 0
    public var queueEntries = 0
    /// Calls kept as anonymous statistics: outcome and times, no contact.
    public var callsKeptAnonymous = 0
    /// The person objected to marketing: the keyed hash of their number stays on the
    /// do-not-call list, so they are not called again (GDPR art. 21 and recital 66).
    public var phoneHashKeptOnDoNotCall = false
    /// Do-not-call entries of the number put there by hand, removed with it.
    public var doNotCallEntriesRemoved = 0

    public init() {}
}
