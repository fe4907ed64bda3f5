import Dispatch
import Metrics

/// What a dialer process's store layer counts, per campaign: the calls it wrote (by network
/// result, answered by a person, connected to an agent by outcome, abandoned), the events it published, the size
/// and latency of its writes, and the latency of its claims. Counted when a write commits,
/// so a batch that is rolled back and retried counts once.
struct StoreMetrics: Sendable {
    let campaign: String
    private let dialed: [NetworkResult: Counter]
    private let answered: Counter
    private let abandoned: Counter
    private let published: Counter
    private let batchCalls = Recorder(label: "switchboard_dialer_write_batch_calls")
    private let writeDuration = Metrics.Timer(label: "switchboard_dialer_write_duration_seconds")
    private let writeFailures = Counter(label: "switchboard_dialer_write_failures_total")
    private let claimDuration = Metrics.Timer(label: "switchboard_dialer_claim_duration_seconds")
    private let claimed: Counter

    init(campaign: String) {
        self.campaign = campaign
        let label = [("campaign", campaign)]
        dialed = Dictionary(uniqueKeysWithValues: NetworkResult.allCases.map { result in
            (result, Counter(label: "switchboard_calls_dialed_total", dimensions: label + [("result", result.rawValue)]))
        })
        answered = Counter(label: "switchboard_calls_answered_total", dimensions: label)
        abandoned = Counter(label: "switchboard_calls_abandoned_total", dimensions: label)
        published = Counter(label: "switchboard_events_published_total", dimensions: label)
        claimed = Counter(label: "switchboard_dialer_claimed_contacts_total", dimensions: label)
        // Every series starts at zero, so that `rate()` sees the first increase.
        for counter in [answered, abandoned, published, claimed, writeFailures] + Array(dialed.values) { counter.increment(by: 0) }
    }

    /// A batch that committed, and how long its write took from `since` (uptime nanoseconds).
    func recordWrite(_ batch: CallWriter.Batch, since: UInt64) {
        writeDuration.recordNanoseconds(Self.nanoseconds(since: since))
        batchCalls.record(batch.records.count)
        for record in batch.records {
            dialed[record.network]?.increment()
            if record.network == .human { answered.increment() }
            if record.abandoned { abandoned.increment() }
            if record.network == .human, record.connectedAt != nil, let outcome = record.outcome {
                Counter(label: "switchboard_calls_connected_total", dimensions: [("campaign", campaign), ("outcome", outcome)]).increment()
            }
        }
        published.increment(by: batch.events.count)
    }

    func recordWriteFailure() {
        writeFailures.increment()
    }

    /// A claim that leased `count` contacts and took from `since` until now.
    func recordClaim(count: Int, since: UInt64) {
        claimDuration.recordNanoseconds(Self.nanoseconds(since: since))
        claimed.increment(by: count)
    }

    static func nanoseconds(since start: UInt64) -> Int64 {
        Int64(DispatchTime.now().uptimeNanoseconds - start)
    }
}
