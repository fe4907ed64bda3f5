/// One numbered change of the schema: a SQL script applied once, in its own transaction.
public struct Migration: Sendable, Hashable {
    public let version: Int
    public let name: String
    public let sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Reads `007_call_scripts.sql` as version 7, named "call scripts".
    public init(fileName: String, sql: String) throws(MigrationError) {
        let stem = fileName.hasSuffix(".sql") ? String(fileName.dropLast(4)) : fileName
        let pieces = stem.split(separator: "_", maxSplits: 1)
        guard pieces.count == 2, let version = Int(pieces[0]), version > 0 else {
            throw .badFileName(fileName)
        }
        self.init(version: version, name: String(pieces[1]).replacing("_", with: " "), sql: sql)
    }

    /// A fingerprint of the script (64-bit FNV-1a), to notice a migration edited after it was applied.
    public var checksum: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// What stops the schema from being brought up to date.
public enum MigrationError: Error, Sendable, CustomStringConvertible {
    case badFileName(String)
    case duplicateVersion(Int)
    case missingFolder(String)
    case edited(version: Int, name: String)
    case failed(version: Int, name: String, DatabaseError)

    public var description: String {
        switch self {
        case .badFileName(let name):
            "migration file \(name) must be named NNN_what_it_does.sql"
        case .duplicateVersion(let version):
            "two migration files share the number \(version)"
        case .missingFolder(let path):
            "the migrations folder \(path) is missing (the program's resources were not installed beside it)"
        case .edited(let version, let name):
            "migration \(version) (\(name)) was changed after it was applied; add a new migration instead"
        case .failed(let version, let name, let error):
            "migration \(version) (\(name)) failed and was rolled back: \(error)"
        }
    }
}
