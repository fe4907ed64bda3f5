import CLibPQ
import Dispatch
import Logging

/// Receives `LISTEN`/`NOTIFY` messages on a connection of its own.
///
/// A dispatch read source on the connection's socket wakes the listener when the server
/// sends something; nothing polls. When the connection breaks the listener reconnects with
/// a growing pause, listens again on every channel, and calls `onReconnect`, since
/// notifications sent in between are lost.
public final class NotificationListener: @unchecked Sendable {
    // Safety: every mutable property is read and written only on `queue`.
    private let queue: DispatchQueue
    private let configuration: DatabaseConfiguration
    private let logger: Logger
    private let onReconnect: (@Sendable () -> Void)?
    private var connection: Connection?
    private var source: (any DispatchSourceRead)?
    private var subscribers: [SQLIdentifier: [Int: @Sendable (Notification) -> Void]] = [:]
    private var nextSubscriberID = 0
    private var reconnectDelay = 0.5
    private var stopped = false

    public init(
        _ configuration: DatabaseConfiguration, logger: Logger, onReconnect: (@Sendable () -> Void)? = nil
    ) {
        self.configuration = configuration
        self.logger = logger
        self.onReconnect = onReconnect
        self.queue = DispatchQueue(label: "switchboard.db.listener")
    }

    /// Calls `handler` on the listener's queue for every notification on `channel`, from the
    /// moment this returns until the subscription is cancelled. Keep the handler short.
    public func subscribe(
        to channel: SQLIdentifier, _ handler: @escaping @Sendable (Notification) -> Void
    ) async throws -> Subscription {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.add(handler, to: channel) })
            }
        }
    }

    /// The notifications on `channel`, from the moment this returns until the stream is dropped.
    public func notifications(on channel: SQLIdentifier) async throws -> AsyncStream<Notification> {
        let (stream, continuation) = AsyncStream.makeStream(of: Notification.self, bufferingPolicy: .bufferingNewest(10_000))
        let subscription = try await subscribe(to: channel) { continuation.yield($0) }
        continuation.onTermination = { _ in subscription.cancel() }
        return stream
    }

    /// Closes the connection and ends every subscription.
    public func stop() {
        queue.async {
            self.stopped = true
            self.subscribers = [:]
            self.disconnect()
        }
    }

    /// A registration that ends with `cancel()`.
    public struct Subscription: Sendable {
        let cancelAction: @Sendable () -> Void
        public func cancel() { cancelAction() }
    }

    // MARK: on the queue

    private func add(_ handler: @escaping @Sendable (Notification) -> Void, to channel: SQLIdentifier) throws -> Subscription {
        dispatchPrecondition(condition: .onQueue(queue))
        guard !stopped else { throw DatabaseError(.poolClosed, message: "the listener was stopped") }
        let connection = try connected()
        if subscribers[channel, default: [:]].isEmpty {
            try connection.execute("LISTEN \(channel)")
            deliverPending(connection)
        }
        let id = nextSubscriberID
        nextSubscriberID += 1
        subscribers[channel, default: [:]][id] = handler
        return Subscription { [weak self] in
            guard let self else { return }
            self.queue.async { self.remove(id, from: channel) }
        }
    }

    private func remove(_ id: Int, from channel: SQLIdentifier) {
        subscribers[channel]?[id] = nil
        guard subscribers[channel]?.isEmpty == true else { return }
        subscribers[channel] = nil
        if let connection, connection.isOpen {
            _ = try? connection.execute("UNLISTEN \(channel)")
        }
    }

    private func connected() throws -> Connection {
        if let connection, connection.isOpen { return connection }
        disconnect()
        let fresh = try Connection(configuration, applicationName: configuration.applicationName + "-listener", logger: logger)
        let source = DispatchSource.makeReadSource(fileDescriptor: PQsocket(fresh.handle), queue: queue)
        source.setEventHandler { @Sendable [weak self] in self?.socketReadable() }
        source.resume()
        connection = fresh
        self.source = source
        return fresh
    }

    private func disconnect() {
        source?.cancel()
        source = nil
        connection = nil
    }

    private func socketReadable() {
        guard let connection else { return }
        guard connection.readAvailableInput() else {
            logger.warning("notification listener lost its connection; reconnecting")
            disconnect()
            scheduleReconnect()
            return
        }
        deliverPending(connection)
    }

    private func deliverPending(_ connection: Connection) {
        while let raw = PQnotifies(connection.handle) {
            let notification = Notification(
                channel: String(cString: raw.pointee.relname),
                payload: String(cString: raw.pointee.extra),
                processID: raw.pointee.be_pid)
            PQfreemem(raw)
            for (channel, handlers) in subscribers where channel.name == notification.channel {
                handlers.values.forEach { $0(notification) }
            }
        }
    }

    private func scheduleReconnect() {
        let delay = reconnectDelay
        reconnectDelay = min(reconnectDelay * 2, 30)
        queue.asyncAfter(deadline: .now() + delay) { [weak self] in self?.reconnect() }
    }

    private func reconnect() {
        guard !stopped, connection == nil else { return }
        do {
            let connection = try connected()
            for channel in subscribers.keys {
                try connection.execute("LISTEN \(channel)")
            }
            reconnectDelay = 0.5
            logger.info("notification listener reconnected")
            onReconnect?()
        } catch {
            logger.warning("notification listener could not reconnect", metadata: ["error": "\(error)"])
            disconnect()
            scheduleReconnect()
        }
    }
}
