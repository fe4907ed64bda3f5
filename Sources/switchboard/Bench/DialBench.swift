import ArgumentParser
import Campaigns
import Dialer
import Foundation
import Persistence
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// `switchboard bench dial`: a day of a large team on the virtual clock with every write,
/// beside pgbench running the equivalent one-call transaction on the same server.
struct DialBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dial", abstract: "Simulated calls per second with full persistence, beside pgbench's one-call transaction.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Simulated agents.") var agents: Int = 100
    @Option(help: "Contacts in the list.") var contacts: Int = 200_000
    @Option(help: "Simulated hours.") var hours: Double = 8
    @Option(help: "Seconds pgbench runs.") var pgbenchSeconds: Int = 15
    @Option(help: "pgbench clients.") var pgbenchClients: Int = 8
    @Flag(help: "Publish events with NOTIFY, as a supervised run does.") var events = false

    func run() async throws {
        try await BenchDatabase.with(global) { try await measure($0) }
    }

    private func measure(_ bench: BenchDatabase) async throws {
        Console.step(try await bench.serverDescription())
        let key = try MasterKey.load(keyFile: global.dataFolder + "/master.key")
        let world = try await BenchWorld.make(bench.database, vault: Vault(masterKey: key))
        let (_, loading) = try await ProcessMeasure.time { try await world.addContacts(contacts) }
        Console.step("\(Console.number(contacts)) contacts in \(String(format: "%.1f", loading)) s")
        let campaign = try await world.campaign(named: "Bench", mode: .predictive)
        let settings = SimulationSettings(
            agents: agents, hours: hours, seed: 1, start: ShiftStart.nextWeekdayMorning(after: Date(timeIntervalSince1970: 1_764_000_000)),
            publishEvents: events)
        let cpuBefore = ProcessMeasure.cpuSeconds
        let outcome = try await Simulation(database: bench.database, logger: global.logger).run(campaign: campaign.name, settings: settings)
        let cpu = ProcessMeasure.cpuSeconds - cpuBefore
        let summary = outcome.summary
        let tps = try await PgBench.oneCallTransaction(
            bench: bench, campaignID: campaign.id, runID: outcome.runID, clients: pgbenchClients, seconds: pgbenchSeconds)
        Console.table(
            ["", "value"],
            [
                ["simulated hours, agents", "\(String(format: "%.0f", hours)) h, \(agents) agents"],
                ["dial attempts written", Console.number(summary.dialed)],
                ["wall time of the simulated day", String(format: "%.2f s", summary.wallSeconds)],
                ["simulated calls per wall second, every write included", Console.number(Int(summary.callsPerWallSecond))],
                ["dialer CPU seconds", String(format: "%.1f", cpu)],
                ["pgbench, one call per transaction (\(pgbenchClients) clients), TPS", Console.number(Int(tps))],
                ["ratio", String(format: "%.1f×", summary.callsPerWallSecond / tps)],
                ["abandon rate, occupancy", "\(Console.percent(summary.abandonRate, digits: 2)), \(Console.percent(summary.occupancy))"],
            ])
    }
}

/// pgbench running one simulated call per transaction: claim a contact with FOR UPDATE SKIP
/// LOCKED, insert the call and its recording's metadata, update the queue.
enum PgBench {
    static func oneCallTransaction(bench: BenchDatabase, campaignID: Int, runID: Int, clients: Int, seconds: Int) async throws -> Double {
        try await bench.database.execute("CREATE SEQUENCE bench_call_sequence START 1000000")
        try await bench.database.execute("UPDATE queue_entries SET state = 'waiting', next_attempt_at = '-infinity' WHERE campaign_id = \(campaignID)")
        let script = """
            BEGIN;
            SELECT contact_id AS contact FROM queue_entries WHERE campaign_id = \(campaignID) AND state = 'waiting'
              ORDER BY next_attempt_at, contact_id LIMIT 1 FOR UPDATE SKIP LOCKED \\gset
            INSERT INTO calls (run_id, sequence, campaign_id, contact_id, attempt, agent_id, dialed_at, answered_at, connected_at, ended_at, network_result, outcome, success)
              VALUES (\(runID), nextval('bench_call_sequence'), \(campaignID), :contact, 1, NULL, now(), now(), now(), now() + interval '90 seconds', 'human', 'sale', true);
            INSERT INTO recordings (id, call_id, campaign_id, started_at, duration_ms, codec, sample_rate, byte_size)
              VALUES (gen_random_uuid(), currval('calls_id_seq'), \(campaignID), now(), 90000, 'pcm_s16le', 8000, 1440044);
            UPDATE queue_entries SET attempts = attempts + 1, next_attempt_at = now() + interval '1 day', last_result = 'sale',
              last_call_at = now() WHERE campaign_id = \(campaignID) AND contact_id = :contact;
            COMMIT;
            """
        let file = FileManager.default.temporaryDirectory.appending(path: "switchboard-pgbench-\(getpid()).sql").path
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try await Subprocess.run(
            .path(FilePath(try program("pgbench"))),
            arguments: ["-n", "-f", file, "-c", "\(clients)", "-j", "2", "-T", "\(seconds)", bench.url],
            output: .string(limit: 1 << 20), error: .combinedWithOutput)
        let text = result.standardOutput
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("tps = ") }),
            let tps = Double(line.dropFirst(6).split(separator: " ").first ?? "")
        else { throw BenchError.noTPS(output: text) }
        return tps
    }

    static func program(_ name: String) throws -> String {
        guard let found = PostgresPrograms.path(of: name) else {
            throw BenchError.programMissing(name)
        }
        return found
    }
}
