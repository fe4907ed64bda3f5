import Campaigns
import Dispatch
import Foundation
import Persistence

/// Writes finished attempts in batches: one transaction, one round trip, set-based
/// statements over arrays (`unnest`), whatever the batch size.
public struct CallWriter: Sendable {
    public let runID: Int
    public let campaignID: Int
    public let leases: QueueLeases
    /// Consent type ids and text versions in force, by code, for the ledger.
    public let consentTypes: [String: (id: Int, version: Int)]
    /// Agent names by id, for who recorded a consent.
    public let agentNames: [Int: String]
    /// The campaign's store metrics, shared with its leases.
    var metrics: StoreMetrics { leases.metrics }

    public init(runID: Int, campaignID: Int, leases: QueueLeases, consentTypes: [String: (id: Int, version: Int)], agentNames: [Int: String]) {
        self.runID = runID
        self.campaignID = campaignID
        self.leases = leases
        self.consentTypes = consentTypes
        self.agentNames = agentNames
    }

    /// What one write carries.
    public struct Batch: Sendable {
        public var records: [CallRecord]
        /// Contacts claimed and not dialed, given back to the queue.
        public var released: [Int]
        public var stretches: [AgentState.Stretch]
        public var events: [DialerEvent]
        /// When the first of the events happened, by the wall clock.
        public var firstEventAt: Date

        public init(
            records: [CallRecord], released: [Int] = [], stretches: [AgentState.Stretch] = [], events: [DialerEvent] = [],
            firstEventAt: Date = Date()
        ) {
            self.records = records
            self.released = released
            self.stretches = stretches
            self.events = events
            self.firstEventAt = firstEventAt
        }
    }

