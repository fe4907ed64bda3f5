import Dispatch

/// Runs blocking dispatch-side code (the dialer's store calls) from a test's async code, on a
/// global dispatch queue, as the dialer's own queues would.
public func onDispatchQueue<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
    }
}
