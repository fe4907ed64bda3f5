import Campaigns
import Foundation
import Persistence

extension DialerEngine {
    /// Records an attempt that has ended, decides what becomes of the contact, and writes
    /// the batch when it is full.
    func finish(
        _ call: PlacedCall, agent: Agent? = nil, connectedAt: Date? = nil, conversation: Conversation? = nil,
        wrapUpEnds: Date? = nil, abandoned: Bool = false
    ) {
        let now = clock.now
        sequence += 1
        let outcome = conversation?.outcome
        let record = CallRecord(
            sequence: sequence, contactID: call.contact.contactID, attempt: call.attempt, agentID: agent?.id,
            dialedAt: call.dialedAt, answeredAt: call.answeredAt, connectedAt: connectedAt, endedAt: now,
            network: call.result.result, abandoned: abandoned, outcome: outcome?.code ?? (connectedAt != nil ? "machine" : nil),
            success: outcome?.success ?? false, objected: outcome?.isObjection ?? false, wrapUpEndsAt: wrapUpEnds, scriptPath: conversation?.path ?? [],
            consents: conversation?.consents ?? [],
            recording: conversation != nil && campaign.recording ? recording(startedAt: connectedAt ?? now, endedAt: now) : nil,
            next: decision(for: call, agent: agent, outcome: outcome, abandoned: abandoned))
        summary.count(record)
        pacer.observe(
            AttemptObservation(
                time: now, result: call.result.result, reachedQueue: call.reachedQueue, abandoned: abandoned,
                ringSeconds: call.answeredAt.map { $0.timeIntervalSince(call.dialedAt) },
                handleSeconds: connectedAt.map { (wrapUpEnds ?? now).timeIntervalSince($0) }))
        pending.append(record)
        if pending.count >= settings.batchSize {
            do { try flush() } catch { fail(error) }
        }
    }

    /// Retry after the campaign's delay for what happened, an agreed callback with the same
    /// agent, or done: an outcome, an invalid number, a refusal.
    private func decision(for call: PlacedCall, agent: Agent?, outcome: CallScript.Outcome?, abandoned: Bool) -> QueueDecision {
        let policy = campaign.retryPolicy
        func retry(_ reason: RetryPolicy.Reason, agent: Int? = nil) -> QueueDecision {
            QueueDecision(
                result: reason.rawValue, retryAt: policy.delay(for: reason).map { clock.now.addingTimeInterval(Double($0)) },
                callbackAgentID: agent)
        }
        if abandoned { return retry(.abandoned) }
        if let outcome {
            return outcome.isCallback
                ? retry(.callback, agent: agent?.id)
                : QueueDecision(result: outcome.code, retryAt: nil, callbackAgentID: nil)
        }
        switch call.result.result {
        case .busy: return retry(.busy)
        case .noAnswer: return retry(.noAnswer)
        case .machine, .human: return retry(.machine)
        case .invalid: return QueueDecision(result: NetworkResult.invalid.rawValue, retryAt: nil, callbackAgentID: nil)
        }
    }

    /// What the recording of a connected call is: 8 kHz 16-bit mono PCM in a WAV file,
    /// named by an id that follows from the run and the call, so a replay names it alike.
    private func recording(startedAt: Date, endedAt: Date) -> RecordingMetadata {
        let milliseconds = Int((endedAt.timeIntervalSince(startedAt) * 1000).rounded())
        return RecordingMetadata(
            id: RecordingID.make(runID: writer.runID, sequence: sequence), startedAt: startedAt, durationMilliseconds: milliseconds, codec: "pcm_s16le", sampleRate: 8000,
            byteSize: 44 + milliseconds * 16, sha256: nil, storageURI: nil)
    }

    /// Writes the pending records and gives back released contacts, in one transaction.
    func flush() throws {
        guard !pending.isEmpty || !releases.isEmpty else { return }
        let records = pending, released = releases
        try database.withConnection { try writer.write(records, releasing: released, on: $0) }
        pending.removeAll(keepingCapacity: true)
        releases.removeAll()
    }
}
