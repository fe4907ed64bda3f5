import Dialer
import Foundation

/// The figures of a run, for the terminal.
enum SummaryReport {
    static func print(_ summary: RunSummary, runID: Int) {
        Swift.print("")
        Console.step("Run \(runID): \(String(format: "%.1f", summary.simulatedSeconds / 3600)) simulated hours in \(String(format: "%.2f", summary.wallSeconds)) s")
        Console.table(
            ["figure", "value"],
            [
                ["dialed", Console.number(summary.dialed)],
                ["answered by a person", Console.number(summary.humanAnswers)],
                ["answering machines", Console.number(summary.machineAnswers)],
                ["busy", Console.number(summary.busy)],
                ["no answer", Console.number(summary.noAnswer)],
                ["invalid numbers", Console.number(summary.invalid)],
                ["connected to an agent", Console.number(summary.connected)],
                ["machines put through to an agent", Console.number(summary.machinesToAgents)],
                ["successes", Console.number(summary.successes)],
                ["conversion (successes / connected)", Console.percent(summary.conversion)],
                ["abandoned", Console.number(summary.abandoned)],
                ["abandon rate (abandoned / live answers)", Console.percent(summary.abandonRate, digits: 2)],
                ["agent occupancy", Console.percent(summary.occupancy)],
                ["consents given / refused", "\(Console.number(summary.consentsGranted)) / \(Console.number(summary.consentsRefused))"],
                ["recordings", Console.number(summary.recordings)],
            ])
        if let stopped = summary.stoppedEarlyAt {
            Console.step(
                "The campaign was paused or finished at \(ProgressLine.clock(stopped)) Warsaw time: dialing stopped then, "
                    + "and the calls under way were finished.")
        }
    }
}
