import ArgumentParser
import Campaigns
import Dialer
import Foundation
import NIOCore
import EventStreamClient
import Persistence
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// `switchboard bench stream`: a `switchboard serve` process with many supervisors watching
/// one campaign over server-sent events, while a dialer on the real clock calls it.
struct StreamBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream", abstract: "Event-to-viewer latency and the server's CPU with many SSE viewers and a busy dialer.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Concurrent SSE viewers.") var viewers: Int = 200
    @Option(help: "Simulated agents.") var agents: Int = 200
    @Option(help: "How much faster than the wall clock the dialer runs.") var speed: Double = 140
    @Option(help: "Wall-clock seconds the dialer runs.") var seconds: Double = 60
    @Option(help: "Contacts in the list.") var contacts: Int = 100_000

    func run() async throws {
        try await BenchDatabase.with(global) { bench in
            Console.step(try await bench.serverDescription())
            let key = try MasterKey.load(keyFile: global.dataFolder + "/master.key")
            let world = try await BenchWorld.make(bench.database, vault: Vault(masterKey: key))
            try await world.addContacts(contacts)
            let campaign = try await world.campaign(named: "Stream", mode: .predictive)
            guard let port = FreePort.find() else { throw BenchError.noFreePort }
            let token = try await BenchWorld.supervisorToken(bench.database)
            let server = try await Subprocess.run(
                .path(FilePath(CommandLine.executablePath)),
                arguments: ["serve", "--database-url", bench.url, "--data-dir", global.dataFolder, "--port", "\(port)"],
                environment: .inherit,
                input: .none, output: .discarded, error: .discarded
            ) { execution in
                defer { try? execution.send(signal: .interrupt) }
                return try await measure(
                    serverPID: execution.processIdentifier.value, port: port, token: token, campaign: campaign, database: bench)
            }
            report(server.closureResult)
        }
    }

    struct Measurement {
        var latency: LatencyRecorder.Summary
        var figuresLag: LatencyRecorder.Summary
        var eventsPerSecond: Double
        var messagesPerViewerSecond: Double
        var serverCPU: Double
        var benchCPU: Double
        var serverPeakMiB: Double
        var viewersAtEnd: Int
        var dialed: Int
    }

    private func measure(serverPID: pid_t, port: Int, token: String, campaign: Campaign, database: BenchDatabase) async throws -> Measurement {
        let recorder = LatencyRecorder()
        let path = "/api/campaigns/\(campaign.id)/stream"
        let client = SSEClient()
        var channels: [any Channel] = []
        defer { for channel in channels { channel.close(promise: nil) } }
        channels.append(try await Self.retry(until: .seconds(30)) {
            try await client.connect(host: "127.0.0.1", port: port, path: path, headers: [("Authorization", "Bearer \(token)")]) {
                recorder.receive($0, viewer: 0)
            }
        })
        for viewer in 1..<viewers {
            channels.append(try await client.connect(host: "127.0.0.1", port: port, path: path, headers: [("Authorization", "Bearer \(token)")]) {
                recorder.receive($0, viewer: viewer)
            })
        }
        try await recorder.waitForSnapshots(viewers: viewers)
        Console.step("\(viewers) viewers connected to switchboard serve (pid \(serverPID)); dialing for \(Int(seconds)) s at \(String(format: "%g", speed))× with \(agents) agents")
        recorder.start()
        let settings = SimulationSettings(
            agents: agents, hours: seconds * speed / 3600, seed: 1,
            start: ShiftStart.nextWeekdayMorning(after: Date(timeIntervalSince1970: 1_764_000_000)), clock: .real(speed: speed),
            breakEveryMinutes: 0)
        let dialing = Task {
            try await Simulation(database: database.database, logger: global.logger).run(campaign: campaign.name, settings: settings) {
                Console.progress("\(Console.number($0.summary.dialed)) dialed, \(Console.number(recorder.eventsSeen)) events seen by viewer 1")
            }
        }
        // Measured from the first event on: the queue is refilled before dialing starts.
        let deadline = ContinuousClock.now + .seconds(300)
        while recorder.eventsSeen == 0 {
            guard ContinuousClock.now < deadline else {
                dialing.cancel()
                throw BenchError.noEvents(withinSeconds: 300)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        let cpuBefore = try ProcessStat.cpuSeconds(of: serverPID)
        let benchCPUBefore = ProcessMeasure.cpuSeconds
        let wallBefore = ContinuousClock.now
        let eventsBefore = recorder.eventsSeen
        let outcome = try await dialing.value
        try await Task.sleep(for: .seconds(1))  // the last batches arrive
        let wall = (ContinuousClock.now - wallBefore).seconds
        let cpu = try ProcessStat.cpuSeconds(of: serverPID) - cpuBefore
        Console.progress("done", final: true)
        return Measurement(
            latency: recorder.latency(), figuresLag: recorder.figuresLag(), eventsPerSecond: Double(recorder.eventsSeen - eventsBefore) / wall,
            messagesPerViewerSecond: Double(recorder.messages) / Double(viewers) / wall, serverCPU: cpu / wall,
            benchCPU: (ProcessMeasure.cpuSeconds - benchCPUBefore) / wall,
            serverPeakMiB: try ProcessStat.peakResidentMiB(of: serverPID), viewersAtEnd: recorder.viewersHeard, dialed: outcome.summary.dialed)
    }

    private func report(_ measurement: Measurement) {
        Console.table(
            ["", "value"],
            [
                ["viewers (heard from at the end)", "\(viewers) (\(measurement.viewersAtEnd))"],
                ["dial attempts", Console.number(measurement.dialed)],
                ["dialer events per second, as one viewer saw them", Console.number(Int(measurement.eventsPerSecond))],
                ["messages per viewer per second", String(format: "%.1f", measurement.messagesPerViewerSecond)],
                ["event-to-viewer latency p50 / p90 / p99 / max", measurement.latency.text],
                ["events delivered to viewers", Console.number(Int(measurement.latency.count))],
                ["figures after the events they count, p50 / p90 / p99 / max", measurement.figuresLag.text],
                ["server CPU (one core = 100 %)", Console.percent(measurement.serverCPU)],
                ["server peak resident memory", String(format: "%.0f MiB", measurement.serverPeakMiB)],
                ["this process's CPU: the dialer and every viewer", Console.percent(measurement.benchCPU)],
            ])
        Console.step("Latency runs from when the dialer's event happened to when a viewer parsed it; every event of a batch counts as the batch's first.")
    }

    /// Tries `attempt` until it succeeds or `limit` passes, for a server that is still starting.
    private static func retry<T>(until limit: Duration, _ attempt: () async throws -> T) async throws -> T {
        let deadline = ContinuousClock.now + limit
        while true {
            do {
                return try await attempt()
            } catch where ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
