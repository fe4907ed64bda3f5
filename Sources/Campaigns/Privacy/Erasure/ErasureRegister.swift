import Foundation
import Persistence

/// The contacts whose erasure was confirmed, kept outside the database, beside the master key.
///
/// Destroying a contact's key makes its data unreadable, but a backup taken before holds the
/// key as it was. This register is not in any backup of the database: whenever Switchboard
/// opens a database (and `restore` does at once) it erases again every listed contact found
/// whole, so that a person once forgotten stays forgotten after a restore. It holds contact
/// ids only: numbers that mean nothing without the database.
public struct ErasureRegister: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// Notes a confirmed erasure: one line `contact request time`.
    public func note(contactID: Int, requestID: Int, at time: Date) throws {
        let line = "\(contactID) \(requestID) \(ISO8601DateFormatter().string(from: time))\n"
        if !FileManager.default.fileExists(atPath: path) {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw ErasureRegisterError.cannotWrite(path)
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw ErasureRegisterError.cannotWrite(path) }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.utf8))
        try handle.synchronize()
    }

    /// The contacts noted so far.
    public func contacts() throws -> [Int] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw ErasureRegisterError.cannotRead(path) }
        return text.split(separator: "\n").compactMap { $0.split(separator: " ").first.flatMap { Int($0) } }
    }

    /// Brings the register and the database in step, and returns how many contacts it erased
    /// again: a confirmed erasure the register lacks (the process stopped between the commit
    /// and the note) is noted; a noted contact the database holds whole (a restored backup) is
    /// erased again.
    @discardableResult
    public func apply(to database: Database, at now: Date = Date()) async throws -> Int {
        var noted = try contacts()
        let confirmed = try await database.query(
            "SELECT contact_id, id, decided_at FROM erasure_requests WHERE status = 'confirmed' AND NOT (contact_id = ANY(\(noted)))"
        ).decode((Int, Int, Date).self)
        for (contact, request, at) in confirmed {
            try note(contactID: contact, requestID: request, at: at)
            noted.append(contact)
        }
        guard !noted.isEmpty else { return 0 }
        let whole = try await database.query("SELECT id FROM contacts WHERE id = ANY(\(noted)) AND erased_at IS NULL").column(Int.self)
        for contact in whole {
            let files = try await database.transaction { connection in
                let (_, files) = try ErasureStore.destroy(contactID: contact, at: now, on: connection)
                try ActivityLog.record(
                    actor: "system", action: "erasure.reapplied", subject: "contact:\(contact)",
                    details: ["why": "erased before, found whole (a restored backup)"], on: connection)
                return files
            }
            for file in files { if let url = URL(string: file), url.isFileURL { try? FileManager.default.removeItem(at: url) } }
        }
        return whole.count
    }
}

/// Why the erasure register cannot be read or written: the set-up's fault.
public enum ErasureRegisterError: DomainError, Hashable {
    case cannotWrite(String)
    case cannotRead(String)

    public var kind: FailureKind { .internal }

    public var code: String {
        switch self {
        case .cannotWrite: "erasure_register.cannot_write"
        case .cannotRead: "erasure_register.cannot_read"
        }
    }

    public var description: String {
        switch self {
        case .cannotWrite(let path): "cannot write the erasure register \(path)"
        case .cannotRead(let path): "cannot read the erasure register \(path)"
        }
    }
}
