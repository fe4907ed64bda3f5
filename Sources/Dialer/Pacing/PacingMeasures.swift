import DequeModule
import Foundation

/// The sum of the last `window` values added.
struct RollingCounter: Sendable {
    let window: Int
    private var values = Deque<Int>()
    private(set) var total = 0
    private(set) var count = 0

    init(window: Int) { self.window = window }

    mutating func add(_ value: Int) {
        values.append(value)
        total += value
        if values.count > window { total -= values.removeFirst() }
        count = values.count
    }
}

/// The mean of the last `window` values, or `initial` before any.
struct RollingMean: Sendable {
    let window: Int
    private var values = Deque<Double>()
    private var sum = 0.0
    private let initial: Double

    init(window: Int, initial: Double) {
        self.window = window
        self.initial = initial
    }

    var mean: Double { values.isEmpty ? initial : sum / Double(values.count) }

    mutating func add(_ value: Double) {
        values.append(value)
        sum += value
        if values.count > window { sum -= values.removeFirst() }
    }
}

/// The last `size` handle times, for the chance that a call in progress ends soon.
struct RecentSample: Sendable {
    let size: Int
    private var recent = Deque<Double>()
    private var sorted: [Double] = []

    init(size: Int) { self.size = size }

    mutating func add(_ value: Double) {
        recent.append(value)
        sorted.insert(value, at: sorted.partitioningIndex { $0 >= value })
        if recent.count > size {
            let old = recent.removeFirst()
            sorted.remove(at: sorted.partitioningIndex { $0 >= old })
        }
    }

    var count: Int { sorted.count }

    /// P(handle ≤ elapsed + horizon | handle > elapsed), from the empirical distribution. A
    /// call already longer than every one measured is not counted on: early in a shift only
    /// the short calls have ended, and taking the long ones for nearly over overdials.
    func probabilityEnding(afterElapsed elapsed: Double, within horizon: Double) -> Double {
        let longer = sorted.count - sorted.partitioningIndex { $0 > elapsed }
        guard longer > 0 else { return 0 }
        let endingSoon = sorted.partitioningIndex { $0 > elapsed + horizon } - sorted.partitioningIndex { $0 > elapsed }
        return Double(endingSoon) / Double(longer)
    }
}

/// Live answers and abandons over a sliding period, as the regulator counts them.
struct AbandonWindow: Sendable {
    let seconds: Double
    private var events = Deque<(time: Date, abandoned: Bool)>()
    private var abandoned = 0

    init(seconds: Double, history: [(time: Date, abandoned: Bool)]) {
        self.seconds = seconds
        for event in history { add(time: event.time, abandoned: event.abandoned) }
    }

    var rate: Double { events.isEmpty ? 0 : Double(abandoned) / Double(events.count) }

    mutating func add(time: Date, abandoned wasAbandoned: Bool) {
        events.append((time, wasAbandoned))
        if wasAbandoned { abandoned += 1 }
    }

    mutating func forget(before now: Date) {
        while let first = events.first, now.timeIntervalSince(first.time) > seconds {
            if first.abandoned { abandoned -= 1 }
            events.removeFirst()
        }
    }
}

extension Array where Element == Double {
    /// The first index whose element satisfies `predicate`, for a predicate that is false
    /// then true along the (sorted) array.
    func partitioningIndex(where predicate: (Double) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
