/// Where Switchboard's database is: a server named by a libpq URL, or the embedded cluster in
/// a data folder. Every command, bench and test reaches its database through this one choice.
public enum DatabaseLocation: Sendable, CustomStringConvertible {
    /// A server of the user's own (`DATABASE_URL`, `--database-url`).
    case server(url: String)
    /// The cluster Switchboard makes and starts itself in this folder.
    case embedded(EmbeddedCluster)

    /// The given URL when there is one, else the embedded cluster.
    public init(url: String?, otherwise cluster: @autoclosure () -> EmbeddedCluster) {
        if let url, !url.isEmpty {
            self = .server(url: url)
        } else {
            self = .embedded(cluster())
        }
    }

    /// The URL to connect to; the embedded cluster is created and started when it is not running.
    public func connect() async throws -> String {
        switch self {
        case .server(let url): url
        case .embedded(let cluster): try await cluster.start()
        }
    }

    /// Where the database is, without any password: fit for messages and logs.
    public var description: String {
        switch self {
        case .server(let url): redactingPassword(in: url)
        case .embedded(let cluster): "the embedded server in \(cluster.folder)"
        }
    }
}
