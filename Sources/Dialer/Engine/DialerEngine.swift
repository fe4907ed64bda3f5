import Campaigns
import DequeModule
import Dispatch
import Foundation
import Logging
import Persistence

/// The dialer: places calls for one campaign on the simulated network, hands answered calls
/// to agents, and records every attempt, all on one serial dispatch queue.
///
/// The same code runs on the virtual and the real clock. On the virtual clock nothing the
/// simulation decides depends on when PostgreSQL answers: pending writes are flushed before
/// every claim, so a claim sees exactly the queue the simulated past left, and a run with
/// the same seed and data replays the same calls.
public final class DialerEngine: @unchecked Sendable {
    // Safety: every mutable property is read and written only on `queue`: `run` starts there,
    // and every clock action runs there.
    let queue: DispatchQueue
    let clock: any SimulationClock
    let settings: SimulationSettings
    let campaign: Campaign
    let walker: ScriptWalker
    let network: PhoneNetwork
    let database: Database
    let leases: QueueLeases
    let writer: CallWriter
    let writes: WritePipeline
    let logger: Logger
    let progress: (@Sendable (RunProgress) -> Void)?

    var generator: SeededGenerator
    var pacer: any Pacer
    var agents: [AgentSeat]
    var hopper = Deque<ClaimedContact>()
    var dialing = 0
    var waiting: [AnsweredCall] = []
    var pending: [CallRecord] = []
    var releases: [Int] = []
    var stretches: [AgentState.Stretch] = []
    var events: [DialerEvent] = []
    let studio: RecordingStudio?
    var flushTimer: (any DispatchSourceTimer)?
    var heartbeats = 0
    var sequence = 0
    var placedCount = 0
    var summary = RunSummary()
    var shiftOver = false
    var queueDrained = false
    var failure: (any Error)?
    var completion: (@Sendable (Result<RunSummary, any Error>) -> Void)?
    var wallStart = DispatchTime.now()

    init(
        campaign: Campaign, script: CallScript, agents: [Agent], settings: SimulationSettings, database: Database,
        runID: Int, dialerID: String, consentTypes: [String: (id: Int, version: Int)],
        history: [(time: Date, abandoned: Bool)], logger: Logger, progress: (@Sendable (RunProgress) -> Void)?
    ) {
        let queue = DispatchQueue(label: "switchboard.dialer.\(campaign.id)")
        self.queue = queue
        self.clock =
            switch settings.clock {
            case .virtual: VirtualClock(start: settings.start)
            case .real(let speed): RealClock(start: settings.start, speed: speed, queue: queue)
            }
        self.settings = settings
        self.campaign = campaign
        self.walker = ScriptWalker(script: script, consentGrantRate: settings.consentGrantRate)
        self.network = PhoneNetwork(model: settings.network, seed: settings.seed)
        self.database = database
        self.leases = QueueLeases(campaign: campaign, dialerID: dialerID)
        self.writer = CallWriter(
            runID: runID, campaignID: campaign.id, leases: leases, consentTypes: consentTypes,
            agentNames: Dictionary(uniqueKeysWithValues: agents.map { ($0.id, $0.name) }))
        self.writes = WritePipeline(database: database, writer: writer)
        self.logger = logger
        self.progress = progress
        self.generator = SeededGenerator(seed: settings.seed)
        self.studio = settings.recordingsFolder.map { RecordingStudio(folder: $0, capBytes: settings.recordingCapBytes) }
        self.pacer = Self.pacer(for: campaign, detection: settings.network.detectionSeconds, history: history)
        self.agents = agents.map { AgentSeat(agent: $0, state: AgentState(agentID: $0.id, at: settings.start)) }
    }

