import Foundation
import Histogram
import EventStreamClient
import Supervisor
import Synchronization

/// What the stream benchmark's viewers saw: how late each dialer event reached them, in
/// milliseconds, and how many messages came. Called from event-loop threads.
final class LatencyRecorder: Sendable {
    private struct State {
        var histogram = Histogram<UInt64>(highestTrackableValue: 600_000, numberOfSignificantValueDigits: .three)
        /// For the first viewer: from the arrival of events to that of the figures that follow them.
        var figuresLag = Histogram<UInt64>(highestTrackableValue: 600_000, numberOfSignificantValueDigits: .three)
        var eventsWaitingForFigures: Date?
        var recording = false
        var messages = 0
        var eventsSeen = 0
        var snapshots: Set<Int> = []
        var heard: Set<Int> = []
    }

    private let state = Mutex(State())
    private static let happenedAt = #""happenedAt":""#
    private static let kind = Array(#""kind":"#.utf8)

    /// Counts from now on; what came before (the first snapshots) is left out.
    func start() { state.withLock { $0.recording = true } }

    func receive(_ event: SSEClient.Event, viewer: Int) {
        let arrived = Date()
        guard event.name == "events" else {
            state.withLock { state in
                if event.name == "figures" { state.snapshots.insert(viewer) }
                guard state.recording else { return }
                state.messages += 1
                if viewer == 0, event.name == "figures", let waiting = state.eventsWaitingForFigures {
                    _ = state.figuresLag.record(UInt64((arrived.timeIntervalSince(waiting) * 1000).rounded()))
                    state.eventsWaitingForFigures = nil
                }
            }
            return
        }
        let count = Self.occurrences(of: Self.kind, in: event.data)
        guard let happened = Self.happened(event.data) else { return }
        let milliseconds = UInt64(max(0, arrived.timeIntervalSince(happened) * 1000).rounded())
        state.withLock { state in
            guard state.recording else { return }
            state.messages += 1
            state.heard.insert(viewer)
            if viewer == 0 {
                state.eventsSeen += count
                if state.eventsWaitingForFigures == nil { state.eventsWaitingForFigures = arrived }
            }
            _ = state.histogram.record(milliseconds, count: UInt64(count))
        }
    }

    /// Waits until every viewer has had its first figures: all are connected and listening.
    func waitForSnapshots(viewers: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while state.withLock({ $0.snapshots.count }) < viewers {
            guard ContinuousClock.now < deadline else {
                throw BenchError.viewersNotReady(ready: state.withLock { $0.snapshots.count }, of: viewers)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    var eventsSeen: Int { state.withLock { $0.eventsSeen } }
    var messages: Int { state.withLock { $0.messages } }
    var viewersHeard: Int { state.withLock { $0.heard.count } }

    /// Percentiles in milliseconds.
    struct Summary {
        let count: UInt64
        let p50: UInt64
        let p90: UInt64
        let p99: UInt64
        let max: UInt64

        init(_ histogram: Histogram<UInt64>) {
            count = histogram.totalCount
            p50 = histogram.valueAtPercentile(50)
            p90 = histogram.valueAtPercentile(90)
            p99 = histogram.valueAtPercentile(99)
            max = histogram.max
        }

        var text: String { "\(p50) / \(p90) / \(p99) / \(max) ms" }
    }

    /// How late events reached viewers.
    func latency() -> Summary { state.withLock { Summary($0.histogram) } }

    /// How long after events the figures that count them came.
    func figuresLag() -> Summary { state.withLock { Summary($0.figuresLag) } }

    /// How many times `pattern` occurs in `text`, byte by byte: one per event of a batch.
    private static func occurrences(of pattern: [UInt8], in text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            var index = 0
            while index + pattern.count <= bytes.count {
                if bytes[index] == pattern[0], bytes[index..<index + pattern.count].elementsEqual(pattern) {
                    count += 1
                    index += pattern.count
                } else {
                    index += 1
                }
            }
            return count
        }
    }

    private static func happened(_ json: String) -> Date? {
        guard let start = json.range(of: happenedAt)?.upperBound, let end = json[start...].firstIndex(of: "\"") else { return nil }
        return try? JSONCoding.dateStyle.parse(String(json[start..<end]))
    }
}
