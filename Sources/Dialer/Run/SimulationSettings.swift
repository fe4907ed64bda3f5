import Foundation

/// Everything a simulation run is given: with the same settings and seed on the virtual
/// clock it produces the same calls.
public struct SimulationSettings: Sendable, Hashable, Codable {
    public var agents: Int
    /// Length of the shift; calls in progress at its end are finished.
    public var hours: Double
    public var seed: UInt64
    /// When the simulated shift starts.
    public var start: Date
    public var clock: ClockKind
    public var network: NetworkModel
    /// The chance that a person asked for a consent during a call gives it.
    public var consentGrantRate: Double
    /// Agents take a break of `breakMinutes` every `breakEveryMinutes`; 0 means no breaks.
    public var breakEveryMinutes: Double
    public var breakMinutes: Double
    /// Call records written per transaction.
    public var batchSize: Int
    /// Where recordings' audio files go, and how many bytes of them the run may write; nil: no files.
    public var recordingsFolder: String?
    public var recordingCapBytes: Int
    /// Whether to publish every event with NOTIFY for live supervision.
    public var publishEvents: Bool

    public init(
        agents: Int, hours: Double, seed: UInt64, start: Date, clock: ClockKind = .virtual,
        network: NetworkModel = NetworkModel(), consentGrantRate: Double = 0.6, breakEveryMinutes: Double = 120,
        breakMinutes: Double = 15, batchSize: Int = 500, recordingsFolder: String? = nil, recordingCapBytes: Int = 128 << 20,
        publishEvents: Bool = true
    ) {
        self.agents = agents
        self.hours = hours
        self.seed = seed
        self.start = start
        self.clock = clock
        self.network = network
        self.consentGrantRate = consentGrantRate
        self.breakEveryMinutes = breakEveryMinutes
        self.breakMinutes = breakMinutes
        self.batchSize = batchSize
        self.recordingsFolder = recordingsFolder
        self.recordingCapBytes = recordingCapBytes
        self.publishEvents = publishEvents
    }

    public var end: Date { start.addingTimeInterval(hours * 3600) }

    public func validate() throws {
        guard agents > 0, agents <= 10_000 else { throw SimulationError.agentsOutOfRange(agents) }
        guard hours > 0, hours <= 24 * 31 else { throw SimulationError.hoursOutOfRange(hours) }
        guard (0...1).contains(consentGrantRate) else { throw SimulationError.consentRateOutOfRange(consentGrantRate) }
        guard batchSize > 0 else { throw SimulationError.batchSizeNotPositive(batchSize) }
        try network.validate()
    }
}
