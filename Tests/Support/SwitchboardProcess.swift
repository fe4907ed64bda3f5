import Foundation
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// The `switchboard` program this build made, run as its own process, for tests of what only a
/// whole process shows: its logs, its `/metrics` while it works.
public enum SwitchboardProcess {
    /// The executable beside the test bundle (`.build/debug/switchboard`).
    public static var path: String {
        let bundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (bundle as NSString).deletingLastPathComponent + "/switchboard"
    }

    /// Runs `switchboard arguments` with `environment` added to this process's, its standard
    /// error going to the file `log`, while `body` runs; then stops it with SIGTERM (unless it
    /// has ended by itself) and waits for it.
    public static func running<Result: Sendable>(
        _ arguments: [String], environment: [String: String], log: String, body: () async throws -> Result
    ) async throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ProcessError("\(path) is missing: `swift build` makes it (`swift build --build-tests` too)")
        }
        let descriptor = try FileDescriptor.open(
            FilePath(log), .writeOnly, options: [.create, .truncate], permissions: [.ownerReadWrite, .groupRead, .otherRead])
        let added = Dictionary(uniqueKeysWithValues: environment.map { (Environment.Key(rawValue: $0.key)!, Optional($0.value)) })
        let outcome = try await Subprocess.run(
            .path(FilePath(path)), arguments: Arguments(arguments), environment: .inherit.updating(added),
            input: .none, output: .discarded, error: .fileDescriptor(descriptor, closeAfterSpawningProcess: true)
        ) { execution in
            do {
                let result = try await body()
                try? execution.send(signal: .terminate)
                return result
            } catch {
                try? execution.send(signal: .terminate)
                throw error
            }
        }
        return outcome.closureResult
    }

    public struct ProcessError: Error, CustomStringConvertible {
        public let description: String
        public init(_ description: String) { self.description = description }
    }
}
