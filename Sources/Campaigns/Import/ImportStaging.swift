import Foundation
import Persistence

/// The set-based half of an import: what happens to the staged lines once they are all in
/// PostgreSQL. Runs inside the import's transaction.
struct ImportStaging {
    let importID: Int
    let sourceID: Int
    let options: ImportOptions
    let connection: Connection
    let vault: Vault

    static let copyStatement: SQL = """
        COPY import_staging (line, accepted, detail, phone_hash, sealed, wrapped_key, country, line_type, time_zone, grants)
        FROM STDIN (FORMAT binary)
        """

    /// Records the import and makes the staging table, dropped at commit.
    static func begin(report: ImportReport, sourceID: Int, options: ImportOptions, on connection: Connection) throws -> Int {
        let id = try insertImport(report: report, sourceID: sourceID, options: options, on: connection)
        try connection.execute(
            """
            CREATE TEMP TABLE import_staging (
                line integer NOT NULL, accepted boolean NOT NULL, detail text, phone_hash bytea, sealed bytea,
                wrapped_key bytea, country text, line_type text, time_zone text, grants text[] NOT NULL,
                first_line integer, existing_id bigint, contact_id bigint, old_sealed bytea, unchanged boolean NOT NULL DEFAULT false
            ) ON COMMIT DROP
            """)
        return id
    }

    /// Records an import the file stopped, outside the failed transaction.
    static func recordFailure(
        report: ImportReport, sourceID: Int, options: ImportOptions, reason: String, on connection: Connection
    ) throws -> Int {
        try connection.transaction { connection in
            let id = try insertImport(report: report, sourceID: sourceID, options: options, on: connection)
            try connection.execute("UPDATE imports SET error = \(reason), finished_at = now(), report = \(try JSONB(report.withoutValues)) WHERE id = \(id)")
            try ActivityLog.record(
                actor: options.actor, action: "import.failed", subject: "import:\(id)", details: ["reason": reason], on: connection)
            return id
        }
    }

    private static func insertImport(report: ImportReport, sourceID: Int, options: ImportOptions, on connection: Connection) throws -> Int {
        try connection.query(
            """
            INSERT INTO imports (source_id, file_name, actor, dry_run, encoding, delimiter, duplicate_policy)
            VALUES (\(sourceID), \(report.fileName), \(options.actor), \(options.dryRun), \(report.encoding), \(report.delimiter),
                    \(options.duplicates.rawValue))
            RETURNING id
            """
        ).single().decode(Int.self, at: 0)
    }

    /// Sorts the staged lines into issues, duplicates, new and updated contacts, records the
    /// consents, fills the campaign's queue, and counts it all. A dry run undoes the changes
    /// to contacts and keeps the report.
    func apply(to report: inout ImportReport, campaign: Campaign?) throws {
        // A temporary table gets no statistics by itself; without them joins over a million
        // staged lines go quadratic.
        try connection.execute("CREATE INDEX ON import_staging (phone_hash)")
        try connection.execute("CREATE INDEX ON import_staging (line)")
        try connection.execute("ANALYZE import_staging")
        try connection.execute(
            """
            INSERT INTO import_issues (import_id, line, kind, detail)
            SELECT \(importID), line, CASE WHEN accepted THEN 'repaired' ELSE 'rejected' END, detail
            FROM import_staging WHERE detail IS NOT NULL
            """)
        report.duplicatesInFile = try markDuplicatesInFile()
        let existing = try connection.execute(
            """
            UPDATE import_staging s SET existing_id = c.id FROM contacts c
            WHERE s.accepted AND s.first_line IS NULL AND c.phone_hash = s.phone_hash
            """)
        if existing > 0, options.duplicates == .update { try resealUpdates() }
        report.duplicatesStored = try recordStoredDuplicates()
        try connection.execute("SAVEPOINT import_data")
        report.inserted = try insertContacts()
        report.updated = try updateContacts()
        report.consentsRecorded = try recordConsents(fileName: report.fileName)
        if let campaign {
            report.queued = try CampaignQueue.refill(campaignID: campaign.id, at: Date(), on: connection).added
        }
        if options.dryRun { try connection.execute("ROLLBACK TO SAVEPOINT import_data") }
        try connection.execute(
            """
            UPDATE imports SET rows_read = \(Int32(report.rowsRead)), inserted = \(Int32(report.inserted)),
                updated = \(Int32(report.updated)), repaired = \(Int32(report.repaired)), rejected = \(Int32(report.rejected)),
                duplicates = \(Int32(report.duplicates)), finished_at = now()
            WHERE id = \(importID)
            """)
    }

    /// A number seen on an earlier line: the first line wins.
    private func markDuplicatesInFile() throws -> Int {
        let count = try connection.execute(
            """
            UPDATE import_staging s SET first_line = f.first
            FROM (SELECT phone_hash, min(line) AS first FROM import_staging WHERE accepted GROUP BY phone_hash HAVING count(*) > 1) f
            WHERE s.accepted AND s.phone_hash = f.phone_hash AND s.line <> f.first
            """)
        try connection.execute(
            """
            INSERT INTO import_issues (import_id, line, kind, detail)
            SELECT \(importID), line, 'duplicate', 'the same number as line ' || first_line FROM import_staging WHERE first_line IS NOT NULL
            """)
        return count
    }

