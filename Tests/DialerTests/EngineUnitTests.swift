import Campaigns
import Dispatch
import Foundation
import Testing

@testable import Dialer

@Suite("The dialer's parts without a database: lifecycles, clocks, randomness, pacing")
struct EngineUnitTests {
    let t0 = Date(timeIntervalSince1970: 1_764_576_000)

    @Test("an agent's activities follow the legal moves and add up")
    func agentLifecycle() throws {
        var agent = AgentState(agentID: 1, at: t0)
        try agent.apply(.connect, at: t0.addingTimeInterval(10))
        #expect(agent.activity == .inCall)
        #expect(throws: SimulationError.self) { try agent.apply(.pause, at: t0.addingTimeInterval(11)) }
        let call = try agent.apply(.hangUp, at: t0.addingTimeInterval(100))
        #expect(call == AgentState.Stretch(agentID: 1, activity: .inCall, start: t0.addingTimeInterval(10), end: t0.addingTimeInterval(100)))
        try agent.apply(.pause, at: t0.addingTimeInterval(120))
        try agent.apply(.resume, at: t0.addingTimeInterval(420))
        try agent.apply(.reserve, at: t0.addingTimeInterval(430))
        try agent.apply(.connect, at: t0.addingTimeInterval(438))
        let totals = agent.totals(at: t0.addingTimeInterval(500))
        func near(_ activity: AgentActivity, _ seconds: Double) -> Bool { abs((totals[activity] ?? -1) - seconds) < 1e-3 }
        #expect(near(.ready, 10 + 10))
        #expect(near(.inCall, 90 + 62))
        #expect(near(.wrapUp, 20))
        #expect(near(.paused, 300))
        #expect(near(.reserved, 8))
    }

    @Test("the virtual clock runs actions in time order, ties in the order scheduled, and jumps")
    func virtualClock() async throws {
        let queue = DispatchQueue(label: "test.clock")
        let clock = VirtualClock(start: t0)
        let log = Log()
        let done: Void = await withCheckedContinuation { continuation in
            queue.async {
                clock.schedule(at: self.t0.addingTimeInterval(3600)) { log.add("hour") }
                clock.schedule(at: self.t0.addingTimeInterval(5)) {
                    log.add("five")
                    clock.schedule(at: self.t0.addingTimeInterval(5)) { log.add("five again") }
                }
                clock.schedule(at: self.t0.addingTimeInterval(5)) { log.add("five, second") }
                clock.schedule(at: self.t0.addingTimeInterval(7200)) {
                    log.add("end at \(clock.now.timeIntervalSince(self.t0))")
                    clock.stop()
                    continuation.resume()
                }
                clock.schedule(at: self.t0.addingTimeInterval(9000)) { log.add("never") }
                clock.start(on: queue)
            }
        }
        _ = done
        #expect(log.entries == ["five", "five, second", "five again", "hour", "end at 7200.0"])
    }

    @Test("the real clock follows the wall clock, scaled")
    func realClock() async throws {
        let queue = DispatchQueue(label: "test.real")
        let clock = RealClock(start: t0, speed: 600, queue: queue)
        let started = ContinuousClock.now
        let simulated: Double = await withCheckedContinuation { continuation in
            clock.schedule(at: t0.addingTimeInterval(60)) { continuation.resume(returning: clock.now.timeIntervalSince(self.t0)) }
        }
        let wall = ContinuousClock.now - started
        #expect(simulated >= 60 && simulated < 90)
        #expect(wall >= .milliseconds(90))
    }

    @Test("the same seed draws the same numbers; distributions have the asked mean")
    func randomness() {
        var a = SeededGenerator(seed: 7), b = SeededGenerator(seed: 7), c = SeededGenerator(seed: 8)
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
        var generator = SeededGenerator(seed: 1)
        let talk = DurationDistribution(mean: 150, deviation: 90, minimum: 0)
        let samples = (0..<20_000).map { _ in talk.sample(&generator) }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let deviation = (samples.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(samples.count)).squareRoot()
        #expect(abs(mean - 150) < 5)
        #expect(abs(deviation - 90) < 8)
    }

