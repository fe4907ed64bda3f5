/// Why a campaign cannot be made, changed or moved as asked.
public enum CampaignError: DomainError, Hashable {
    case unnamed
    case nameTaken(String)
    case abandonLimitOutOfRange(Double)
    case noAttemptsAllowed
    case windowEndsBeforeStart
    case unknownCallingDay
    case windowOutsideLegalHours
    case ringTooShort(seconds: Double)
    case dialRatioBelowOne(Double)
    case negativeDuration
    case abandonedRedialTooSoon
    case negativeRetryDelay
    /// A campaign that records calls must ask for or disclose the recording.
    case recordingUndisclosed(campaign: String)
    /// A status move the campaign's life does not allow; `legal` lists the ones it does.
    case statusMoveRefused(from: CampaignStatus, to: CampaignStatus, legal: [CampaignStatus])

    public var kind: FailureKind {
        switch self {
        case .nameTaken, .statusMoveRefused: .conflict
        default: .invalid
        }
    }

    public var code: String {
        "campaign." + {
            switch self {
            case .unnamed: "unnamed"
            case .nameTaken: "name_taken"
            case .abandonLimitOutOfRange: "abandon_limit_out_of_range"
            case .noAttemptsAllowed: "no_attempts_allowed"
            case .windowEndsBeforeStart: "window_ends_before_start"
            case .unknownCallingDay: "unknown_calling_day"
            case .windowOutsideLegalHours: "window_outside_legal_hours"
            case .ringTooShort: "ring_too_short"
            case .dialRatioBelowOne: "dial_ratio_below_one"
            case .negativeDuration: "negative_duration"
            case .abandonedRedialTooSoon: "abandoned_redial_too_soon"
            case .negativeRetryDelay: "negative_retry_delay"
            case .recordingUndisclosed: "recording_undisclosed"
            case .statusMoveRefused: "status_move_refused"
            }
        }()
    }

    public var description: String {
        switch self {
        case .unnamed: "a campaign needs a name"
        case .nameTaken(let name): "a campaign named \"\(name)\" exists already"
        case .abandonLimitOutOfRange(let limit): "the abandon-rate limit is a share between 0 and 1, e.g. 0.03, not \(limit)"
        case .noAttemptsAllowed: "a campaign allows at least one attempt, in all and per day"
        case .windowEndsBeforeStart: "the calling window must start before it ends"
        case .unknownCallingDay: "the calling days must be among 1 (Monday) to 7 (Sunday)"
        case .windowOutsideLegalHours: "calls are allowed only between 8:00 and 21:00 local time"
        case .ringTooShort(let seconds): "a call must ring at least 15 seconds before the dialer gives up, not \(Int(seconds))"
        case .dialRatioBelowOne(let ratio): "the maximum dial ratio is at least 1, not \(ratio)"
        case .negativeDuration: "the preview time and the pacing interval cannot be negative, and the interval is above 0"
        case .abandonedRedialTooSoon: "an abandoned contact may not be dialed again within 72 hours"
        case .negativeRetryDelay: "retry delays cannot be negative"
        case .recordingUndisclosed(let campaign):
            "the campaign \"\(campaign)\" records calls, so it must require a recording consent, or its script must ask "
                + "for one or say that the call is recorded (a say step with \"disclosure\": true)"
        case .statusMoveRefused(let from, let to, let legal):
            "a \(from.rawValue) campaign cannot become \(to.rawValue)"
                + (legal.isEmpty ? "; it is final" : "; it can become " + legal.map(\.rawValue).sorted().joined(separator: " or "))
        }
    }
}
