import Dialer
import Foundation

/// The line that follows a running simulation.
enum ProgressLine {
    @Sendable static func show(_ progress: RunProgress) {
        let summary = progress.summary
        Console.progress(
            "\(clock(progress.time))  dialed \(Console.number(summary.dialed))  answered \(Console.number(summary.humanAnswers))  "
                + "connected \(Console.number(summary.connected))  successes \(Console.number(summary.successes))  "
                + "abandon rate \(Console.percent(summary.abandonRate))",
            final: progress.finished)
    }

    /// A simulated moment as Warsaw's wall clock shows it, `09:15`.
    static func clock(_ time: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ShiftStart.warsaw
        let parts = calendar.dateComponents([.hour, .minute], from: time)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
