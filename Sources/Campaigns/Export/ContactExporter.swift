import Foundation
import Persistence

/// Writes selected contacts to CSV, opened from their sealed data, and logs who exported
/// what: an export is personal data leaving the system.
public struct ContactExporter: Sendable {
    let database: Database
    let vault: Vault

    public init(database: Database, vault: Vault) {
        self.database = database
        self.vault = vault
    }

    public static let header = ["id", "first_name", "last_name", "phone", "email", "source", "added_at", "last_result", "consents"]

    /// Writes the contacts the filter selects to `path` (UTF-8, comma-separated, readable by
    /// its owner only) and returns how many. The file appears whole or not at all: it is
    /// written beside `path` and moved there when the export is done.
    @discardableResult
    public func export(_ filter: ExportFilter, to path: String, actor: String) async throws -> Int {
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil, attributes: [.posixPermissions: 0o600]),
            let file = FileHandle(forWritingAtPath: partial)
        else { throw ExportError.cannotWrite(path: path, reason: nil) }
        do {
            let rows = try await write(filter, to: file, actor: actor)
            try file.close()
            guard rename(partial, path) == 0 else { throw ExportError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            return rows
        } catch {
            try? file.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    private func write(_ filter: ExportFilter, to file: FileHandle, actor: String) async throws -> Int {
        let vault = self.vault
        return try await database.transaction(TransactionOptions(isolation: .repeatableRead)) { connection in
            try Self.checkNames(filter, on: connection)
            file.write(Data((CSVWriter.line(Self.header) + "\n").utf8))
            var after = 0, rows = 0
            while true {
                let batch = try connection.query(Self.select(filter, after: after))
                if batch.isEmpty { break }
                var text = ""
                for row in batch {
                    let (id, box, key, source, added, result, consents) = try row.decode(
                        (Int, Data, Data, String, Date, String?, [String]).self)
                    let person = try vault.open(Vault.Sealed(box: box, wrappedKey: key))
                    text += CSVWriter.line([
                        String(id), person.firstName, person.lastName, person.phone, person.email ?? "", source,
                        ISO8601DateFormatter().string(from: added), result ?? "", consents.joined(separator: " "),
                    ]) + "\n"
                    after = id
                }
                file.write(Data(text.utf8))
                rows += batch.count
            }
            try connection.execute(
                "INSERT INTO exports (actor, filter, row_count) VALUES (\(actor), \(try JSONB(filter)), \(Int32(rows)))")
            try ActivityLog.record(actor: actor, action: "export", details: ["rows": "\(rows)"], on: connection)
            return rows
        }
    }

    /// A campaign, source or consent type the filter names must exist: a mistyped name would
    /// otherwise export nobody and look like an answer.
    private static func checkNames(_ filter: ExportFilter, on connection: Connection) throws {
        let named: [(what: NotFound.Thing, name: String?, query: (String) -> SQL)] = [
            (.campaign, filter.campaign, { "SELECT FROM campaigns WHERE name = \($0)" }),
            (.dataSource, filter.source, { "SELECT FROM data_sources WHERE name = \($0)" }),
            (.consentType, filter.consent, { "SELECT FROM consent_types WHERE code = \($0)" }),
        ]
        for (what, name, query) in named {
            if let name, try connection.query(query(name)).isEmpty { throw NotFound(what, name) }
        }
    }

    private static func select(_ filter: ExportFilter, after: Int) -> SQL {
        var conditions: [SQL] = ["c.erased_at IS NULL", "c.id > \(after)"]
        if let campaign = filter.campaign {
            conditions.append(
                "EXISTS (SELECT 1 FROM queue_entries q JOIN campaigns k ON k.id = q.campaign_id WHERE q.contact_id = c.id AND k.name = \(campaign))")
        }
        if let source = filter.source { conditions.append("s.name = \(source)") }
        if let consent = filter.consent {
            let held: SQL = """
                EXISTS (SELECT 1 FROM current_consents cc JOIN consent_types t ON t.id = cc.consent_type_id
                        WHERE cc.contact_id = c.id AND t.code = \(consent) AND cc.granted
                          AND (cc.expires_at IS NULL OR cc.expires_at > now()))
                """
            conditions.append(filter.consentGranted ? held : "NOT " + held)
        }
        if let outcome = filter.lastOutcome { conditions.append("last.result = \(outcome)") }
        if let from = filter.addedFrom { conditions.append("c.created_at >= \(from)") }
        if let before = filter.addedBefore { conditions.append("c.created_at < \(before)") }
        return """
            SELECT c.id, c.sealed, c.wrapped_key, s.name, c.created_at, last.result,
                   ARRAY(SELECT t.code FROM current_consents cc JOIN consent_types t ON t.id = cc.consent_type_id
                         WHERE cc.contact_id = c.id AND cc.granted ORDER BY t.code)
            FROM contacts c
            JOIN data_sources s ON s.id = c.source_id
            LEFT JOIN LATERAL (SELECT last_result AS result FROM queue_entries q WHERE q.contact_id = c.id
                               ORDER BY last_call_at DESC NULLS LAST LIMIT 1) last ON true
            """ + " WHERE " + SQL.joined(conditions, separator: " AND ") + " ORDER BY c.id LIMIT 2000"
    }
}

/// RFC 4180 fields: quoted when they hold a comma, a quote or a line break.
public enum CSVWriter {
    /// One CSV line, without its line break.
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }
}
