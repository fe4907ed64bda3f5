import Dispatch
import Foundation
import HeapModule

/// A discrete-event clock: a queue of future actions, run in time order (ties in the order
/// they were scheduled), the clock jumping to each one. Nothing waits, so a day of calls
/// takes as long as computing them.
public final class VirtualClock: SimulationClock, @unchecked Sendable {
    // Safety: used only from the engine's queue: `start` runs the loop there and actions
    // schedule more actions from there.
    public private(set) var now: Date
    private var events = Heap<Event>()
    private var sequence: UInt64 = 0
    private var stopped = false

    public init(start: Date) {
        now = start
    }

    public func schedule(at time: Date, _ action: @escaping @Sendable () -> Void) {
        sequence += 1
        events.insert(Event(time: max(time, now), sequence: sequence, action: action))
    }

    public func start(on queue: DispatchQueue) {
        queue.async {
            while !self.stopped, let next = self.events.popMin() {
                self.now = next.time
                next.action()
            }
        }
    }

    /// Virtual time has no wall-clock counterpart: an event is as late as now.
    public func wallTime(of time: Date) -> Date { Date() }

    public func stop() {
        stopped = true
    }

    private struct Event: Comparable {
        let time: Date
        let sequence: UInt64
        let action: @Sendable () -> Void

        static func < (lhs: Event, rhs: Event) -> Bool {
            (lhs.time, lhs.sequence) < (rhs.time, rhs.sequence)
        }

        static func == (lhs: Event, rhs: Event) -> Bool {
            lhs.sequence == rhs.sequence
        }
    }
}
