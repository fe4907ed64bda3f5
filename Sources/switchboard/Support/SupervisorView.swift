import Foundation
import Persistence
import Supervisor

/// What a supervisor sees after a run: each agent's work and how conversations ended.
enum SupervisorView {
    static func print(runID: Int, database: Database) async throws {
        let statistics = StatisticsStore(database)
        let agents = try await statistics.agentFigures(runID: runID)
        Swift.print("")
        Console.step("Agents")
        Console.table(
            ["agent", "calls", "successes", "conversion", "avg handle"],
            agents.map { figures in
                [figures.name, Console.number(figures.connected), Console.number(figures.successes),
                 Console.percent(figures.conversion), String(format: "%.0f s", figures.averageHandleSeconds)]
            })
        Swift.print("")
        Console.step("Outcomes")
        Console.table(["outcome", "calls"], try await statistics.outcomes(runID: runID).map { [$0.outcome, Console.number($0.calls)] })
    }
}
