import Dispatch
import Metrics

/// What the pool tells the operator: connections open and lent out, callers that had to wait
/// and for how long, and waits that timed out. Connection losses are counted where they
/// happen (`ConnectionSlot`). Made with the pool, so every series exists from the start.
struct PoolMetrics: Sendable {
    private let open = Gauge(label: "switchboard_db_pool_connections_open")
    private let inUse = Gauge(label: "switchboard_db_pool_connections_in_use")
    private let waits = Counter(label: "switchboard_db_pool_waits_total")
    private let waitDuration = Metrics.Timer(label: "switchboard_db_pool_wait_duration_seconds")
    private let timeouts = Counter(label: "switchboard_db_pool_timeouts_total")

    init() {
        // Every counter starts at zero, so that `rate()` sees the first increase.
        let failures = [DatabaseError.Kind.hostUnreachable, .authenticationFailed, .databaseMissing, .connectionFailed].map { kind in
            Counter(label: "switchboard_db_connect_failures_total", dimensions: [("kind", kind.rawValue)])
        }
        for counter in [waits, timeouts, Counter(label: "switchboard_db_reconnects_total")] + failures { counter.increment(by: 0) }
    }

    func recordWaitStarted() {
        waits.increment()
    }

    func recordTimeout() {
        timeouts.increment()
    }

    /// The pool's size now: `created` connections, `idle` of them free.
    func record(created: Int, idle: Int) {
        open.record(created)
        inUse.record(created - idle)
    }

    /// A caller that waited from `since` (an uptime in nanoseconds) until now.
    func recordWait(since: UInt64) {
        waitDuration.recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - since))
    }
}
