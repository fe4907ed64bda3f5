import Campaigns
import Foundation
import Logging

extension DialerEngine {
    /// The agent takes the call: a conversation along the script, or, for a machine that got
    /// through, the seconds it takes to notice it.
    func connect(_ call: PlacedCall, to seat: Int) {
        let now = clock.now
        change(seat, .connect)
        agents[seat].busySince = now
        publish(.connected, agent: agents[seat].agent.id, contact: call.contact.contactID)
        let conversation: Conversation?
        let talk: Double
        if call.result.result == .machine {
            conversation = nil
            talk = network.model.machineRecognitionSeconds
        } else {
            conversation = walker.walk(using: &generator)
            talk = network.model.talk.sample(&generator)
        }
        clock.schedule(at: now.addingTimeInterval(talk)) { [self] in
            hangUp(call, seat: seat, connectedAt: now, conversation: conversation)
        }
    }

    private func hangUp(_ call: PlacedCall, seat: Int, connectedAt: Date, conversation: Conversation?) {
        change(seat, .hangUp)
        let wrapUpEnds = clock.now.addingTimeInterval(network.model.wrapUp.sample(&generator))
        finish(call, agent: agents[seat].agent, connectedAt: connectedAt, conversation: conversation, wrapUpEnds: wrapUpEnds)
        clock.schedule(at: wrapUpEnds) { [self] in finishWrapUp(seat) }
    }

    private func finishWrapUp(_ seat: Int) {
        if agents[seat].breakDue {
            startBreak(seat)
        } else {
            change(seat, .finishWrapUp)
            becameReady(seat)
        }
    }

    /// A free agent takes the oldest call waiting for one, or lets the dialer place more.
    func becameReady(_ seat: Int) {
        agents[seat].readySince = clock.now
        agents[seat].busySince = nil
        if !waiting.isEmpty {
            let next = waiting.firstIndex { $0.call.contact.callbackAgentID == agents[seat].agent.id } ?? 0
            connect(waiting.remove(at: next).call, to: seat)
        } else {
            pace()
            completeIfIdle()
        }
    }

    // MARK: breaks

    func scheduleNextBreak(for seat: Int, after time: Date) {
        guard settings.breakEveryMinutes > 0, settings.breakMinutes > 0 else { return }
        let jitter = (generator.unit() - 0.5) * 0.2 * settings.breakEveryMinutes * 60
        clock.schedule(at: time.addingTimeInterval(settings.breakEveryMinutes * 60 + jitter)) { [self] in
            guard !shiftOver else { return }
            agents[seat].breakDue = true
            if agents[seat].state.activity == .ready, canSpare(seat) { startBreak(seat) }
        }
    }

    /// Whether a ready agent may leave without stranding a call already dialed for the
    /// agents who are ready; otherwise the break waits for the end of their next call.
    private func canSpare(_ seat: Int) -> Bool {
        let state = snapshot()
        return state.readyAgents - 1 >= state.dialing + state.answeredWaiting
    }

    private func startBreak(_ seat: Int) {
        change(seat, .pause)
        agents[seat].busySince = nil
        agents[seat].breakDue = false
        agents[seat].readySince = nil
        let end = clock.now.addingTimeInterval(settings.breakMinutes * 60)
        clock.schedule(at: end) { [self] in
            change(seat, .resume)
            scheduleNextBreak(for: seat, after: end)
            becameReady(seat)
        }
    }

    /// Applies an event to an agent; an impossible one is a bug in the engine, logged.
    func change(_ seat: Int, _ event: AgentState.Event) {
        do {
            let stretch = try agents[seat].state.apply(event, at: clock.now)
            if stretch.end > stretch.start { stretches.append(stretch) }
            if event == .connect { agents[seat].readySince = nil }
            publish(.agent, agent: agents[seat].agent.id, detail: agents[seat].state.activity.rawValue)
        } catch {
            logger.error("agent state error", metadata: ["error": "\(error)"])
        }
    }
}
