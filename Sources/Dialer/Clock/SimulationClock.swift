import Dispatch
import Foundation

/// The simulation's time. The engine is written against this protocol once and runs on
/// either clock: the virtual one jumps from event to event as fast as the machine goes; the
/// real one waits on dispatch timers, scaled by a speed factor.
///
/// Every method is called on the engine's queue, and every action runs there.
public protocol SimulationClock: AnyObject, Sendable {
    /// The current moment of the simulation.
    var now: Date { get }
    /// Runs `action` on the engine's queue when the simulation reaches `time`.
    func schedule(at time: Date, _ action: @escaping @Sendable () -> Void)
    /// Starts running scheduled actions, on `queue`.
    func start(on queue: DispatchQueue)
    /// Runs no further action.
    func stop()
    /// The wall-clock moment at which the simulation was at `time`, for how late viewers see events.
    func wallTime(of time: Date) -> Date
}
