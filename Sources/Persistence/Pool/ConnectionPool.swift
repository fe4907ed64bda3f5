import DequeModule
import Dispatch
import Logging
import Synchronization

/// A bounded set of connection slots. Callers wait their turn, up to a timeout, in order.
final class ConnectionPool: Sendable {
    typealias Delivery = @Sendable (Result<ConnectionSlot, any Error>) -> Void

    private struct Waiter {
        let id: Int
        let deliver: Delivery
        /// When it started waiting, in uptime nanoseconds.
        let since: UInt64
    }

    private struct State {
        var idle: [ConnectionSlot] = []
        var created = 0
        var waiters: Deque<Waiter> = []
        var nextWaiterID = 0
        var closed = false
    }

    private let state = Mutex(State())
    private let configuration: DatabaseConfiguration
    private let logger: Logger
    private let metrics = PoolMetrics()

    init(configuration: DatabaseConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Waits for a free slot, blocking the calling thread. For dispatch code only.
    @available(*, noasync, message: "use the async acquire")
    func acquireBlocking() throws -> ConnectionSlot {
        let semaphore = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<ConnectionSlot, any Error>?>(nil)
        _ = acquire { result in
            outcome.withLock { $0 = result }
            semaphore.signal()
        }
        semaphore.wait()
        return try outcome.withLock { $0! }.get()
    }

    /// Waits for a free slot, suspending the task; cancelling the task stops the wait.
    func acquire() async throws -> ConnectionSlot {
        let waiter = Mutex<Int?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let id = acquire { continuation.resume(with: $0) }
                waiter.withLock { $0 = id }
                if Task.isCancelled, let id { withdraw(id, because: nil) }
            }
        } onCancel: {
            if let id = waiter.withLock({ $0 }) { withdraw(id, because: nil) }
        }
    }

    /// Returns a slot to the pool, or hands it straight to the first waiter.
    func release(_ slot: ConnectionSlot) {
        let waiter: Waiter? = state.withLock { state in
            defer { metrics.record(created: state.created, idle: state.idle.count) }
            if state.closed {
                state.created -= 1
                slot.close()
                return nil
            }
            if let first = state.waiters.popFirst() { return first }
            state.idle.append(slot)
            return nil
        }
        if let waiter {
            metrics.recordWait(since: waiter.since)
            waiter.deliver(.success(slot))
        }
    }

    /// Closes idle connections and fails every waiter; busy slots close when released.
    func close() {
        let (idle, waiters) = state.withLock { state in
            state.closed = true
            defer {
                state.created -= state.idle.count
                state.idle = []
                state.waiters = []
                metrics.record(created: state.created, idle: 0)
            }
            return (state.idle, state.waiters)
        }
        idle.forEach { $0.close() }
        waiters.forEach { $0.deliver(.failure(DatabaseError(.poolClosed, message: "the database pool was closed"))) }
    }

    /// Delivers a slot now if one is free, otherwise queues the request. Returns the waiter's
    /// id when it had to wait.
    private func acquire(_ deliver: @escaping Delivery) -> Int? {
        enum Decision { case slot(ConnectionSlot), closed, wait(Int) }
        let decision: Decision = state.withLock { state in
            defer { metrics.record(created: state.created, idle: state.idle.count) }
            if state.closed { return .closed }
            if let slot = state.idle.popLast() { return .slot(slot) }
            if state.created < configuration.maxConnections {
                state.created += 1
                return .slot(makeSlot(number: state.created))
            }
            let id = state.nextWaiterID
            state.nextWaiterID += 1
            state.waiters.append(Waiter(id: id, deliver: deliver, since: DispatchTime.now().uptimeNanoseconds))
            return .wait(id)
        }
        switch decision {
        case .slot(let slot):
            deliver(.success(slot))
            return nil
        case .closed:
            deliver(.failure(DatabaseError(.poolClosed, message: "the database pool was closed")))
            return nil
        case .wait(let id):
            metrics.recordWaitStarted()
            let timeout = configuration.acquireTimeout
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Int(timeout.milliseconds))) {
                let error = DatabaseError(
                    .poolTimeout,
                    message: "no database connection became free within \(timeout) "
                        + "(all \(self.configuration.maxConnections) are busy)")
                self.withdraw(id, because: error)
            }
            return id
        }
    }

    /// Takes a waiter out of the queue, if it is still there, and fails it.
    /// A nil error means the waiting task was cancelled.
    private func withdraw(_ id: Int, because error: (any Error)?) {
        let waiter: Waiter? = state.withLock { state in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index)
        }
        guard let waiter else { return }
        if error != nil { metrics.recordTimeout() }
        waiter.deliver(.failure(error ?? CancellationError()))
    }

    private func makeSlot(number: Int) -> ConnectionSlot {
        ConnectionSlot(
            configuration: configuration,
            label: "switchboard.db.\(configuration.applicationName).\(number)", logger: logger)
    }
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
