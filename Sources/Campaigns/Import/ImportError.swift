/// Why an import was refused as a whole. Nothing of the file was stored; the attempt is
/// recorded with the reason.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public let fileName: String
    public let reason: String
    /// The record of the failed import, when it could be written.
    public let importID: Int?

    public var description: String {
        "\(fileName) cannot be imported: \(reason). Nothing was imported."
    }
}
