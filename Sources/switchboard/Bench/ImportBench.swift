import ArgumentParser
import Campaigns
import Foundation
import Persistence

/// `switchboard bench import`: a generated list through the importer, beside PostgreSQL's own
/// COPY of the same file into a plain table.
struct ImportBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import generated rows; compare with COPY of the same file; report rows/s and peak memory.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Rows in the generated file.") var rows: Int = 1_000_000

    func run() async throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "switchboard-bench-\(rows).csv").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let (bytes, generation) = try await ProcessMeasure.time { try Self.generate(rows: rows, to: file) }
        Console.step("Generated \(Console.number(rows)) rows (\(String(format: "%.1f", Double(bytes) / 1_048_576)) MiB) in \(String(format: "%.1f", generation)) s")

        try await BenchDatabase.with(global) { bench in
            Console.step(try await bench.serverDescription())
            for consent in DemoSetup.consents {
                _ = try await ConsentStore(bench.database).define(
                    code: consent.code, title: consent.title, purpose: consent.purpose, text: consent.text, actor: "bench")
            }
            _ = try await DataSourceStore(bench.database).create(name: "bench", kind: .purchasedList, previousController: "Bench Data sp. z o.o.", actor: "bench")
            let before = ProcessMeasure.residentMiB
            let key = try MasterKey.load(keyFile: global.dataFolder + "/master.key")
            let (report, seconds) = try await ProcessMeasure.time {
                try await ContactImporter(database: bench.database, vault: Vault(masterKey: key)).run(
                    path: file, options: ImportOptions(sourceName: "bench", actor: "bench"), progress: ImportProgressLine.show)
            }
            Console.progress("done", final: true)
            let peak = ProcessMeasure.peakResidentMiB
            let (copied, copySeconds) = try await ProcessMeasure.time { try await Self.copy(file: file, into: bench.database) }
            Console.table(
                ["", "rows", "seconds", "rows/s"],
                [
                    ["switchboard import (parse, repair, seal, COPY, set-based SQL)", Console.number(report.rowsRead),
                     String(format: "%.2f", seconds), Console.number(Int(Double(report.rowsRead) / seconds))],
                    ["PostgreSQL COPY of the same file into a plain table", Console.number(copied),
                     String(format: "%.2f", copySeconds), Console.number(Int(Double(copied) / copySeconds))],
                ])
            Console.step(
                "accepted \(Console.number(report.accepted)), rejected \(Console.number(report.rejected)), "
                    + "repaired \(Console.number(report.repaired)); import \(String(format: "%.1f", seconds / copySeconds))× COPY's time")
            Console.step(String(format: "memory: %.0f MiB resident before the import, %.0f MiB peak", before, peak))
        }
    }

    /// Writes the demo list's people, written as people type numbers, in bounded memory.
    static func generate(rows: Int, to path: String) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchError.cannotWrite(path)
        }
        defer { try? handle.close() }
        var written = 0
        var remaining = rows
        var seed: UInt64 = 1
        var first = true
        while remaining > 0 {
            let count = min(remaining, 50_000)
            var text = DemoSetup.csv(count: count, seed: seed)
            if !first, let header = text.firstIndex(of: "\n") { text = String(text[text.index(after: header)...]) }
            let data = Data(text.utf8)
            handle.write(data)
            written += data.count
            remaining -= count
            seed += 1
            first = false
        }
        return written
    }

    /// PostgreSQL's own loader: the file's bytes, as they are, through COPY ... (FORMAT csv).
    static func copy(file: String, into database: Database) async throws -> Int {
        try await database.withConnection { connection in
            try connection.execute(
                "CREATE UNLOGGED TABLE bench_copy (imie text, nazwisko text, telefon text, email text, z1 text, z2 text, z3 text, z4 text)")
            guard let handle = FileHandle(forReadingAtPath: file) else { throw BenchError.cannotRead(file) }
            defer { try? handle.close() }
            let chunks = AnySequence { AnyIterator { () -> [UInt8]? in
                let data = handle.readData(ofLength: 1 << 20)
                return data.isEmpty ? nil : Array(data)
            } }
            return try connection.copy("COPY bench_copy FROM STDIN (FORMAT csv, DELIMITER ';', HEADER true)", chunks: chunks)
        }
    }
}
