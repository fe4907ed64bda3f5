import Foundation
import Persistence

/// Who did what and when, for every administrative action. Entries name people by id only;
/// details must never carry a name, a number or an e-mail.
public struct ActivityLog: Sendable {
    /// One entry.
    public struct Entry: Sendable, Hashable, Codable {
        public let at: Date
        public let actor: String
        public let action: String
        public let subject: String?
        public let details: [String: String]
    }

    let database: Database

    public init(_ database: Database) { self.database = database }

    /// Appends an entry inside the caller's transaction, so it exists exactly when the action does.
    public static func record(
        actor: String, action: String, subject: String? = nil, details: [String: String] = [:], on connection: Connection
    ) throws {
        try connection.execute(
            "INSERT INTO activity_log (actor, action, subject, details) VALUES (\(actor), \(action), \(subject), \(try JSONB(details)))")
    }

    /// The latest entries, newest first.
    public func recent(limit: Int = 50) async throws -> [Entry] {
        try await database.query(
            "SELECT at, actor, action, subject, details FROM activity_log ORDER BY id DESC LIMIT \(limit)"
        ).map { row in
            let (at, actor, action, subject, details) = try row.decode((Date, String, String, String?, JSONB<[String: String]>).self)
            return Entry(at: at, actor: actor, action: action, subject: subject, details: details.value)
        }
    }
}
