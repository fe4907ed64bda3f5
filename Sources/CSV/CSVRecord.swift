/// One record of a CSV file: its decoded fields, and where it starts, for error messages.
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based physical line the record starts on (blank lines and the extra lines of
    /// multi-line quoted fields count).
    public let line: Int
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
