import CSV
/// What an import is asked to do.
public struct ImportOptions: Sendable {
    /// What to do with a number that is already stored.
    public enum DuplicatePolicy: String, Sendable, Codable, CaseIterable {
        /// Leave the stored contact alone and report the row.
        case skip
        /// Replace the stored personal data, keeping the old version in the contact's history.
        case update
    }

    /// The data source the contacts come from; made (kind `import`) when it does not exist.
    public var sourceName: String
    /// A campaign whose queue takes the new eligible contacts.
    public var campaignName: String?
    public var encoding: TextEncoding?
    public var delimiter: CSVDelimiter?
    /// Column name → field, over what the header suggests.
    public var mapping: [String: ImportField]
    /// Consents the source holds for every person in the file, and what proves it.
    public var fileConsents: [String]
    public var proof: String?
    public var duplicates: DuplicatePolicy
    /// Check and report everything, store no contact.
    public var dryRun: Bool
    /// The country of numbers written without one.
    public var defaultRegion: String
    /// Who runs the import, for the activity log.
    public var actor: String

    public init(
        sourceName: String, campaignName: String? = nil, encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil,
        mapping: [String: ImportField] = [:], fileConsents: [String] = [], proof: String? = nil,
        duplicates: DuplicatePolicy = .skip, dryRun: Bool = false, defaultRegion: String = "PL", actor: String
    ) {
        self.sourceName = sourceName
        self.campaignName = campaignName
        self.encoding = encoding
        self.delimiter = delimiter
        self.mapping = mapping
        self.fileConsents = fileConsents
        self.proof = proof
        self.duplicates = duplicates
        self.dryRun = dryRun
        self.defaultRegion = defaultRegion
        self.actor = actor
    }
}
