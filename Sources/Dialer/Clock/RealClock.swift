import Dispatch
import Foundation
import Synchronization

/// A clock that follows the wall clock, `speed` times faster: 1 for people working in the
/// browser, 60 for a lively demonstration (an hour a minute). Actions wait on dispatch timers.
public final class RealClock: SimulationClock, Sendable {
    private let start: Date
    private let wallStart: DispatchTime
    private let queue: DispatchQueue
    private let stopped = Atomic(false)
    public let speed: Double

    /// A clock whose actions run on `queue`, the engine's.
    public init(start: Date, speed: Double = 1, queue: DispatchQueue) {
        self.start = start
        self.speed = max(speed, 0.001)
        self.queue = queue
        wallStart = .now()
    }

    public var now: Date {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - wallStart.uptimeNanoseconds) / 1e9
        return start.addingTimeInterval(elapsed * speed)
    }

    public func schedule(at time: Date, _ action: @escaping @Sendable () -> Void) {
        let delay = max(0, time.timeIntervalSince(now) / speed)
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            if !stopped.load(ordering: .relaxed) { action() }
        }
    }

    public func start(on queue: DispatchQueue) {}

    public func wallTime(of time: Date) -> Date {
        Date().addingTimeInterval(-now.timeIntervalSince(time) / speed)
    }

    public func stop() {
        stopped.store(true, ordering: .relaxed)
    }
}
