import Foundation

/// The figures of a finished run.
public struct RunSummary: Sendable, Hashable, Codable {
    public var dialed = 0
    public var humanAnswers = 0
    public var machineAnswers = 0
    public var busy = 0
    public var noAnswer = 0
    public var invalid = 0
    /// Calls a person answered and an agent talked on.
    public var connected = 0
    /// Answering machines that reached an agent, who hung up on noticing.
    public var machinesToAgents = 0
    public var abandoned = 0
    public var successes = 0
    public var recordings = 0
    public var consentsGranted = 0
    public var consentsRefused = 0
    /// Agent seconds in calls and wrap-up, and logged in (breaks excluded).
    public var agentBusySeconds = 0.0
    public var agentAvailableSeconds = 0.0
    public var simulatedSeconds = 0.0
    public var wallSeconds = 0.0
    /// When the run stopped dialing because its campaign was paused or finished meanwhile.
    public var stoppedEarlyAt: Date?

    public init() {}

    /// Abandoned calls per live answer, as regulators count it.
    public var abandonRate: Double { humanAnswers == 0 ? 0 : Double(abandoned) / Double(humanAnswers) }
    /// Share of logged-in agent time spent in calls and wrap-up.
    public var occupancy: Double { agentAvailableSeconds == 0 ? 0 : agentBusySeconds / agentAvailableSeconds }
    /// Successes per connected call.
    public var conversion: Double { connected == 0 ? 0 : Double(successes) / Double(connected) }
    /// Dial attempts simulated per second of wall time.
    public var callsPerWallSecond: Double { wallSeconds == 0 ? 0 : Double(dialed) / wallSeconds }

    mutating func count(_ record: CallRecord) {
        dialed += 1
        switch record.network {
        case .human: humanAnswers += 1
        case .machine: machineAnswers += 1
        case .busy: busy += 1
        case .noAnswer: noAnswer += 1
        case .invalid: invalid += 1
        }
        if record.connectedAt != nil {
            if record.network == .machine { machinesToAgents += 1 } else { connected += 1 }
        }
        if record.abandoned { abandoned += 1 }
        if record.success { successes += 1 }
        if record.recording != nil { recordings += 1 }
        consentsGranted += record.consents.filter(\.granted).count
        consentsRefused += record.consents.filter { !$0.granted }.count
    }
}
