import Foundation

/// Where the database is and how many connections Switchboard may hold to it.
public struct DatabaseConfiguration: Sendable {
    /// A libpq connection URI or keyword string, e.g. `postgresql://user@host:5432/name`.
    public var url: String
    /// The most connections open at once.
    public var maxConnections: Int
    /// How long a caller waits for a free connection before giving up.
    public var acquireTimeout: Duration
    /// Shown in `pg_stat_activity`.
    public var applicationName: String
    /// A database to use instead of the one the URL names.
    public var databaseName: String?

    public init(url: String, maxConnections: Int = 8, acquireTimeout: Duration = .seconds(15), applicationName: String = "switchboard") {
        self.url = url
        self.maxConnections = max(1, maxConnections)
        self.acquireTimeout = acquireTimeout
        self.applicationName = applicationName
    }

    /// Whether `url` is something libpq reads as a connection string: a `postgresql://` or
    /// `postgres://` URI, or `key=value` settings.
    public var isConnectionString: Bool {
        url.hasPrefix("postgresql://") || url.hasPrefix("postgres://") || url.contains("=")
    }

    /// The same server, another database.
    public func with(databaseName: String) -> DatabaseConfiguration {
        var copy = self
        copy.databaseName = databaseName
        return copy
    }

    /// The URL with any password replaced by `***`, fit for logs and messages.
    public var redactedURL: String {
        redactingPassword(in: url)
    }
}

/// Hides the password of a `postgres://user:password@host` URI or a `password=...` keyword.
func redactingPassword(in url: String) -> String {
    var text = url
    if let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].firstIndex(of: "@"),
        let colon = text[scheme.upperBound..<at].firstIndex(of: ":")
    {
        text.replaceSubrange(text.index(after: colon)..<at, with: "***")
    }
    if let keyword = text.range(of: "password=") {
        let end = text[keyword.upperBound...].firstIndex(where: { $0 == " " || $0 == "&" }) ?? text.endIndex
        text.replaceSubrange(keyword.upperBound..<end, with: "***")
    }
    return text
}
