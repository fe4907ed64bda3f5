/// Which clock a run uses.
public enum ClockKind: Sendable, Hashable, Codable {
    /// Jump from event to event: a day in seconds, exactly reproducible.
    case virtual
    /// Follow the wall clock, `speed` times faster.
    case real(speed: Double)

    public var name: String {
        switch self {
        case .virtual: "virtual"
        case .real: "real"
        }
    }
}
