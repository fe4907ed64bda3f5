import Foundation

/// Everything one dial attempt leaves behind: the call, its recording, the consents asked
/// during it, and what becomes of the contact in the queue.
public struct CallRecord: Sendable, Hashable {
    /// The attempt's number within its run, in the order calls ended.
    public let sequence: Int
    public let contactID: Int
    public let attempt: Int
    public let agentID: Int?
    public let dialedAt: Date
    /// The contact's local day of the attempt (`2026-11-26`), for the per-day limit.
    public let attemptDay: String
    public let answeredAt: Date?
    public let connectedAt: Date?
    public let endedAt: Date
    public let network: NetworkResult
    public let abandoned: Bool
    /// The abandoned person heard the recorded message.
    public let safeHarbour: Bool
    public let outcome: String?
    public let success: Bool
    /// The person objected to marketing calls (GDPR art. 21).
    public let objected: Bool
    public let wrapUpEndsAt: Date?
    public let scriptPath: [String]
    public let consents: [Conversation.Consent]
    public let recording: RecordingMetadata?
    public let next: QueueDecision
}

/// What happens to the contact after an attempt.
public struct QueueDecision: Sendable, Hashable {
    /// Why, in a word: the network result or the outcome (`busy`, `sale`, `callback`, ...).
    public let result: String
    /// When to try again; nil when the contact is finished with in this campaign.
    public let retryAt: Date?
    /// For an agreed callback: the agent to give it to, if possible.
    public let callbackAgentID: Int?
}

/// What is known about a recording: enough to list, check and play it.
public struct RecordingMetadata: Sendable, Hashable {
    public let id: UUID
    public let startedAt: Date
    public let durationMilliseconds: Int
    public let codec: String
    public let sampleRate: Int
    public let byteSize: Int
    /// The file's SHA-256 and where it is; nil when the run's storage cap was reached.
    public let sha256: Data?
    public let storageURI: String?
}
