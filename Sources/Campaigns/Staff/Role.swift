import Persistence

/// What a member of staff may do. A person may hold several roles.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable, Comparable, SQLTextEnum, SQLArrayElement {
    /// Defines consent types, data sources, staff, scripts and campaigns; imports and exports.
    case administrator
    /// Watches campaigns live, reads reports, plays recordings, confirms erasures.
    case supervisor
    /// Works the call queue in the browser.
    case agent

    /// Administrator first, then supervisor, then agent.
    public static func < (lhs: Role, rhs: Role) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .administrator: 0
        case .supervisor: 1
        case .agent: 2
        }
    }
}
