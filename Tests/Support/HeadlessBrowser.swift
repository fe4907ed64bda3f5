import Foundation
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Debian's chromium, headless, for tests that check a page the way a browser reads it.
public enum HeadlessBrowser {
    /// The browser's path, or nil when it is not installed (`.ci/run` installs it).
    public static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The document as the browser built it from `url`: its DOM, serialised after parsing and
    /// after the page's scripts and media events had `seconds` of virtual time to run.
    public static func dom(of url: URL, seconds: Int = 0) async throws -> String {
        guard let path else { throw BrowserError("chromium is not installed: apt-get install chromium") }
        // `timeout` ends a browser that hangs; a budget of virtual time only when asked for, as
        // a budget of 0 never lets the page finish; a profile of its own, so that the browsers
        // of tests running at once do not meet.
        let budget = seconds > 0 ? ["--virtual-time-budget=\(seconds * 1000)"] : []
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let result = try await Subprocess.run(
            .path("/usr/bin/timeout"),
            arguments: Arguments(
                ["60", path, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile)"] + budget
                    + ["--dump-dom", url.absoluteString]),
            output: .string(limit: 16 << 20), error: .discarded)
        guard result.terminationStatus.isSuccess, !result.standardOutput.isEmpty else {
            throw BrowserError("chromium could not open \(url): \(result.terminationStatus)")
        }
        return result.standardOutput
    }

    struct BrowserError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
