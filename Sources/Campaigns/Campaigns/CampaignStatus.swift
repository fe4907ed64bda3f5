import Persistence

/// Where a campaign is in its life. Only these moves are legal:
/// draft → active; active ⇄ paused; active or paused → finished.
public enum CampaignStatus: String, Sendable, Codable, CaseIterable {
    case draft, active, paused, finished

    /// The status after moving to `target`, or an error that says why the move is refused.
    public func moving(to target: CampaignStatus) throws -> CampaignStatus {
        let legal: Set<CampaignStatus> =
            switch self {
            case .draft: [.active]
            case .active: [.paused, .finished]
            case .paused: [.active, .finished]
            case .finished: []
            }
        guard legal.contains(target) else {
            throw CampaignError.statusMoveRefused(from: self, to: target, legal: legal.sorted { $0.rawValue < $1.rawValue })
        }
        return target
    }

    /// Whether dialers may call for the campaign.
    public var isDialing: Bool { self == .active }
}

/// How the dialer decides when to place calls.
public enum DialMode: String, Sendable, Codable, CaseIterable {
    /// The agent sees the contact first and starts the call.
    case preview
    /// One line per free agent.
    case progressive
    /// Dials ahead of free agents, steered to keep the abandon rate under the limit.
    case predictive
}

extension CampaignStatus: SQLTextEnum {}
extension DialMode: SQLTextEnum {}
