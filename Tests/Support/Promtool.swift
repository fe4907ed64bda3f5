import Foundation
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Prometheus's own checker (Debian's `prometheus` package; `.ci/run` installs it).
public enum Promtool {
    public static let path: String? = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// `promtool check metrics` on a scrape: its parser reads the text as Prometheus does, and
    /// its linter names what breaks the naming conventions. Returns what it said, one finding a
    /// line, and whether it could parse the text at all.
    public static func checkMetrics(_ text: String) async throws -> (parsed: Bool, findings: [String]) {
        guard let path else { throw SwitchboardProcess.ProcessError("promtool is not installed: apt-get install prometheus") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("scrape-\(UUID().uuidString).txt").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try await Subprocess.run(
            .path("/bin/sh"), arguments: ["-c", "\"$0\" check metrics < \"$1\" 2>&1", path, file], output: .string(limit: 1 << 20))
        let findings = result.standardOutput.split(separator: "\n").map(String.init)
        // 0: clean; 3: lint findings only; anything else: the text did not parse.
        let status: Int32? = if case .exited(let code) = result.terminationStatus { code } else { nil }
        return (status == 0 || status == 3, findings)
    }
}
