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

    /// The document as the browser built it from `url`: its DOM, serialised after parsing.
    public static func dom(of url: URL) async throws -> String {
        guard let path else { throw BrowserError("chromium is not installed: apt-get install chromium") }
        let result = try await Subprocess.run(
            .path(FilePath(path)),
            arguments: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--dump-dom", url.absoluteString],
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
