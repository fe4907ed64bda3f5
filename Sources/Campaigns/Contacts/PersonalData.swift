/// What identifies a person. Stored only sealed (see `Vault`), shown only to who needs it.
public struct PersonalData: Sendable, Hashable, Codable {
    public var firstName: String
    public var lastName: String
    /// The number in E.164, e.g. `+48601234567`.
    public var phone: String
    public var email: String?
    /// Free fields from the import, by column name.
    public var fields: [String: String]

    public init(firstName: String, lastName: String, phone: String, email: String? = nil, fields: [String: String] = [:]) {
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.email = email
        self.fields = fields
    }

    public var fullName: String {
        [firstName, lastName].filter { !$0.isEmpty }.joined(separator: " ")
    }
}
