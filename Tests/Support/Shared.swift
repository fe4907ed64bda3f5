import Synchronization

/// A value that concurrent test code reads and changes under a lock; a class, so closures
/// share one instance.
public final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    public init(_ value: Value) { mutex = Mutex(value) }

    public var value: Value { mutex.withLock { $0 } }

    /// Changes the value and returns what `change` returns.
    @discardableResult
    public func update<Result: Sendable>(_ change: @Sendable (inout Value) -> Result) -> Result {
        mutex.withLock { change(&$0) }
    }
}
