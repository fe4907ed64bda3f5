/// Why personal data cannot be sealed or opened. Always the server's fault (a wrong master
/// key, altered data), never the requester's: the HTTP edge answers 500 and keeps the detail.
public enum VaultError: DomainError, Hashable {
    case sealingFailed
    /// The wrong master key, or data or a key altered in the database.
    case cannotOpen

    public var kind: FailureKind { .internal }

    public var code: String {
        switch self {
        case .sealingFailed: "vault.sealing_failed"
        case .cannotOpen: "vault.cannot_open"
        }
    }

    public var description: String {
        switch self {
        case .sealingFailed: "personal data could not be sealed"
        case .cannotOpen: "personal data cannot be opened: wrong master key, or the data was altered"
        }
    }
}

/// Why the master key cannot be loaded or made: the set-up's fault.
public enum MasterKeyError: DomainError, Hashable {
    case cannotWrite(path: String)
    /// `SWITCHBOARD_MASTER_KEY_FILE` names a file that cannot be read.
    case cannotRead(path: String)
    /// The key in the environment or the file is not 32 bytes of base64.
    case malformed(origin: String)

    public var kind: FailureKind { .internal }

    public var code: String {
        switch self {
        case .cannotWrite: "master_key.cannot_write"
        case .cannotRead: "master_key.cannot_read"
        case .malformed: "master_key.malformed"
        }
    }

    public var description: String {
        switch self {
        case .cannotWrite(let path): "cannot write the master key file \(path)"
        case .cannotRead(let path): "cannot read the master key file \(path) that SWITCHBOARD_MASTER_KEY_FILE names"
        case .malformed(let origin): "the master key in \(origin) must be 32 bytes in base64 (openssl rand -base64 32)"
        }
    }
}