    /// Writes the batch in one transaction (again on a transient conflict), and publishes its
    /// events when it commits. Blocks the calling thread: for the dialer's writer queues.
    @available(*, noasync, message: "blocks the thread")
    public func write(_ batch: Batch, to database: Database) throws {
        let records = batch.records
        var statements: [SQL] = []
        if !records.isEmpty {
            statements.append(insertCalls(records))
            let recorded = records.filter { $0.recording != nil }
            if !recorded.isEmpty { statements.append(insertRecordings(recorded)) }
            statements.append(updateQueue(records))
            let asked = records.filter { !$0.consents.isEmpty }
            if !asked.isEmpty { statements += recordConsents(asked) }
            let objected = records.filter(\.objected)
            if !objected.isEmpty { statements += recordObjections(objected) }
        }
        if !batch.released.isEmpty { statements.append(leases.release(batch.released)) }
        if !batch.stretches.isEmpty { statements.append(insertStretches(batch.stretches)) }
        for payload in EventBatch(runID: runID, campaignID: campaignID, events: batch.events, happenedAt: batch.firstEventAt).payloads {
            statements.append("SELECT pg_notify(\(EventBatch.channelName), \(payload))")
        }
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            try database.transaction { connection in
                _ = try connection.pipeline(statements)
            }
        } catch {
            metrics.recordWriteFailure()
            throw error
        }
        metrics.recordWrite(batch, since: started)
    }

    private func insertCalls(_ records: [CallRecord]) -> SQL {
        """
        INSERT INTO calls (run_id, sequence, campaign_id, contact_id, attempt, agent_id, dialed_at, answered_at, connected_at,
                           ended_at, network_result, abandoned, safe_harbour_played, outcome, success, wrap_up_ends_at, script_path)
        SELECT \(runID), s, \(campaignID), c, a, g, d, an, co, e, n, ab, ab, o, su, w,
               CASE WHEN p = '' THEN NULL ELSE string_to_array(p, ' ') END
        FROM unnest(\(records.map { Int32($0.sequence) }), \(records.map(\.contactID)), \(records.map { Int32($0.attempt) }),
                    \(records.map(\.agentID)), \(records.map(\.dialedAt)), \(records.map(\.answeredAt)),
                    \(records.map(\.connectedAt)), \(records.map(\.endedAt)), \(records.map(\.network.rawValue)),
                    \(records.map(\.abandoned)), \(records.map(\.outcome)), \(records.map(\.success)),
                    \(records.map(\.wrapUpEndsAt)), \(records.map { $0.scriptPath.joined(separator: " ") }))
             AS u(s, c, a, g, d, an, co, e, n, ab, o, su, w, p)
        """
    }

    private func insertRecordings(_ records: [CallRecord]) -> SQL {
        let recordings = records.compactMap(\.recording)
        return """
            INSERT INTO recordings (id, call_id, campaign_id, agent_id, started_at, duration_ms, codec, sample_rate, byte_size,
                                    sha256, storage_uri)
            SELECT u.id, k.id, \(campaignID), k.agent_id, u.st, u.ms, u.codec, u.rate, u.size, u.sha, u.uri
            FROM unnest(\(records.map { Int32($0.sequence) }), \(recordings.map(\.id)), \(recordings.map(\.startedAt)),
                        \(recordings.map { Int32($0.durationMilliseconds) }), \(recordings.map(\.codec)),
                        \(recordings.map { Int32($0.sampleRate) }), \(recordings.map(\.byteSize)), \(recordings.map(\.sha256)),
                        \(recordings.map(\.storageURI)))
                 AS u(seq, id, st, ms, codec, rate, size, sha, uri)
            JOIN calls k ON k.run_id = \(runID) AND k.sequence = u.seq
            """
    }

    /// The contact goes back to the queue with its next attempt, or is done; the lease ends.
    /// A contact removed from the queue meanwhile (a withdrawal) is left as it is.
    private func updateQueue(_ records: [CallRecord]) -> SQL {
        """
        UPDATE queue_entries q SET
            state = CASE WHEN u.retry IS NULL OR q.attempts + 1 >= \(Int32(leases.campaign.maxAttempts)) THEN 'done' ELSE 'waiting' END,
            attempts = q.attempts + 1,
            attempts_today = CASE WHEN q.attempt_day = u.day::date THEN q.attempts_today + 1 ELSE 1 END,
            attempt_day = u.day::date,
            next_attempt_at = coalesce(u.retry, q.next_attempt_at),
            callback_agent_id = u.callback,
            last_result = u.result,
            last_call_at = u.ended,
            leased_by = NULL,
            lease_expires_at = NULL
        FROM unnest(\(records.map(\.contactID)), \(records.map(\.next.retryAt)), \(records.map(\.next.callbackAgentID)),
                    \(records.map(\.next.result)), \(records.map(\.attemptDay)), \(records.map(\.endedAt)))
             AS u(contact, retry, callback, result, day, ended)
        WHERE q.campaign_id = \(campaignID) AND q.contact_id = u.contact AND q.leased_by = \(leases.dialerID)
        """
    }

    private func insertStretches(_ stretches: [AgentState.Stretch]) -> SQL {
        """
        INSERT INTO agent_activity (run_id, agent_id, activity, started_at, ended_at)
        SELECT \(runID), a, s, b, e
        FROM unnest(\(stretches.map(\.agentID)), \(stretches.map(\.activity.rawValue)), \(stretches.map(\.start)), \(stretches.map(\.end)))
             AS u(a, s, b, e)
        """
    }

    /// An objection to direct marketing (GDPR art. 21) is honoured at once: the number goes on
    /// the do-not-call list, the contact leaves every queue, and the marketing consents it
    /// held are withdrawn, with the call as proof.
    private func recordObjections(_ records: [CallRecord]) -> [SQL] {
        let contacts = records.map(\.contactID)
        let dnc: SQL = """
            INSERT INTO do_not_call (phone_hash, reason, added_by)
            SELECT phone_hash, 'objection', 'dialer run ' || \(runID)::text FROM contacts
            WHERE id = ANY(\(contacts)) AND phone_hash IS NOT NULL
            ON CONFLICT (phone_hash) DO NOTHING
            """
        let removal: SQL = """
            UPDATE queue_entries SET state = 'removed', leased_by = NULL, lease_expires_at = NULL
            WHERE contact_id = ANY(\(contacts)) AND state IN ('waiting', 'leased')
            """
        let withdrawal: SQL = """
            INSERT INTO consents (contact_id, consent_type_id, version, granted, channel, proof, recorded_by, recorded_at)
            SELECT u.contact, t.id, v.version, false, 'call', jsonb_build_object('call_id', k.id::text, 'objection', 'art. 21'),
                   coalesce(a.name, 'dialer'), u.at
            FROM unnest(\(contacts), \(records.map { Int32($0.sequence) }), \(records.map(\.endedAt))) AS u(contact, seq, at)
            JOIN calls k ON k.run_id = \(runID) AND k.sequence = u.seq
            LEFT JOIN agents a ON a.id = k.agent_id
            JOIN consent_types t ON t.purpose IN ('marketing', 'telemarketing')
            JOIN LATERAL (SELECT granted FROM consents l WHERE l.contact_id = u.contact AND l.consent_type_id = t.id
                          ORDER BY l.recorded_at DESC, l.id DESC LIMIT 1) latest ON latest.granted
            JOIN LATERAL (SELECT max(version) AS version FROM consent_texts WHERE consent_type_id = t.id) v ON true
            """
        return [dnc, removal, withdrawal]
    }

    /// Each consent asked during a call becomes a ledger row with the call as its proof; a
    /// refusal takes the contact out of every queue that needs that consent.
    private func recordConsents(_ records: [CallRecord]) -> [SQL] {
        var sequences: [Int32] = [], contacts: [Int] = [], types: [Int] = [], versions: [Int32] = []
        var granted: [Bool] = [], recordedBy: [String] = [], at: [Date] = []
        for record in records {
            for consent in record.consents {
                guard let type = consentTypes[consent.code] else { continue }
                sequences.append(Int32(record.sequence))
                contacts.append(record.contactID)
                types.append(type.id)
                versions.append(Int32(type.version))
                granted.append(consent.granted)
                recordedBy.append(record.agentID.flatMap { agentNames[$0] } ?? "dialer")
                at.append(record.connectedAt ?? record.endedAt)
            }
        }
        let ledger: SQL = """
            INSERT INTO consents (contact_id, consent_type_id, version, granted, channel, proof, recorded_by, recorded_at)
            SELECT u.contact, u.type, u.version, u.granted, 'call',
                   jsonb_build_object('call_id', k.id::text)
                       || CASE WHEN r.id IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('recording_id', r.id::text) END,
                   u.by, u.at
            FROM unnest(\(sequences), \(contacts), \(types), \(versions), \(granted), \(recordedBy), \(at))
                 AS u(seq, contact, type, version, granted, by, at)
            JOIN calls k ON k.run_id = \(runID) AND k.sequence = u.seq
            LEFT JOIN recordings r ON r.call_id = k.id
            """
        let removal: SQL = """
            UPDATE queue_entries SET state = 'removed', leased_by = NULL, lease_expires_at = NULL
            FROM unnest(\(contacts), \(types), \(granted)) AS u(contact, type, granted)
            WHERE NOT u.granted AND queue_entries.contact_id = u.contact AND queue_entries.state IN ('waiting', 'leased')
              AND queue_entries.campaign_id IN (SELECT campaign_id FROM campaign_required_consents WHERE consent_type_id = u.type)
            """
        return [ledger, removal]
    }
}
