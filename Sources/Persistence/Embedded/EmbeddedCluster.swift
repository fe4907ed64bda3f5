import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL cluster of Switchboard's own, made with the installed server programs in a
/// data folder, for when no `DATABASE_URL` is given.
///
/// The server listens on a free loopback port (kept from one start to the next while it
/// stays free) and on a unix socket inside the data folder. Local socket connections are
/// trusted (the folder is private to its owner); TCP connections need the password that
/// `initdb` was given, kept in `switchboard.json` in the folder. The server keeps running
/// after the program exits, so later commands reuse it; `stop()` ends it.
public struct EmbeddedCluster: Sendable {
    public enum Status: Sendable, Equatable, CustomStringConvertible {
        case absent
        case stopped
        case running(port: Int)

        public var description: String {
            switch self {
            case .absent: "not created"
            case .stopped: "stopped"
            case .running(let port): "running on port \(port)"
            }
        }
    }

    /// The cluster's data folder, as an absolute path.
    public let folder: String
    /// True for a cluster that may lose its data on a crash: no fsync, for tests.
    public let throwaway: Bool
    private let logger: Logger

    static let databaseName = "switchboard"
    static let userName = "switchboard"

    public init(folder: String, throwaway: Bool = false, logger: Logger) {
        let absolute = folder.hasPrefix("/") ? folder : FileManager.default.currentDirectoryPath + "/" + folder
        self.folder = URL(fileURLWithPath: absolute).standardizedFileURL.path
        self.throwaway = throwaway
        self.logger = logger
    }

    /// Creates the cluster if needed, starts it if it is not running, and returns its URL.
    @discardableResult
    public func start() async throws -> String {
        let programs = try PostgresPrograms.locate()
        let account = try ServerAccount.current()
        if status() == .absent {
            try await initialize(programs: programs, account: account)
        }
        if case .running = status() {
            return try url()
        }
        var settings = try ClusterSettings.read(from: folder)
        guard let port = FreePort.find(preferring: settings.port) else {
            throw EmbeddedClusterError.folderUnusable(folder: folder, reason: "no free TCP port on 127.0.0.1")
        }
        settings.port = port
        try settings.write(to: folder, account: account)
        try account.writePrivateFile(folder + "/switchboard.conf", contents: serverConfiguration(port: port))
        do {
            try await account.run(programs.pgCtl, ["start", "-D", folder, "-l", logFile, "-w", "-t", "60", "-s"])
        } catch {
            throw EmbeddedClusterError.programFailed(
                program: "pg_ctl start", status: "see \(logFile)", output: tail(ofFile: logFile, lines: 15))
        }
        logger.info("embedded PostgreSQL started", metadata: ["folder": "\(folder)", "port": "\(port)"])
        try await createDatabaseIfMissing(maintenanceURL: url(database: "postgres"))
        return try url()
    }

    /// Stops the server if it runs.
    public func stop() async throws {
        guard case .running = status() else { return }
        let programs = try PostgresPrograms.locate()
        try await ServerAccount.current().run(programs.pgCtl, ["stop", "-D", folder, "-m", "fast", "-w", "-s"])
        logger.info("embedded PostgreSQL stopped", metadata: ["folder": "\(folder)"])
    }

    /// Stops the server at once (`pg_ctl stop -m immediate`), blocking the calling thread: for a
    /// throwaway cluster at process exit, where no task can run any more.
    public func stopImmediately() {
        guard case .running = status(), let programs = try? PostgresPrograms.locate(),
            let account = try? ServerAccount.current()
        else { return }
        account.runBlocking(programs.pgCtl, ["stop", "-D", folder, "-m", "immediate", "-s"])
    }

    /// Stops the server and deletes the folder with all its data.
    public func destroy() async throws {
        try await stop()
        if FileManager.default.fileExists(atPath: folder) {
            try FileManager.default.removeItem(atPath: folder)
        }
    }

    /// Whether the cluster exists and whether its server runs, read from its files.
    public func status() -> Status {
        guard FileManager.default.fileExists(atPath: folder + "/PG_VERSION") else { return .absent }
        // postmaster.pid: line 1 the process id, line 4 the port.
        guard let pidFile = try? String(contentsOfFile: folder + "/postmaster.pid", encoding: .utf8) else {
            return .stopped
        }
        let lines = pidFile.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 3, let pid = pid_t(lines[0]), let port = Int(lines[3]) else { return .stopped }
        let alive = kill(pid, 0) == 0 || errno == EPERM
        return alive ? .running(port: port) : .stopped
    }