    /// Stored numbers the import leaves alone: all of them under `skip`; under `update` those
    /// whose data did not change.
    private func recordStoredDuplicates() throws -> Int {
        let condition: SQL = options.duplicates == .skip ? "existing_id IS NOT NULL" : "existing_id IS NOT NULL AND unchanged"
        return try connection.execute(
            """
            INSERT INTO import_issues (import_id, line, kind, detail)
            SELECT \(importID), line, 'duplicate', 'already stored as contact ' || existing_id
                   || CASE WHEN unchanged THEN ', unchanged' ELSE '' END
            FROM import_staging WHERE \(condition)
            """)
    }

    /// For `update`: seals each changed contact's new data under its existing key, so its
    /// history stays under one key, and keeps the old box for the history.
    private func resealUpdates() throws {
        var after: Int32 = 0
        while true {
            let rows = try connection.query(
                """
                SELECT s.line, s.sealed, s.wrapped_key, c.sealed, c.wrapped_key
                FROM import_staging s JOIN contacts c ON c.id = s.existing_id
                WHERE s.line > \(after) ORDER BY s.line LIMIT 1000
                """)
            guard !rows.isEmpty else { return }
            var lines: [Int32] = [], boxes: [Data] = [], keys: [Data] = [], old: [Data] = [], unchanged: [Bool] = []
            for row in rows {
                let (line, box, key, oldBox, oldKey) = try row.decode((Int32, Data, Data, Data, Data).self)
                let stored = Vault.Sealed(box: oldBox, wrappedKey: oldKey)
                let incoming = try vault.open(Vault.Sealed(box: box, wrappedKey: key))
                let same = try vault.open(stored) == incoming
                let resealed = same ? stored : try vault.reseal(incoming, keyOf: stored)
                lines.append(line)
                boxes.append(resealed.box)
                keys.append(resealed.wrappedKey)
                old.append(oldBox)
                unchanged.append(same)
                after = line
            }
            try connection.execute(
                """
                UPDATE import_staging s SET sealed = u.box, wrapped_key = u.key, old_sealed = u.old, unchanged = u.same
                FROM unnest(\(lines), \(boxes), \(keys), \(old), \(unchanged)) AS u(line, box, key, old, same)
                WHERE s.line = u.line
                """)
        }
    }

    private func insertContacts() throws -> Int {
        try connection.execute(
            """
            WITH inserted AS (
                INSERT INTO contacts (source_id, phone_hash, sealed, wrapped_key, country, line_type, time_zone, import_id)
                SELECT \(sourceID), phone_hash, sealed, wrapped_key, country, line_type, time_zone, \(importID)
                FROM import_staging
                WHERE accepted AND first_line IS NULL AND existing_id IS NULL
                ORDER BY line
                ON CONFLICT (phone_hash) DO NOTHING
                RETURNING id, phone_hash
            )
            UPDATE import_staging s SET contact_id = i.id FROM inserted i
            WHERE s.phone_hash = i.phone_hash AND s.accepted AND s.first_line IS NULL
            """)
    }

    private func updateContacts() throws -> Int {
        guard options.duplicates == .update else { return 0 }
        try connection.execute(
            """
            INSERT INTO contact_changes (contact_id, actor, origin, old_sealed, new_sealed)
            SELECT existing_id, \(options.actor), 'import:' || \(importID)::text, old_sealed, sealed
            FROM import_staging WHERE existing_id IS NOT NULL AND NOT unchanged
            """)
        try connection.execute(
            """
            UPDATE import_staging SET contact_id = existing_id WHERE existing_id IS NOT NULL
            """)
        return try connection.execute(
            """
            UPDATE contacts c SET sealed = s.sealed, country = s.country, line_type = s.line_type, time_zone = s.time_zone,
                updated_at = now()
            FROM import_staging s
            WHERE s.existing_id = c.id AND NOT s.unchanged
            """)
    }

    /// A grant per consent the line says was given, plus those the whole file carries, each
    /// with the import, the file and the line as proof.
    private func recordConsents(fileName: String) throws -> Int {
        try connection.execute(
            """
            WITH texts AS (
                SELECT t.id, t.code, max(v.version) AS version
                FROM consent_types t JOIN consent_texts v ON v.consent_type_id = t.id GROUP BY t.id, t.code
            ), given AS (
                SELECT s.contact_id, s.line, code, false AS file_level
                FROM import_staging s CROSS JOIN LATERAL unnest(s.grants) AS code
                WHERE s.contact_id IS NOT NULL
                UNION ALL
                SELECT s.contact_id, s.line, code, true
                FROM import_staging s CROSS JOIN unnest(\(options.fileConsents)) AS code
                WHERE s.contact_id IS NOT NULL AND NOT code = ANY(s.grants)
            )
            INSERT INTO consents (contact_id, consent_type_id, version, granted, channel, proof, recorded_by, recorded_at)
            SELECT g.contact_id, t.id, t.version, true, 'import',
                   jsonb_build_object('import_id', \(importID)::text, 'file', \(options.sourceName + ": " + fileName), 'line', g.line::text)
                       || CASE WHEN g.file_level THEN jsonb_build_object('statement', \(options.proof ?? "declared for the whole file"))
                               ELSE '{}'::jsonb END,
                   \(options.actor), now()
            FROM given g JOIN texts t ON t.code = g.code
            """)
    }
}
