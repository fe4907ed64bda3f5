import Foundation
import Persistence

/// Recordings for supervisors: found by campaign, agent, outcome, day and length; played
/// from their files where kept; every listen logged.
public struct RecordingLibrary: Sendable {
    /// What a list of recordings shows.
    public struct Entry: Sendable, Hashable, Codable {
        public let id: UUID
        public let callID: Int
        public let campaign: String
        public let agent: String?
        public let outcome: String?
        public let startedAt: Date
        public let durationMilliseconds: Int
        public let codec: String
        public let sampleRate: Int
        public let byteSize: Int
        public let sha256: String?
        /// Whether the audio file is kept (a run past its storage cap keeps metadata only).
        public let playable: Bool
        public let listens: Int
    }

    /// Which recordings to list. Empty fields do not filter.
    public struct Query: Sendable, Hashable {
        public var campaign: String?
        public var agent: String?
        public var outcome: String?
        public var from: Date?
        public var to: Date?
        public var minimumSeconds: Double?
        public var maximumSeconds: Double?
        public var limit: Int

        public init(
            campaign: String? = nil, agent: String? = nil, outcome: String? = nil, from: Date? = nil, to: Date? = nil,
            minimumSeconds: Double? = nil, maximumSeconds: Double? = nil, limit: Int = 100
        ) {
            self.campaign = campaign
            self.agent = agent
            self.outcome = outcome
            self.from = from
            self.to = to
            self.minimumSeconds = minimumSeconds
            self.maximumSeconds = maximumSeconds
            self.limit = min(max(limit, 1), 1_000)
        }
    }

    let database: Database

    public init(_ database: Database) { self.database = database }

    /// The newest recordings that match, newest first.
    public func search(_ query: Query) async throws -> [Entry] {
        var conditions: [SQL] = ["true"]
        if let campaign = query.campaign { conditions.append("k.name = \(campaign)") }
        if let agent = query.agent { conditions.append("a.name = \(agent)") }
        if let outcome = query.outcome { conditions.append("c.outcome = \(outcome)") }
        if let from = query.from { conditions.append("r.started_at >= \(from)") }
        if let to = query.to { conditions.append("r.started_at < \(to)") }
        if let minimum = query.minimumSeconds { conditions.append("r.duration_ms >= \(Int((minimum * 1000).rounded()))") }
        if let maximum = query.maximumSeconds { conditions.append("r.duration_ms <= \(Int((maximum * 1000).rounded()))") }
        return try await database.query(Self.select + " WHERE " + SQL.joined(conditions, separator: " AND ")
            + " ORDER BY r.started_at DESC, r.id LIMIT \(query.limit)").map(Self.decode)
    }

    public func find(_ id: UUID) async throws -> Entry? {
        try await database.query(Self.select + " WHERE r.id = \(id)").first.map(Self.decode)
    }

    /// A recording's kept audio file.
    public struct AudioFile: Sendable, Hashable {
        public let url: URL
        public let byteSize: Int
    }

    /// How long one listen lasts in the log: a player fetches the audio in parts as it plays
    /// and seeks, and each part within this time of the last logged one is the same listen.
    public static let listenWindowSeconds = 600

    /// The recording's audio file, with a listen logged for `listener` unless they already
    /// have one for it in the last `listenWindowSeconds`; nil when the file is not kept.
    public func open(_ id: UUID, listener: String) async throws -> AudioFile? {
        try await database.transaction { connection in
            guard let file = try Self.audioFile(id, on: connection) else { return nil }
            try connection.execute(
                """
                INSERT INTO recording_listens (recording_id, listened_by)
                SELECT \(id), \(listener)
                WHERE NOT EXISTS (
                    SELECT FROM recording_listens
                    WHERE recording_id = \(id) AND listened_by = \(listener)
                      AND listened_at > now() - make_interval(secs => \(Self.listenWindowSeconds)))
                """)
            return file
        }
    }

    /// The recording's audio file, without logging a listen: for a playback link, whose listen
    /// was logged when it was handed out.
    public func audioFile(_ id: UUID) async throws -> AudioFile? {
        try await database.withConnection { try Self.audioFile(id, on: $0) }
    }

    private static func audioFile(_ id: UUID, on connection: Connection) throws -> AudioFile? {
        guard let uri = try connection.query("SELECT storage_uri FROM recordings WHERE id = \(id)").first?.decode(String?.self, at: 0),
            let url = URL(string: uri), url.isFileURL, FileManager.default.isReadableFile(atPath: url.path),
            let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int
        else { return nil }
        return AudioFile(url: url, byteSize: size)
    }

    /// Who listened to a recording (a member of staff by their name), and when, newest first.
    public func listens(_ id: UUID) async throws -> [(listener: String, at: Date)] {
        try await database.query(
            """
            SELECT coalesce(s.display_name, l.listened_by), l.listened_at
            FROM recording_listens l LEFT JOIN staff s ON l.listened_by = 'staff:' || s.login
            WHERE l.recording_id = \(id) ORDER BY l.listened_at DESC, l.id DESC
            """
        ).decode((String, Date).self).map { (listener: $0.0, at: $0.1) }
    }

    private static let select: SQL = """
        SELECT r.id, r.call_id, k.name, a.name, c.outcome, r.started_at, r.duration_ms, r.codec, r.sample_rate, r.byte_size,
               encode(r.sha256, 'hex'), r.storage_uri IS NOT NULL,
               (SELECT count(*) FROM recording_listens l WHERE l.recording_id = r.id)
        FROM recordings r
        JOIN calls c ON c.id = r.call_id
        JOIN campaigns k ON k.id = r.campaign_id
        LEFT JOIN agents a ON a.id = r.agent_id
        """

    private static func decode(_ row: Row) throws -> Entry {
        let (id, call, campaign, agent, outcome, started, duration, codec, rate, size, sha, playable, listens) = try row.decode(
            (UUID, Int, String, String?, String?, Date, Int, String, Int, Int, String?, Bool, Int).self)
        return Entry(
            id: id, callID: call, campaign: campaign, agent: agent, outcome: outcome, startedAt: started, durationMilliseconds: duration,
            codec: codec, sampleRate: rate, byteSize: size, sha256: sha, playable: playable, listens: listens)
    }
}
