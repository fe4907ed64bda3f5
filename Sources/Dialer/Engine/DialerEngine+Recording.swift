import Campaigns
import Foundation
import Persistence

extension DialerEngine {
    /// Records an attempt that has ended, decides what becomes of the contact, and writes
    /// the batch when it is full. An abandoned person hears the recorded message first.
    func finish(
        _ call: PlacedCall, agent: Agent? = nil, connectedAt: Date? = nil, conversation: Conversation? = nil,
        wrapUpEnds: Date? = nil, abandoned: Bool = false
    ) {
        let now = clock.now
        let ended = abandoned ? now.addingTimeInterval(campaign.dialSettings.safeHarbourSeconds) : now
        sequence += 1
        let outcome = conversation?.outcome
        let recording = conversation.flatMap { conversation in
            campaign.recording ? makeRecording(conversation, agent: agent, startedAt: connectedAt ?? now, endedAt: now) : nil
        }
        let record = CallRecord(
            sequence: sequence, contactID: call.contact.contactID, attempt: call.attempt, agentID: agent?.id,
            dialedAt: call.dialedAt, attemptDay: QueueLeases.localDay(call.dialedAt, in: timeZone(call.contact)), answeredAt: call.answeredAt, connectedAt: connectedAt, endedAt: ended,
            network: call.result.result, abandoned: abandoned, safeHarbour: abandoned,
            outcome: outcome?.code ?? (connectedAt != nil ? "machine" : nil), success: outcome?.success ?? false,
            objected: outcome?.isObjection ?? false, wrapUpEndsAt: wrapUpEnds, scriptPath: conversation?.path ?? [],
            consents: conversation?.consents ?? [], recording: recording,
            next: decision(for: call, agent: agent, outcome: outcome, abandoned: abandoned))
        summary.count(record)
        pacer.observe(
            AttemptObservation(
                time: now, result: call.result.result, reachedQueue: call.reachedQueue, abandoned: abandoned,
                ringSeconds: call.answeredAt.map { $0.timeIntervalSince(call.dialedAt) },
                handleSeconds: connectedAt.map { (wrapUpEnds ?? now).timeIntervalSince($0) }))
        if abandoned {
            publish(.abandoned, contact: call.contact.contactID)
        } else if connectedAt == nil {
            publish(.failed, contact: call.contact.contactID, detail: call.result.result.rawValue)
        } else {
            publish(.ended, agent: agent?.id, contact: call.contact.contactID, detail: "\(record.outcome ?? "-") \(record.success ? 1 : 0)")
        }
        pending.append(record)
        if pending.count >= settings.batchSize { flush() }
    }

    /// Retry after the campaign's delay for what happened, an agreed callback with the same
    /// agent, or done: an outcome, an invalid number, a refusal. The retry moves to the next
    /// opening of the calling window, and to the next day once today's attempts are used, so
    /// the queue knows when the contact is really due.
    private func decision(for call: PlacedCall, agent: Agent?, outcome: CallScript.Outcome?, abandoned: Bool) -> QueueDecision {
        let policy = campaign.retryPolicy
        func retry(_ reason: RetryPolicy.Reason, agent: Int? = nil) -> QueueDecision {
            QueueDecision(
                result: reason.rawValue, retryAt: policy.delay(for: reason).map { nextDue(call, after: clock.now.addingTimeInterval(Double($0))) },
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

    private func nextDue(_ call: PlacedCall, after time: Date) -> Date {
        let zone = timeZone(call.contact)
        var due = time
        if call.contact.attemptsToday + 1 >= campaign.maxAttemptsPerDay {
            due = max(due, QueueLeases.startOfNextDay(call.dialedAt, in: zone))
        }
        return campaign.window.nextOpening(atOrAfter: due, in: zone)
    }

    /// The recording of a connected call: 8 kHz 16-bit mono PCM in a WAV file, named by an id
    /// that follows from the run and the call, so a replay names it alike. The file is
    /// written while the run's recordings folder is under its cap.
    private func makeRecording(_ conversation: Conversation, agent: Agent?, startedAt: Date, endedAt: Date) -> RecordingMetadata {
        let milliseconds = Int((endedAt.timeIntervalSince(startedAt) * 1000).rounded())
        let id = RecordingID.make(runID: writer.runID, sequence: sequence)
        let stored = studio?.store(
            id: id, campaignID: campaign.id, milliseconds: milliseconds, agentLines: agentLines(conversation, agent: agent))
        if stored != nil { publish(.recording, agent: agent?.id, detail: id.uuidString.lowercased()) }
        return RecordingMetadata(
            id: id, startedAt: startedAt, durationMilliseconds: milliseconds, codec: "pcm_s16le", sampleRate: SpeechLikeAudio.sampleRate,
            byteSize: 44 + milliseconds * SpeechLikeAudio.sampleRate / 1000 * 2, sha256: stored?.sha256, storageURI: stored?.uri)
    }

    /// What the agent read along the way, with their name and the campaign's; the person's
    /// name is left out, so the audio holds no personal data.
    private func agentLines(_ conversation: Conversation, agent: Agent?) -> [String] {
        let values = ["agent_name": agent?.name ?? "", "campaign": campaign.name]
        return conversation.path.compactMap { id in
            guard case .say(let text, _)? = walker.script.step(id)?.kind else { return nil }
            return CallScript.render(text, values: values)
        }
    }

    func publish(_ kind: DialerEvent.Kind, agent: Int? = nil, contact: Int? = nil, detail: String = "") {
        guard settings.publishEvents else { return }
        events.append(DialerEvent(kind: kind, time: clock.now, agentID: agent, contactID: contact, detail: detail))
    }

    /// Hands the pending records, agent stretches, events and released contacts to the
    /// writers, as one transaction.
    func flush() {
        guard !pending.isEmpty || !releases.isEmpty || !events.isEmpty || !stretches.isEmpty else { return }
        let firstEventAt = events.first.map { clock.wallTime(of: $0.time) } ?? Date()
        writes.submit(CallWriter.Batch(records: pending, released: releases, stretches: stretches, events: events, firstEventAt: firstEventAt))
        pending.removeAll(keepingCapacity: true)
        releases.removeAll()
        stretches.removeAll(keepingCapacity: true)
        events.removeAll(keepingCapacity: true)
    }

    /// Writes everything pending and waits until it is in the database: before every claim,
    /// so the claim sees the queue the simulated past left, and at the end.
    func settle() throws {
        flush()
        try writes.drain()
    }
}