    @Test("the network's shares come out as configured")
    func networkShares() {
        let network = PhoneNetwork(model: NetworkModel(eveningPeople: 0, mobileAnswerFactor: 1), seed: 3)
        var generator = SeededGenerator(seed: 3)
        var counts: [NetworkResult: Int] = [:]
        for contact in 0..<20_000 {
            let result = network.dial(contactID: contact, isMobile: true, localHour: 11, ringTimeout: 25, using: &generator)
            counts[result.result, default: 0] += 1
            #expect(result.seconds <= 25)
        }
        #expect(abs(Double(counts[.human] ?? 0) / 20_000 - 0.25) < 0.015)
        #expect(abs(Double(counts[.invalid] ?? 0) / 20_000 - 0.05) < 0.01)
    }

    @Test("the predictive pacer's overflow share is the binomial's, and more lines mean more overflow")
    func binomialOverflow() {
        // Two lines, one free agent, p = ½: A is 0, 1, 2 with ¼, ½, ¼; E[(A−1)⁺] = ¼; E[A] = 1.
        let one = FreeAgents(ready: 1, releases: [])
        #expect(abs(PredictivePacer.overflowShare(lines: 2, answerRate: 0.5, free: one) - 0.25) < 1e-12)
        // The same with no one ready and one busy agent released with chance 1 behaves alike.
        let certain = FreeAgents(ready: 0, releases: [1])
        #expect(abs(PredictivePacer.overflowShare(lines: 2, answerRate: 0.5, free: certain) - 0.25) < 1e-12)
        // One line, nobody ready, one agent released with chance ½: overflow is ½ of the answers.
        let maybe = FreeAgents(ready: 0, releases: [0.5])
        #expect(abs(PredictivePacer.overflowShare(lines: 1, answerRate: 0.4, free: maybe) - 0.5) < 1e-12)
        let three = FreeAgents(ready: 3, releases: [])
        #expect(PredictivePacer.overflowShare(lines: 3, answerRate: 0.3, free: three) == 0)
        let shares = (4...30).map { PredictivePacer.overflowShare(lines: $0, answerRate: 0.3, free: three) }
        #expect(zip(shares, shares.dropFirst()).allSatisfy { $0 <= $1 })
        let five = FreeAgents(ready: 2, releases: [0.9, 0.9, 0.9, 0.5, 0.1])
        let lines = PredictivePacer.mostLines(upTo: 60, answerRate: 0.3, free: five, allowance: 0.02)
        #expect(PredictivePacer.overflowShare(lines: lines, answerRate: 0.3, free: five) <= 0.02)
        #expect(PredictivePacer.overflowShare(lines: lines + 1, answerRate: 0.3, free: five) > 0.02)
        #expect(lines > 2)
    }

    @Test("event batches survive the NOTIFY payload round trip and stay under the size limit")
    func eventPayloads() {
        let events = (0..<500).map { DialerEvent(kind: .ended, time: t0.addingTimeInterval(Double($0)), agentID: 3, contactID: $0, detail: "sale 1") }
        let payloads = EventBatch(runID: 4, campaignID: 2, events: events).payloads
        #expect(payloads.count > 1)
        #expect(payloads.allSatisfy { $0.utf8.count < 8000 })
        let read = payloads.compactMap(EventBatch.init(payload:))
        #expect(read.allSatisfy { $0.runID == 4 && $0.campaignID == 2 })
        #expect(read.flatMap(\.events) == events)
        let happened = Date(timeIntervalSince1970: 1_764_576_000.25)
        #expect(EventBatch(payload: EventBatch(runID: 1, campaignID: 1, events: events, happenedAt: happened).payloads[0])?.happenedAt == happened)
    }

    @Test("the real clock maps a simulated moment back to the wall clock, by its speed")
    func wallTime() {
        let clock = RealClock(start: t0, speed: 60, queue: DispatchQueue(label: "wall-time"))
        let twoMinutesAgo = clock.now.addingTimeInterval(-120)  // two seconds of wall time at 60×
        #expect(abs(Date().timeIntervalSince(clock.wallTime(of: twoMinutesAgo)) - 2) < 0.5)
    }
}

/// Entries appended from the clock's queue, read after.
final class Log: @unchecked Sendable {
    // Safety: written only from one serial queue and read after it finished.
    private(set) var entries: [String] = []
    func add(_ entry: String) { entries.append(entry) }
}
