/// What `EncodingDetector` concluded about a file's encoding, and why.
public struct EncodingGuess: Sendable, Hashable {
    public let encoding: TextEncoding
    /// The file starts with the UTF-8 byte order mark (EF BB BF).
    public let hasByteOrderMark: Bool
    /// False when the sample held no evidence either way: the caller should offer an override.
    public let isConfident: Bool
    /// One sentence for a person: what in the sample decided it.
    public let reason: String

    public init(encoding: TextEncoding, hasByteOrderMark: Bool, isConfident: Bool, reason: String) {
        self.encoding = encoding
        self.hasByteOrderMark = hasByteOrderMark
        self.isConfident = isConfident
        self.reason = reason
    }
}