    /// The libpq URL of the running cluster: through the unix socket when its path is short
    /// enough, otherwise over TCP with the password.
    public func url() throws -> String {
        try url(database: Self.databaseName)
    }

    /// The URL of another database on the running cluster, such as the maintenance database
    /// `postgres`.
    public func url(database: String) throws -> String {
        guard case .running(let port) = status() else {
            throw status() == .absent ? EmbeddedClusterError.notInitialized(folder: folder) : .notRunning(folder: folder)
        }
        if socketFits(port: port) {
            return "postgresql:///\(database)?host=\(percentEncoded(folder))&port=\(port)&user=\(Self.userName)"
        }
        let password = try ClusterSettings.read(from: folder).password
        return "postgresql://\(Self.userName):\(password)@127.0.0.1:\(port)/\(database)"
    }

    // MARK: setting up

    private var logFile: String { folder + "/server.log" }

    private func initialize(programs: PostgresPrograms, account: ServerAccount) async throws {
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: folder), !contents.isEmpty {
            throw EmbeddedClusterError.folderUnusable(folder: folder, reason: "it exists, is not empty and holds no PostgreSQL cluster")
        }
        try account.prepareFolder(folder)
        let settings = ClusterSettings(port: nil, password: Self.randomPassword())
        let passwordFile = FileManager.default.temporaryDirectory.appending(path: "switchboard-\(UUID().uuidString)").path
        try account.writePrivateFile(passwordFile, contents: settings.password + "\n")
        defer { try? FileManager.default.removeItem(atPath: passwordFile) }
        logger.info("creating embedded PostgreSQL cluster", metadata: ["folder": "\(folder)"])
        var arguments = [
            "-D", folder, "-U", Self.userName, "--pwfile=\(passwordFile)", "--auth-local=trust",
            "--auth-host=scram-sha-256", "--encoding=UTF8", "--no-locale",
        ]
        if throwaway { arguments.append("--no-sync") }
        try await account.run(programs.initdb, arguments)
        let configuration = try String(contentsOfFile: folder + "/postgresql.conf", encoding: .utf8)
        try (configuration + "\ninclude_if_exists = 'switchboard.conf'\n")
            .write(toFile: folder + "/postgresql.conf", atomically: false, encoding: .utf8)
        try settings.write(to: folder, account: account)
    }

    /// Settings rewritten at every start; `postgresql.conf` includes this file.
    private func serverConfiguration(port: Int) -> String {
        var lines = [
            "# Written by switchboard at every start; edit postgresql.conf instead.",
            "listen_addresses = '127.0.0.1'",
            "port = \(port)",
            "unix_socket_directories = '\(socketFits(port: port) ? folder : "")'",
            "unix_socket_permissions = 0700",
            "max_connections = \(throwaway ? 400 : 200)",
            "shared_buffers = 128MB",
            "max_wal_size = 2GB",
            "timezone = 'UTC'",
            "log_timezone = 'UTC'",
        ]
        if throwaway {
            lines += ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A unix socket path may hold at most 107 bytes.
    private func socketFits(port: Int) -> Bool {
        (folder + "/.s.PGSQL.\(port)").utf8.count <= 107
    }

    private func createDatabaseIfMissing(maintenanceURL: String) async throws {
        let database = Database(DatabaseConfiguration(url: maintenanceURL, maxConnections: 1), logger: logger)
        defer { database.close() }
        let exists = try await database.query("SELECT count(*) FROM pg_database WHERE datname = \(Self.databaseName)")
            .single().decode(Int.self, at: 0)
        if exists == 0 {
            try await database.execute("CREATE DATABASE switchboard")
        }
    }

    private static func randomPassword() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<24).map { _ in String(UInt8.random(in: 0...15, using: &generator), radix: 16) }.joined()
    }

    private func tail(ofFile path: String, lines count: Int) -> String {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "(no log at \(path))" }
        return text.split(separator: "\n").suffix(count).joined(separator: "\n")
    }

    private func percentEncoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-._~"))) ?? text
    }
}

/// What Switchboard remembers about its cluster, in `switchboard.json` inside the folder.
struct ClusterSettings: Codable {
    var port: Int?
    var password: String

    static func read(from folder: String) throws -> ClusterSettings {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/switchboard.json"))
        return try JSONDecoder().decode(ClusterSettings.self, from: data)
    }

    func write(to folder: String, account: ServerAccount) throws {
        let json = String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
        try account.writePrivateFile(folder + "/switchboard.json", contents: json)
    }
}
