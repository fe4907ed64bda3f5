import CLibPQ
import Dispatch
import Logging
import Metrics
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A place in the pool: a serial dispatch queue and the libpq connection that lives on it.
///
/// The connection opens on first use and reopens by itself after it broke (a server restart,
/// a dropped network), so a broken connection is replaced before the next caller gets it.
final class ConnectionSlot: @unchecked Sendable {
    // Safety: `connection` is read and written only on `queue`, which `withConnection` checks;
    // `cancelHandle` is guarded by its mutex; everything else is immutable.
    let queue: DispatchQueue
    private let configuration: DatabaseConfiguration
    private let logger: Logger
    private var connection: Connection?
    private let cancelHandle = Mutex<CancelHandle?>(nil)
    /// Counts the runs on this slot; a cancellation names the run it is meant for.
    private let currentRun = Atomic(0)
    private let cancelledRun = Atomic(-1)

    init(configuration: DatabaseConfiguration, label: String, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        self.queue = DispatchQueue(label: label)
    }

    /// Runs `body` with the connection. Must be called on `queue`.
    func withConnection<T>(_ body: (Connection) throws -> T) throws -> T {
        dispatchPrecondition(condition: .onQueue(queue))
        let run = currentRun.load(ordering: .sequentiallyConsistent)
        let connection = try usableConnection()
        connection.isCancelled = { [unowned self] in cancelledRun.load(ordering: .sequentiallyConsistent) == run }
        defer {
            connection.isCancelled = nil
            tidy(connection)
        }
        try connection.checkCancellation()
        return try body(connection)
    }

    /// Runs `body` on the queue, blocking the calling thread until it is done.
    func runBlocking<T>(_ body: (Connection) throws -> T) throws -> T {
        dispatchPrecondition(condition: .notOnQueue(queue))
        return try queue.sync { try withConnection(body) }
    }

    /// Runs `body` on the queue while the calling task is suspended; cancelling the task
    /// cancels the running statement on the server.
    func run<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        let run = currentRun.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue
        defer { currentRun.wrappingAdd(1, ordering: .sequentiallyConsistent) }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                queue.async {
                    continuation.resume(with: Result { try self.withConnection(body) })
                }
            }
        } onCancel: {
            cancel(run: run)
        }
    }

    /// Cancels run `run`: statements not yet sent fail at once, and the server is asked to
    /// stop the one in progress, again a little later in case it had not reached the server.
    private func cancel(run: Int) {
        cancelledRun.store(run, ordering: .sequentiallyConsistent)
        for delay in [0.0, 0.1, 0.5, 2] {
            DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
                guard self.currentRun.load(ordering: .sequentiallyConsistent) == run else { return }
                self.cancelHandle.withLock { $0?.cancel() }
            }
        }
    }

    /// Closes the connection, when it is next idle.
    func close() {
        queue.async { self.replace(with: nil) }
    }

    /// The open connection, after opening or reopening it when needed.
    private func usableConnection() throws -> Connection {
        if let connection, connection.isHealthy() {
            return connection
        }
        if connection != nil {
            logger.info("replacing a broken database connection")
            Counter(label: "switchboard_db_reconnects_total").increment()
        }
        replace(with: nil)
        let fresh: Connection
        do {
            fresh = try Connection(configuration, logger: logger)
        } catch {
            Counter(label: "switchboard_db_connect_failures_total", dimensions: [("kind", error.kind.rawValue)]).increment()
            throw error
        }
        replace(with: fresh)
        return fresh
    }

    private func replace(with fresh: Connection?) {
        let handle = fresh.flatMap(CancelHandle.init)
        cancelHandle.withLock { $0 = handle }
        connection = fresh
    }

    /// A caller that left a transaction open would hand it to the next caller: roll it back.
    private func tidy(_ connection: Connection) {
        guard connection.isOpen, connection.isInTransaction else { return }
        logger.warning("a transaction was left open on a pooled connection; rolling it back")
        _ = try? connection.execute("ROLLBACK")
    }
}

/// libpq's cancel request object.
private final class CancelHandle: @unchecked Sendable {
    // Safety: libpq documents PQcancel as thread-safe; the object is freed only in deinit.
    private let pointer: OpaquePointer

    init?(_ connection: Connection) {
        guard let pointer = PQgetCancel(connection.handle) else { return nil }
        self.pointer = pointer
    }

    deinit { PQfreeCancel(pointer) }

    func cancel() {
        var message = [CChar](repeating: 0, count: 256)
        _ = PQcancel(pointer, &message, Int32(message.count))
    }
}

extension Connection {
    /// False when the server has closed the connection since it was last used. A server that
    /// shuts down or terminates a backend sends a farewell and then closes the socket, so an
    /// idle connection learns of it by reading what is waiting, without blocking.
    func isHealthy() -> Bool {
        guard readAvailableInput() else { return false }
        while let notification = PQnotifies(handle) { PQfreemem(notification) }
        return true
    }

    /// Reads whatever the server has sent, without waiting; false when that shows the
    /// connection is gone. The farewell and the end of the stream may come in separate reads.
    func readAvailableInput() -> Bool {
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        for _ in 0..<8 where isOpen && descriptor.fd >= 0 {
            guard poll(&descriptor, 1, 0) > 0 else { break }
            guard PQconsumeInput(handle) == 1 else { return false }
        }
        return isOpen && PQsocket(handle) >= 0
    }
}
