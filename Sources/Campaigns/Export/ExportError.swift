/// Why an export file cannot be written.
public enum ExportError: DomainError, Hashable {
    case cannotWrite(path: String, reason: String?)

    public var kind: FailureKind { .internal }
    public var code: String { "export.cannot_write" }

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path)" + (reason.map { ": \($0)" } ?? "")
        }
    }
}
