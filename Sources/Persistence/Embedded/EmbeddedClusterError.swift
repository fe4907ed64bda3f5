/// Why the embedded PostgreSQL could not be set up, started or stopped, and what to do.
public enum EmbeddedClusterError: Error, Sendable, CustomStringConvertible {
    case serverNotInstalled
    case noServerAccount
    case programFailed(program: String, status: String, output: String)
    case notInitialized(folder: String)
    case notRunning(folder: String)
    case folderUnusable(folder: String, reason: String)

    public var description: String {
        switch self {
        case .serverNotInstalled:
            "the PostgreSQL server programs (initdb, pg_ctl) are neither on PATH nor in /usr/lib/postgresql/*/bin; "
                + "install them (Debian/Ubuntu: apt-get install postgresql), or set DATABASE_URL to a server of your own"
        case .noServerAccount:
            "PostgreSQL refuses to run as root, and running it as the 'postgres' system user needs that user and runuser (util-linux); "
                + "install the postgresql package (it creates that user) or run as an ordinary user"
        case .programFailed(let program, let status, let output):
            "\(program) failed (\(status)):\n\(output)"
        case .notInitialized(let folder):
            "there is no embedded database in \(folder); 'switchboard db start' creates one"
        case .notRunning(let folder):
            "the embedded database in \(folder) is not running; 'switchboard db start' starts it"
        case .folderUnusable(let folder, let reason):
            "the database folder \(folder) cannot be used: \(reason)"
        }
    }
}
