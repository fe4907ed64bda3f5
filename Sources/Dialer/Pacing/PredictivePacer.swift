import Foundation

/// Dials ahead of free agents, steered so that the abandon rate stays under the limit.
///
/// Each time it decides, it counts the agents that will be free when the calls placed now are
/// answered: those ready now, less the answered calls already waiting, plus each busy agent
/// with the chance that their call and wrap-up end within the horizon,
///
///     horizon = T̄ring + T_detect + 2 s
///     F       = ready − waiting + Σ_busy Bernoulli(P(handle ≤ elapsed + horizon | handle > elapsed))
///
/// (the chances from the empirical distribution of recent handle times, talk plus wrap-up;
/// F's distribution by convolution), and takes the number of lines m in progress as large as
/// it may be while the expected share of answers finding no free agent stays within an
/// allowance τ:
///
///     A ~ Binomial(m, p̂),   E[(A − F)⁺] / E[A] ≤ τ,   m ≤ maxRatio · agents
///
/// where p̂ is the measured share of dials answered and put through to the agent queue
/// (a person, or a machine when detection is off). The model is Samuelson's ("Predictive
/// dialing for outbound telephone call centers", Interfaces 29(5), 1999): answers as a
/// binomial draw, agents released by the handle-time distribution. The allowance is steered
/// like VICIdial's adaptive dial level: every `adjustInterval` seconds (15 s) the abandon
/// rate is counted as regulators count it (abandoned ÷ live answers over the campaign's last
/// 24 hours, earlier runs included) and compared with a target 20 % under the limit; above
/// it τ shrinks by a fifth, under 90 % of it with agents waiting it grows by a tenth.
/// docs/pacing.md shows the derivation and the figures it reaches.
public struct PredictivePacer: Pacer {
    public let abandonLimit: Double
    public let maxDialRatio: Double
    public let adjustInterval: Double
    /// Seconds answering-machine detection listens before a person reaches the queue.
    public let detectionSeconds: Double

    /// The share of answers the pacer accepts to find no free agent, per decision.
    public private(set) var allowance: Double
    /// Per recent dial: 1 when it was answered and put through to the agent queue.
    private var dials = RollingCounter(window: 500)
    private var ringSeconds = RollingMean(window: 300, initial: 9)
    private var handleSeconds = RecentSample(size: 300)
    private var regulatory: AbandonWindow
    private var lastAdjustment: Date?
    public private(set) var dialLevel = 1.0
    private var agentsWaited = false

    /// `history` holds the campaign's live answers and abandons of the 24 hours before the run.
    public init(
        abandonLimit: Double, maxDialRatio: Double, adjustInterval: Double, detectionSeconds: Double,
        history: [(time: Date, abandoned: Bool)] = []
    ) {
        self.abandonLimit = abandonLimit
        self.maxDialRatio = maxDialRatio
        self.adjustInterval = adjustInterval
        self.detectionSeconds = detectionSeconds
        self.regulatory = AbandonWindow(seconds: 24 * 3600, history: history)
        self.allowance = abandonLimit * 0.8
    }

    /// The rate the feedback aims at: a safety margin under the legal limit.
    public var target: Double { abandonLimit * 0.8 }

    /// The abandon rate as a regulator would count it now.
    public var abandonRate: Double { regulatory.rate }

    public mutating func callsToPlace(_ snapshot: PacingSnapshot) -> Int {
        adjust(at: snapshot.now, agentsWaiting: snapshot.readyAgents > snapshot.dialing + snapshot.answeredWaiting)
        let agents = snapshot.readyAgents + snapshot.busyAgents
        guard dials.count >= 50, handleSeconds.count >= 30 else {
            // Until the answer rate and the handle times are known, dial like the progressive dialer.
            return max(0, snapshot.readyAgents - snapshot.dialing - snapshot.answeredWaiting)
        }
        let answerRate = min(0.99, max(0.01, Double(dials.total) / Double(dials.count)))
        let horizon = ringSeconds.mean + detectionSeconds + 2
        let releases = snapshot.busyElapsed.map { handleSeconds.probabilityEnding(afterElapsed: $0, within: horizon) }
        let free = FreeAgents(ready: snapshot.readyAgents - snapshot.answeredWaiting, releases: releases)
        let ceiling = Int((maxDialRatio * Double(agents)).rounded(.down))
        let lines = Self.mostLines(upTo: ceiling, answerRate: answerRate, free: free, allowance: allowance)
        dialLevel = Double(lines) / max(1, Double(snapshot.readyAgents) + releases.reduce(0, +))
        return max(0, lines - snapshot.dialing)
    }

    public mutating func observe(_ attempt: AttemptObservation) {
        dials.add(attempt.reachedQueue ? 1 : 0)
        if attempt.result == .human { regulatory.add(time: attempt.time, abandoned: attempt.abandoned) }
        if let ring = attempt.ringSeconds { ringSeconds.add(ring) }
        if let handle = attempt.handleSeconds { handleSeconds.add(handle) }
    }

    /// The largest m ≤ `ceiling` with E[(A − F)⁺] / E[A] ≤ allowance for A ~ Binomial(m, p);
    /// the share grows with m, so a binary search finds it.
    static func mostLines(upTo ceiling: Int, answerRate p: Double, free: FreeAgents, allowance: Double) -> Int {
        var low = 0, high = max(0, ceiling)
        while low < high {
            let middle = (low + high + 1) / 2
            if overflowShare(lines: middle, answerRate: p, free: free) <= allowance { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// E[(A − F)⁺] / E[A] for A ~ Binomial(m, p) and the free agents F.
    static func overflowShare(lines m: Int, answerRate p: Double, free: FreeAgents) -> Double {
        guard m > 0 else { return 0 }
        var probability = pow(1 - p, Double(m))
        var overflow = 0.0
        let odds = p / (1 - p)
        for k in 0..<m {
            probability *= Double(m - k) / Double(k + 1) * odds
            overflow += probability * free.expectedShortfall(answers: k + 1)
        }
        return overflow / (Double(m) * p)
    }

    private mutating func adjust(at now: Date, agentsWaiting: Bool) {
        agentsWaited = agentsWaited || agentsWaiting
        guard let last = lastAdjustment else {
            lastAdjustment = now
            return
        }
        guard now.timeIntervalSince(last) >= adjustInterval else { return }
        regulatory.forget(before: now)
        if regulatory.rate > target {
            allowance = max(0.0005, allowance * 0.8)
        } else if regulatory.rate < target * 0.9, agentsWaited {
            allowance = min(0.5, allowance * 1.1)
        }
        lastAdjustment = now
        agentsWaited = false
    }
}
