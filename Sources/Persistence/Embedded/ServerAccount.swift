import Foundation
import Subprocess

#if canImport(Glibc)
import Glibc
#endif

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// The system account that owns the cluster's folder and runs its programs: the current
/// user, or the `postgres` user when we run as root (initdb and postgres refuse root).
struct ServerAccount: Sendable {
    let userID: uid_t
    let groupID: gid_t
    let name: String

    static func current() throws(EmbeddedClusterError) -> ServerAccount {
        guard geteuid() == 0 else {
            return ServerAccount(userID: geteuid(), groupID: getegid(), name: NSUserName())
        }
        guard let entry = getpwnam("postgres") else { throw .noServerAccount }
        return ServerAccount(userID: entry.pointee.pw_uid, groupID: entry.pointee.pw_gid, name: "postgres")
    }

    var isSwitched: Bool { userID != geteuid() }

    /// Runs a program as this account and returns its combined output; throws when it fails.
    ///
    /// Switching user goes through `runuser` rather than a set-uid in a forked child: glibc's
    /// setuid and setgroups wait on the parent's other threads, which a forked child does not
    /// have, and hang there.
    @discardableResult
    func run(_ program: String, _ arguments: [String]) async throws -> String {
        var executable = program
        var allArguments = arguments
        if isSwitched {
            executable = try Self.runuser()
            allArguments = ["-u", name, "--", program] + arguments
        }
        let result = try await Subprocess.run(
            .path(FilePath(executable)), arguments: Arguments(allArguments),
            environment: .inherit.updating(["LC_ALL": "C", "LANG": "C"]),
            workingDirectory: FilePath("/"),
            output: .string(limit: 1 << 20), error: .combinedWithOutput)
        let output = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.terminationStatus.isSuccess else {
            throw EmbeddedClusterError.programFailed(
                program: (program as NSString).lastPathComponent, status: "\(result.terminationStatus)", output: output)
        }
        return output
    }

    /// Runs a program as this account and waits for it, blocking the calling thread; its output
    /// is discarded and a failure ignored. For process exit, where no task can run.
    func runBlocking(_ program: String, _ arguments: [String]) {
        let process = Process()
        if isSwitched, let runuser = try? Self.runuser() {
            process.executableURL = URL(fileURLWithPath: runuser)
            process.arguments = ["-u", name, "--", program] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return }
        process.waitUntilExit()
    }

    private static func runuser() throws(EmbeddedClusterError) -> String {
        for candidate in ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw .noServerAccount
    }

    /// Creates `folder` (and its parents) owned by this account with mode 0700, and makes sure
    /// the account can reach it through every parent folder.
    func prepareFolder(_ folder: String) throws(EmbeddedClusterError) {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .folderUnusable(folder: folder, reason: "\(error)")
        }
        if isSwitched {
            guard chown(folder, userID, groupID) == 0 else {
                throw .folderUnusable(folder: folder, reason: String(cString: strerror(errno)))
            }
            try grantTraversal(above: folder)
        }
        guard chmod(folder, 0o700) == 0 else {
            throw .folderUnusable(folder: folder, reason: String(cString: strerror(errno)))
        }
    }

    /// The server, running as another user, must pass through each parent folder; a folder
    /// it cannot pass (such as a 0700 temporary folder) gets the search bit for others, which
    /// lets it through without letting it list anything.
    private func grantTraversal(above folder: String) throws(EmbeddedClusterError) {
        var parent = (folder as NSString).deletingLastPathComponent
        while parent.count > 1 {
            var info = stat()
            guard stat(parent, &info) == 0 else { break }
            let passable = info.st_uid == userID ? info.st_mode & S_IXUSR != 0
                : info.st_gid == groupID ? info.st_mode & S_IXGRP != 0
                : info.st_mode & S_IXOTH != 0
            if !passable {
                guard chmod(parent, info.st_mode & 0o7777 | S_IXOTH) == 0 else {
                    throw .folderUnusable(folder: folder, reason: "the \(name) user cannot reach it through \(parent)")
                }
            }
            parent = (parent as NSString).deletingLastPathComponent
        }
    }

    /// Writes a file that this account owns, readable by it alone.
    func writePrivateFile(_ path: String, contents: String) throws(EmbeddedClusterError) {
        guard FileManager.default.createFile(atPath: path, contents: Data(contents.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw .folderUnusable(folder: path, reason: "cannot write the file")
        }
        if isSwitched { _ = chown(path, userID, groupID) }
    }
}
