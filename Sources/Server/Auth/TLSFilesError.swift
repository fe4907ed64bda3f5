import Campaigns

/// Why HTTPS cannot be set up: the set-up's fault.
public enum TLSFilesError: DomainError, Hashable {
    case unreadable(certificate: String, privateKey: String, reason: String)

    public var kind: FailureKind { .internal }
    public var code: String { "tls.unreadable" }

    public var description: String {
        switch self {
        case .unreadable(let certificate, let key, let reason):
            "the TLS certificate \(certificate) or its key \(key) cannot be read as PEM: \(reason)"
        }
    }
}
