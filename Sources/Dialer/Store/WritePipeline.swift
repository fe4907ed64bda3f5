import Campaigns
import Dispatch
import Foundation
import Persistence
import Synchronization

/// Writes the dialer's batches on writer queues of their own, each with a connection, so the
/// simulation goes on while PostgreSQL works and two batches can be written at once (they
/// never share a contact: a contact comes back to the dialer only through a claim, and every
/// claim waits for the writes before it).
final class WritePipeline: Sendable {
    private let database: Database
    private let writer: CallWriter
    private let queues: [DispatchQueue]
    private let group = DispatchGroup()
    private let state = Mutex((next: 0, failure: (any Error)?.none))

    init(database: Database, writer: CallWriter, writers: Int = 2) {
        self.database = database
        self.writer = writer
        queues = (0..<max(1, writers)).map { DispatchQueue(label: "switchboard.dialer.writer.\($0)") }
    }

    /// Queues a batch for writing and returns at once.
    func submit(_ batch: CallWriter.Batch) {
        let index = state.withLock { state in
            defer { state.next += 1 }
            return state.next % queues.count
        }
        group.enter()
        queues[index].async { [self] in
            defer { group.leave() }
            do {
                try writer.write(batch, to: database)
            } catch {
                state.withLock { $0.failure = $0.failure ?? error }
            }
        }
    }

    /// Waits until every submitted batch is written; throws the first failure.
    func drain() throws {
        group.wait()
        if let failure = state.withLock({ $0.failure }) { throw failure }
    }

    /// Extends the dialer's leases, marks it alive, and says whether its campaign is still
    /// active (a supervisor may pause or finish it while it dials); done at each claim and on
    /// the real clock's timer.
    func heartbeat() throws -> Bool {
        try database.withConnection { connection in
            try connection.execute(writer.leases.renewal)
            try connection.execute("UPDATE dialer_runs SET last_seen_at = now() WHERE id = \(writer.runID)")
            let status = try connection.query("SELECT status FROM campaigns WHERE id = \(writer.campaignID)").first?.decode(String.self, at: 0)
            return status == CampaignStatus.active.rawValue
        }
    }
}
