import Foundation

/// Dials ahead of free agents, steered so that the abandon rate stays under the limit.
///
/// At each decision it estimates how many agents will be free when the calls placed now are
/// answered, and dials so that the expected live answers match them, scaled by a dial level
/// that a feedback loop adjusts every `adjustInterval` seconds:
///
///     horizon  = T̄ring + T_detect + 2 s
///     free     = ready + Σ_busy P(handle ≤ elapsed + horizon | handle > elapsed)
///     calls    = ⌊ level · free / p̂ ⌋ − in flight,  capped at maxRatio · agents − in flight
///
/// p̂ is the measured share of dials that reach a person who gets through detection; T̄ring
/// the mean time to answer; the handle-time probabilities come from the empirical
/// distribution of recent handle times (talk plus wrap-up), as Samuelson's 1999 and later
/// call-centre pacing papers estimate each agent's release. The feedback follows VICIdial's
/// adaptive mode: every 15 s it compares the abandon rate, counted as regulators count it
/// (abandoned ÷ live answers, over the last 24 hours of the campaign, earlier runs
/// included), with a target a little under the limit: above the target the level drops by
/// a tenth, well under it and with agents idle it rises by a twentieth.
/// docs/pacing.md derives it and gives the figures it reaches.
public struct PredictivePacer: Pacer {
    public let abandonLimit: Double
    public let maxDialRatio: Double
    public let adjustInterval: Double
    /// Seconds answering-machine detection listens before a person reaches the queue.
    public let detectionSeconds: Double

    public private(set) var level = 1.0
    /// Per recent dial: 1 when a person answered and reached the agent queue.
    private var dials = RollingCounter(window: 500)
    private var ringSeconds = RollingMean(window: 300, initial: 9)
    private var handleSeconds = RecentSample(size: 300)
    private var regulatory: AbandonWindow
    private var lastAdjustment: Date?
    private var idleSinceAdjustment = false

    /// `history` holds the campaign's live answers and abandons of the last 24 hours before the run.
    public init(
        abandonLimit: Double, maxDialRatio: Double, adjustInterval: Double, detectionSeconds: Double,
        history: [(time: Date, abandoned: Bool)] = []
    ) {
        self.abandonLimit = abandonLimit
        self.maxDialRatio = maxDialRatio
        self.adjustInterval = adjustInterval
        self.detectionSeconds = detectionSeconds
        self.regulatory = AbandonWindow(seconds: 24 * 3600, history: history)
    }

    /// The rate the controller aims at: a safety margin under the legal limit.
    public var target: Double { abandonLimit * 0.8 }

    public mutating func callsToPlace(_ snapshot: PacingSnapshot) -> Int {
        adjust(at: snapshot.now, agentsIdle: snapshot.readyAgents > snapshot.dialing)
        let agents = snapshot.readyAgents + snapshot.busyAgents
        let inFlight = snapshot.dialing + snapshot.answeredWaiting
        guard dials.count >= 50 else {
            // Until the answer rate is known, dial like the progressive dialer.
            return max(0, snapshot.readyAgents - inFlight)
        }
        let answerRate = max(0.02, Double(dials.total) / Double(dials.count))
        let horizon = ringSeconds.mean + detectionSeconds + 2
        let releasing = snapshot.busyElapsed.reduce(0.0) { $0 + handleSeconds.probabilityEnding(afterElapsed: $1, within: horizon) }
        let free = Double(snapshot.readyAgents - snapshot.answeredWaiting) + releasing
        let wanted = Int((level * free / answerRate).rounded(.down)) - snapshot.dialing
        let cap = Int((maxDialRatio * Double(agents)).rounded(.down)) - inFlight
        return max(0, min(wanted, cap))
    }

    public mutating func observe(_ attempt: AttemptObservation) {
        dials.add(attempt.reachedQueue ? 1 : 0)
        if attempt.result == .human { regulatory.add(time: attempt.time, abandoned: attempt.abandoned) }
        if let ring = attempt.ringSeconds { ringSeconds.add(ring) }
        if let handle = attempt.handleSeconds { handleSeconds.add(handle) }
    }

    /// The abandon rate as a regulator would count it now.
    public var abandonRate: Double { regulatory.rate }

    private mutating func adjust(at now: Date, agentsIdle: Bool) {
        idleSinceAdjustment = idleSinceAdjustment || agentsIdle
        guard let last = lastAdjustment else {
            lastAdjustment = now
            return
        }
        guard now.timeIntervalSince(last) >= adjustInterval else { return }
        regulatory.forget(before: now)
        if regulatory.rate > target {
            level = max(0.3, level * 0.9)
        } else if regulatory.rate < target * 0.7, idleSinceAdjustment {
            level = min(maxDialRatio, level * 1.05)
        }
        lastAdjustment = now
        idleSinceAdjustment = false
    }
}
