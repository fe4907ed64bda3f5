import Campaigns
import Foundation
import Persistence

extension DialerEngine {
    /// Places as many calls as the pacer asks for, while contacts are due; in preview mode,
    /// gives each free agent the next contact to look at first.
    func pace() {
        guard !shiftOver, failure == nil else { return }
        if campaign.dialMode == .preview {
            previewForReadyAgents()
            return
        }
        var calls = pacer.callsToPlace(snapshot())
        while calls > 0, let contact = nextContact() {
            place(contact)
            calls -= 1
        }
    }

    func snapshot() -> PacingSnapshot {
        let now = clock.now
        var ready = 0
        var busyElapsed: [Double] = []
        for seat in agents {
            switch seat.state.activity {
            case .ready: ready += 1
            case .inCall, .wrapUp: busyElapsed.append(now.timeIntervalSince(seat.busySince ?? now))
            case .reserved, .paused: break
            }
        }
        return PacingSnapshot(
            now: now, readyAgents: ready, busyAgents: busyElapsed.count, busyElapsed: busyElapsed, dialing: dialing,
            answeredWaiting: waiting.count)
    }

    /// Preview: the agent waiting longest reserves the next contact, looks at it for the
    /// campaign's preview time, then the call is placed for them.
    private func previewForReadyAgents() {
        while let seat = readyAgent(preferring: nil), let contact = nextContact() {
            change(seat, .reserve)
            clock.schedule(at: clock.now.addingTimeInterval(campaign.dialSettings.previewSeconds)) { [self] in
                guard !shiftOver, failure == nil else {
                    releases.append(contact.contactID)
                    release(seat)
                    return
                }
                place(contact, reservedSeat: seat)
            }
        }
    }

    /// A reserved agent whose call did not reach a person is free again.
    func release(_ seat: Int) {
        change(seat, .resume)
        becameReady(seat)
    }

    /// The next claimed contact that may be called now; claims more when the hopper is empty.
    private func nextContact() -> ClaimedContact? {
        while true {
            if hopper.isEmpty {
                refillHopper()
                if hopper.isEmpty { return nil }
            }
            let contact = hopper.removeFirst()
            if campaign.window.contains(clock.now, in: timeZone(contact)) { return contact }
            // The window closed for this contact while it waited in the hopper.
            releases.append(contact.contactID)
        }
    }

    /// Claims the next contacts, after writing what is pending so the claim sees it. When
    /// nothing is due, looks again a simulated minute later.
    private func refillHopper() {
        guard !queueDrained else { return }
        do {
            try settle()
            guard try beat() else { return }
            let limit = max(50, agents.count * 10)
            let now = clock.now
            let claimed = try leases.claim(limit: limit, at: now, in: database)
            hopper.append(contentsOf: claimed)
            if claimed.isEmpty {
                queueDrained = true
                clock.schedule(at: now.addingTimeInterval(60)) { [self] in
                    queueDrained = false
                    pace()
                }
            }
        } catch {
            fail(error)
        }
    }

    private func place(_ contact: ClaimedContact, reservedSeat: Int? = nil) {
        let now = clock.now
        let hour = CallingWindow.local(now, in: timeZone(contact)).minute / 60
        let result = network.dial(
            contactID: contact.contactID, isMobile: contact.isMobile, localHour: hour,
            ringTimeout: campaign.dialSettings.ringTimeoutSeconds, using: &generator)
        placedCount += 1
        dialing += 1
        publish(.dialed, agent: reservedSeat.map { agents[$0].agent.id }, contact: contact.contactID)
        let call = PlacedCall(
            id: placedCount, contact: contact, attempt: contact.attempts + 1, dialedAt: now, result: result, reservedSeat: reservedSeat)
        clock.schedule(at: now.addingTimeInterval(result.seconds)) { [self] in networkAnswered(call) }
    }

    /// The network has answered, refused, or the ring timed out.
    private func networkAnswered(_ placed: PlacedCall) {
        var call = placed
        switch call.result.result {
        case .busy, .noAnswer, .invalid:
            dialing -= 1
            finish(call)
            freeReservation(of: call)
            pace()
        case .human, .machine:
            call.answeredAt = clock.now
            publish(.answered, contact: call.contact.contactID, detail: call.result.result.rawValue)
            if campaign.dialSettings.answeringMachineDetection {
                let screened = call
                clock.schedule(at: clock.now.addingTimeInterval(network.model.detectionSeconds)) { [self] in screen(screened) }
            } else {
                route(call)
            }
        }
    }

    /// Answering-machine detection has listened: a machine is hung up on, a person goes to an
    /// agent, and now and then it is wrong either way.
    private func screen(_ call: PlacedCall) {
        let model = network.model
        if call.result.result == .human, generator.chance(model.detectionFalsePositive) {
            dialing -= 1
            finish(call, abandoned: true)  // a person hung up on: Ofcom counts it as abandoned
            freeReservation(of: call)
            pace()
        } else if call.result.result == .machine, !generator.chance(model.detectionFalseNegative) {
            dialing -= 1
            finish(call)
            freeReservation(of: call)
            pace()
        } else {
            route(call)
        }
    }

    /// Gives an answered call to a free agent, or holds it for up to 2 seconds (less if the
    /// person hangs up sooner); then it is abandoned.
    private func route(_ placed: PlacedCall) {
        dialing -= 1
        var call = placed
        call.reachedQueue = true
        if let seat = call.reservedSeat ?? readyAgent(preferring: call.contact.callbackAgentID) {
            connect(call, to: seat)
            return
        }
        let deadline = clock.now.addingTimeInterval(min(2, call.result.patience))
        waiting.append(AnsweredCall(call: call, deadline: deadline))
        let id = call.id
        clock.schedule(at: deadline) { [self] in abandonIfWaiting(id) }
    }

    /// No agent came in time: a person gets the recorded message and the call counts as
    /// abandoned; a machine is simply hung up on.
    private func abandonIfWaiting(_ id: Int) {
        guard let index = waiting.firstIndex(where: { $0.call.id == id }) else { return }
        let call = waiting.remove(at: index).call
        finish(call, abandoned: call.result.result == .human)
        pace()
    }

    private func freeReservation(of call: PlacedCall) {
        if let seat = call.reservedSeat { release(seat) }
    }

    /// The ready agent waiting longest, or the callback's own agent when they are free.
    func readyAgent(preferring agentID: Int?) -> Int? {
        if let agentID, let index = agents.firstIndex(where: { $0.agent.id == agentID && $0.state.activity == .ready }) {
            return index
        }
        return agents.indices.filter { agents[$0].state.activity == .ready }
            .min { (agents[$0].readySince ?? .distantPast, $0) < (agents[$1].readySince ?? .distantPast, $1) }
    }

    func timeZone(_ contact: ClaimedContact) -> TimeZone {
        TimeZone(identifier: contact.timeZone) ?? Self.defaultTimeZone
    }

    static let defaultTimeZone = TimeZone(identifier: "Europe/Warsaw") ?? .gmt
}
