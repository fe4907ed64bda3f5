import Foundation
import Persistence

/// Contacts: stored sealed, found by the keyed hash of their number, opened on demand.
public struct ContactStore: Sendable {
    let database: Database
    let vault: Vault

    public init(_ database: Database, vault: Vault) {
        self.database = database
        self.vault = vault
    }

    /// Stores new contacts in one statement and returns their ids in order. A number that is
    /// already stored is a conflict: import de-duplicates before it gets here.
    public static func insert(_ drafts: [ContactDraft], sourceID: Int, vault: Vault, on connection: Connection) throws -> [Int] {
        guard !drafts.isEmpty else { return [] }
        var hashes: [Data] = [], boxes: [Data] = [], keys: [Data] = []
        for draft in drafts {
            let sealed = try vault.seal(draft.personal)
            hashes.append(vault.phoneHash(draft.personal.phone))
            boxes.append(sealed.box)
            keys.append(sealed.wrappedKey)
        }
        do {
            return try connection.query(
                """
                INSERT INTO contacts (source_id, phone_hash, sealed, wrapped_key, country, line_type, time_zone)
                SELECT \(sourceID), h, s, k, c, l, z
                FROM unnest(\(hashes), \(boxes), \(keys), \(drafts.map(\.country)), \(drafts.map(\.lineType.rawValue)),
                            \(drafts.map(\.timeZone))) WITH ORDINALITY AS d(h, s, k, c, l, z, n)
                ORDER BY n
                RETURNING id
                """
            ).column(Int.self)
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw ContactError.phoneStored
        }
    }

    /// The id of the contact with this number, if any.
    public func find(phone e164: String) async throws -> Int? {
        try await database.query("SELECT id FROM contacts WHERE phone_hash = \(vault.phoneHash(e164))").first?.decode(Int.self, at: 0)
    }

    /// The contact's personal data, opened; nil once erased.
    public func personalData(contactID: Int) async throws -> PersonalData? {
        let vault = self.vault
        return try await database.withConnection { try Self.personalData(contactID: contactID, vault: vault, on: $0) }
    }

    public static func personalData(contactID: Int, vault: Vault, on connection: Connection) throws -> PersonalData? {
        guard let row = try connection.query("SELECT sealed, wrapped_key FROM contacts WHERE id = \(contactID)").first else {
            throw NotFound(.contact, contactID)
        }
        let (box, key) = try row.decode((Data?, Data?).self)
        guard let box, let key else { return nil }
        return try vault.open(Vault.Sealed(box: box, wrappedKey: key))
    }
}
