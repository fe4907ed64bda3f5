import Dialer
import Foundation

/// The line that follows a running simulation.
enum ProgressLine {
    @Sendable static func show(_ progress: RunProgress) {
        let summary = progress.summary
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ShiftStart.warsaw
        let time = calendar.dateComponents([.hour, .minute], from: progress.time)
        let clock = String(format: "%02d:%02d", time.hour ?? 0, time.minute ?? 0)
        Console.progress(
            "\(clock)  dialed \(Console.number(summary.dialed))  answered \(Console.number(summary.humanAnswers))  "
                + "connected \(Console.number(summary.connected))  successes \(Console.number(summary.successes))  "
                + "abandon rate \(Console.percent(summary.abandonRate))",
            final: progress.finished)
    }
}