    /// Runs the shift to its end, lets the calls in progress finish, and returns the figures.
    func run() async throws -> RunSummary {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                self.completion = { continuation.resume(with: $0) }
                self.begin()
            }
        }
    }

    private func begin() {
        wallStart = .now()
        clock.schedule(at: settings.end) { [self] in endShift() }
        scheduleProgress(at: settings.start.addingTimeInterval(RunProgress.interval))
        if settings.publishEvents { scheduleLevel(at: settings.start) }
        for seat in agents { publish(.agent, agent: seat.agent.id, detail: seat.state.activity.rawValue) }
        for index in agents.indices { scheduleNextBreak(for: index, after: settings.start) }
        clock.start(on: queue)
        if case .real = settings.clock { startFlushTimer() }
        pace()
    }

    /// On the real clock supervisors watch as it happens: what is pending goes out ten times a
    /// second, and a heartbeat every ten seconds.
    private func startFlushTimer() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + 0.1, repeating: 0.1)
        timer.setEventHandler { @Sendable [weak self] in
            guard let self, completion != nil else { return }
            flush()
            heartbeats += 1
            if heartbeats % 100 == 0 {
                do { _ = try beat() } catch { fail(error) }
            }
        }
        timer.resume()
        flushTimer = timer
    }

    /// No new calls after the shift; the run completes once the last call and wrap-up end.
    private func endShift() {
        shiftOver = true
        completeIfIdle()
    }

    /// The heartbeat; false once the campaign is no longer active, which ends the shift early:
    /// no new calls, and the calls under way are finished.
    func beat() throws -> Bool {
        if try writes.heartbeat() { return true }
        if !shiftOver {
            summary.stoppedEarlyAt = clock.now
            endShift()
        }
        return false
    }

    func completeIfIdle() {
        guard shiftOver || failure != nil, let completion else { return }
        let busy = dialing > 0 || !waiting.isEmpty || agents.contains { [.inCall, .wrapUp, .reserved].contains($0.state.activity) }
        guard !busy || failure != nil else { return }
        self.completion = nil
        releases += hopper.map(\.contactID)
        hopper.removeAll()
        let end = summary.stoppedEarlyAt == nil ? max(clock.now, settings.end) : clock.now
        flushTimer?.cancel()
        for seat in agents {
            let last = seat.state.currentStretch(endingAt: end)
            if last.end > last.start { stretches.append(last) }
            let totals = seat.state.totals(at: end)
            summary.agentBusySeconds += (totals[.inCall] ?? 0) + (totals[.wrapUp] ?? 0)
            summary.agentAvailableSeconds += totals.filter { $0.key != .paused }.values.reduce(0, +)
        }
        for seat in agents { publish(.agent, agent: seat.agent.id, detail: DialerEvent.loggedOut) }
        summary.simulatedSeconds = end.timeIntervalSince(settings.start)
        summary.wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - wallStart.uptimeNanoseconds) / 1e9
        clock.stop()
        if let failure {
            try? settle()
            completion(.failure(failure))
            return
        }
        do {
            try settle()
            progress?(RunProgress(time: end, summary: summary, finished: true))
            completion(.success(summary))
        } catch {
            completion(.failure(error))
        }
    }

    /// Stops the run on an error that makes going on pointless (the database is gone).
    func fail(_ error: any Error) {
        logger.error("dialer run failed", metadata: ["error": "\(error)"])
        failure = failure ?? error
        completeIfIdle()
    }

    /// Progressive and preview dial one call per agent; predictive dials ahead.
    static func pacer(for campaign: Campaign, detection: Double, history: [(time: Date, abandoned: Bool)]) -> any Pacer {
        switch campaign.dialMode {
        case .predictive:
            PredictivePacer(
                abandonLimit: campaign.abandonLimit, maxDialRatio: campaign.dialSettings.maxDialRatio,
                adjustInterval: campaign.dialSettings.adjustIntervalSeconds,
                detectionSeconds: campaign.dialSettings.answeringMachineDetection ? detection : 0, history: history)
        case .progressive, .preview:
            ProgressivePacer()
        }
    }

    /// Tells supervisors the dial level as the pacer sees it, as often as it adjusts.
    private func scheduleLevel(at time: Date) {
        clock.schedule(at: time) { [self] in
            guard !shiftOver else { return }
            publish(.level, detail: String(format: "%.2f", pacer.dialLevel))
            scheduleLevel(at: time.addingTimeInterval(campaign.dialSettings.adjustIntervalSeconds))
        }
    }

    private func scheduleProgress(at time: Date) {
        clock.schedule(at: time) { [self] in
            guard !shiftOver else { return }
            progress?(RunProgress(time: time, summary: summary, finished: false))
            scheduleProgress(at: time.addingTimeInterval(RunProgress.interval))
        }
    }
}

/// An agent and where they are in their shift.
struct AgentSeat {
    let agent: Agent
    var state: AgentState
    /// When the agent became ready, to hand calls to the one waiting longest.
    var readySince: Date?
    /// A break is due; taken after the current call.
    var breakDue = false
    /// When the current call was connected, while the agent is in it or wrapping it up.
    var busySince: Date?
}

/// A call answered by a person (or a machine taken for one), waiting for an agent.
struct AnsweredCall {
    let call: PlacedCall
    let deadline: Date
}

/// A dial attempt in progress.
struct PlacedCall {
    /// Tells calls apart while they are in progress.
    let id: Int
    let contact: ClaimedContact
    let attempt: Int
    let dialedAt: Date
    let result: DialResult
    var answeredAt: Date?
    /// In preview mode, the agent who chose the contact and takes the call.
    var reservedSeat: Int?
    /// A person answered and the call waited for an agent.
    var reachedQueue = false
}

/// How far a run has come: reported every simulated quarter hour and at the end.
public struct RunProgress: Sendable {
    public let time: Date
    public let summary: RunSummary
    public let finished: Bool

    static let interval: TimeInterval = 15 * 60
}
