import Foundation
import Persistence

/// Something that just happened in a dialer run, as every supervisor and dialer sees it.
public struct DialerEvent: Sendable, Hashable, Codable {
    /// The `agent` event's detail when an agent leaves with the end of a run.
    public static let loggedOut = "logged_out"

    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case dialed
        /// A person or a machine answered; `detail` says which.
        case answered
        /// The attempt ended without an answer; `detail` is busy, no_answer or invalid.
        case failed
        case connected
        case abandoned
        /// The call ended; `detail` is the outcome and `1` when it was a success, e.g. `sale 1`.
        case ended
        /// An agent changed activity; `detail` is the new one, or `logged_out` when the run ends.
        case agent
        /// A recording is stored; `detail` is its id.
        case recording
        /// The predictive pacer's dial level (lines per agent expected free); `detail` is the number.
        case level

        /// One letter on the wire.
        var code: Character {
            switch self {
            case .dialed: "D"
            case .answered: "A"
            case .failed: "F"
            case .connected: "C"
            case .abandoned: "X"
            case .ended: "O"
            case .agent: "S"
            case .recording: "R"
            case .level: "L"
            }
        }

        init?(code: Substring) {
            guard let kind = Self.allCases.first(where: { String($0.code) == code }) else { return nil }
            self = kind
        }
    }

    public let kind: Kind
    /// The simulated moment.
    public let time: Date
    public let agentID: Int?
    public let contactID: Int?
    public let detail: String

    public init(kind: Kind, time: Date, agentID: Int? = nil, contactID: Int? = nil, detail: String = "") {
        self.kind = kind
        self.time = time
        self.agentID = agentID
        self.contactID = contactID
        self.detail = detail
    }

    /// One line: `kind|milliseconds|agent|contact|detail`, `-` for an absent id.
    public var line: String {
        "\(kind.code)|\(Int64((time.timeIntervalSince1970 * 1000).rounded()))|\(agentID.map(String.init) ?? "-")|"
            + "\(contactID.map(String.init) ?? "-")|\(detail)"
    }

    /// Reads what `line` wrote.
    public init?(line: Substring) {
        let parts = line.split(separator: "|", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, let kind = Kind(code: parts[0]), let millis = Int64(parts[1]) else { return nil }
        self.init(
            kind: kind, time: Date(timeIntervalSince1970: Double(millis) / 1000), agentID: Int(parts[2]), contactID: Int(parts[3]),
            detail: String(parts[4]))
    }
}

/// A batch of events of one run, as a NOTIFY payload: a header line `run campaign happened`,
/// where `happened` is the wall-clock millisecond of its first event, then one event per line.
public struct EventBatch: Sendable, Hashable {
    /// The NOTIFY channel the batches go out on.
    public static let channel = SQLIdentifier("switchboard_events")
    public static var channelName: String { channel.name }
    /// PostgreSQL refuses payloads of 8,000 bytes or more.
    static let payloadLimit = 7_800

    public let runID: Int
    public let campaignID: Int
    public let events: [DialerEvent]
    /// When the first of its events happened, by the wall clock: a viewer sees none of them
    /// later than its arrival minus this.
    public let happenedAt: Date

    public init(runID: Int, campaignID: Int, events: [DialerEvent], happenedAt: Date = Date()) {
        self.runID = runID
        self.campaignID = campaignID
        self.events = events
        self.happenedAt = happenedAt
    }

    /// Payloads under the size limit, in order.
    public var payloads: [String] {
        let header = "\(runID) \(campaignID) \(Int64((happenedAt.timeIntervalSince1970 * 1000).rounded()))"
        var payloads: [String] = []
        var current = header
        for event in events {
            let line = event.line
            if current.utf8.count + 1 + line.utf8.count > Self.payloadLimit {
                payloads.append(current)
                current = header
            }
            current += "\n" + line
        }
        if current != header { payloads.append(current) }
        return payloads
    }

    public init?(payload: String) {
        var lines = payload.split(separator: "\n")
        guard !lines.isEmpty else { return nil }
        let header = lines.removeFirst().split(separator: " ")
        guard header.count == 3, let run = Int(header[0]), let campaign = Int(header[1]), let happened = Int64(header[2]) else { return nil }
        self.init(
            runID: run, campaignID: campaign, events: lines.compactMap { DialerEvent(line: $0) },
            happenedAt: Date(timeIntervalSince1970: Double(happened) / 1000))
    }
}
