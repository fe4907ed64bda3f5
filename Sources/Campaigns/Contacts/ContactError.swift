/// Why contacts cannot be stored as asked.
public enum ContactError: DomainError, Hashable {
    /// A phone number of the contacts is held by a stored contact already.
    case phoneStored

    public var kind: FailureKind { .conflict }
    public var code: String { "contact.phone_stored" }
    public var description: String { "a phone number of these contacts is stored already" }
}
