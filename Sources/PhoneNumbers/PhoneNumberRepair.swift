/// A phone cell as it was written, the number it was read as, and what had to change on the way.
public struct PhoneNumberRepair: Sendable, Hashable {
    /// The cell exactly as imported.
    public let raw: String
    /// The number the cell holds.
    public let number: PhoneNumber
    /// What was changed to reach E.164, in plain English ("removed spaces and dashes",
    /// "removed the leading trunk 0"); empty when the cell already held the E.164 form.
    public let changes: [String]

    /// A repair from its parts.
    public init(raw: String, number: PhoneNumber, changes: [String]) {
        self.raw = raw
        self.number = number
        self.changes = changes
    }
}
