import Foundation
import Logging
import Persistence

extension ErasureStore {
    /// Destroys a contact's personal data everywhere the database holds it, in the caller's
    /// transaction, and returns what it did and the recording files to delete once it commits:
    ///
    /// - the contact's sealed fields and its key (its data, history and any copy of them can no
    ///   longer be opened), and the keyed hash of its number;
    /// - the history of its changes, sealed under that key;
    /// - its recordings' metadata (the files go after the commit);
    /// - its consent proofs, which may name a form, a message or a recording;
    /// - its queue entries, and do-not-call entries of its number put there by hand (one the
    ///   person asked for by objecting stays, so that they are never called again);
    /// - its calls keep their outcome and times, without the contact: anonymous statistics.
    static func destroy(contactID: Int, at now: Date, on connection: Connection) throws -> (ErasureReport, files: [String]) {
        var report = ErasureReport()
        let hash = try connection.query("SELECT phone_hash FROM contacts WHERE id = \(contactID) FOR UPDATE").first?.decode(Data?.self, at: 0)
        let files = try connection.query(
            """
            DELETE FROM recordings WHERE call_id IN (SELECT id FROM calls WHERE contact_id = \(contactID)) RETURNING storage_uri
            """
        ).column(String?.self)
        report.recordings = files.count
        report.historyEntries = try connection.execute("DELETE FROM contact_changes WHERE contact_id = \(contactID)")
        report.consentProofs = try connection.execute(
            "UPDATE consents SET proof = '{\"erased\": \"true\"}' WHERE contact_id = \(contactID) AND proof <> '{}'")
        report.queueEntries = try connection.execute("DELETE FROM queue_entries WHERE contact_id = \(contactID)")
        report.callsKeptAnonymous = try connection.execute("UPDATE calls SET contact_id = NULL WHERE contact_id = \(contactID)")
        if let hash {
            report.doNotCallEntriesRemoved = try connection.execute("DELETE FROM do_not_call WHERE phone_hash = \(hash) AND reason = 'manual'")
            report.phoneHashKeptOnDoNotCall =
                try connection.query("SELECT FROM do_not_call WHERE phone_hash = \(hash) AND reason = 'objection'").first != nil
        }
        try connection.execute(
            """
            UPDATE contacts SET sealed = NULL, wrapped_key = NULL, phone_hash = NULL, erased_at = \(now), updated_at = \(now)
            WHERE id = \(contactID) AND erased_at IS NULL
            """)
        return (report, files.compactMap { $0 })
    }

    /// Deletes the recordings' files of a confirmed erasure, and notes in its report how many
    /// went and how many could not (named in the log, never the person).
    func deleteFiles(_ uris: [String], request id: Int) async throws {
        var deleted = 0, left = 0
        for uri in uris {
            guard let url = URL(string: uri), url.isFileURL else { continue }
            do {
                if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
                deleted += 1
            } catch {
                database.logger.error("a recording's file could not be deleted", metadata: ["request": "\(id)", "path": "\(url.path)"])
                left += 1
            }
        }
        try await database.execute(
            """
            UPDATE erasure_requests SET report = jsonb_set(jsonb_set(report, '{recordingFilesDeleted}', to_jsonb(\(deleted))),
                                                          '{recordingFilesLeft}', to_jsonb(\(left)))
            WHERE id = \(id)
            """)
    }
}
