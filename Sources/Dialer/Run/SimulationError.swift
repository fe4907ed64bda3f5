import Campaigns

/// Why a simulation cannot start or go on.
public enum SimulationError: DomainError, Hashable {
    case agentsOutOfRange(Int)
    case hoursOutOfRange(Double)
    case consentRateOutOfRange(Double)
    case batchSizeNotPositive(Int)
    /// The network model's shares of outcomes do not add up to at most 1, each within 0…1.
    case outcomeSharesOutOfRange
    /// A detection error rate or the share of evening people lies outside 0…1.
    case rateOutOfRange
    case campaignNotDialing(name: String, status: CampaignStatus)
    case noScript(campaign: String)
    /// An agent's state was asked to make a move it cannot make: a fault of the dialer itself.
    case illegalAgentMove(agentID: Int, event: String, activity: String)

    public var kind: FailureKind {
        switch self {
        case .campaignNotDialing: .conflict
        case .illegalAgentMove: .internal
        default: .invalid
        }
    }

    public var code: String {
        "simulation." + {
            switch self {
            case .agentsOutOfRange: "agents_out_of_range"
            case .hoursOutOfRange: "hours_out_of_range"
            case .consentRateOutOfRange: "consent_rate_out_of_range"
            case .batchSizeNotPositive: "batch_size_not_positive"
            case .outcomeSharesOutOfRange: "outcome_shares_out_of_range"
            case .rateOutOfRange: "rate_out_of_range"
            case .campaignNotDialing: "campaign_not_dialing"
            case .noScript: "no_script"
            case .illegalAgentMove: "illegal_agent_move"
            }
        }()
    }

    public var description: String {
        switch self {
        case .agentsOutOfRange(let agents): "the number of agents must be between 1 and 10,000, not \(agents)"
        case .hoursOutOfRange: "a run lasts more than 0 and at most 744 hours"
        case .consentRateOutOfRange: "the consent rate is between 0 and 1"
        case .batchSizeNotPositive: "the batch size must be positive"
        case .outcomeSharesOutOfRange: "the shares of answers, machines, busy and invalid numbers must be between 0 and 1 together"
        case .rateOutOfRange: "detection error rates and the share of evening people are between 0 and 1"
        case .campaignNotDialing(let name, let status):
            "the campaign \"\(name)\" is \(status.rawValue); only an active campaign is dialed" + Self.remedy(name: name, status: status)
        case .noScript(let campaign): "the campaign \"\(campaign)\" has no call script"
        case .illegalAgentMove(let agentID, let event, let activity): "agent \(agentID) cannot \(event) while \(activity)"
        }
    }

    private static func remedy(name: String, status: CampaignStatus) -> String {
        switch status {
        case .draft: " (switchboard campaign start \"\(name)\")"
        case .paused: " (switchboard campaign resume \"\(name)\")"
        case .active, .finished: ""
        }
    }
}
