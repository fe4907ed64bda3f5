/// Which field each column of a file holds, from the header and any explicit choices.
public struct ColumnMapping: Sendable, Hashable {

    /// One entry per column of the header, in order.
    public let fields: [ImportField]
    public let header: [String]

    /// Maps `header` by name, with `explicit` choices (column name → field) taking precedence.
    /// Consent columns (`zgoda_…`, `consent_…`, or a consent type's code or title) are matched
    /// against `consentTypes`; any other unknown column becomes a custom field.
    public init(header: [String], explicit: [String: ImportField] = [:], consentTypes: [ConsentType]) throws(ImportError.MappingProblem) {
        self.header = header
        var explicitByKey: [String: (name: String, field: ImportField)] = [:]
        for (name, field) in explicit { explicitByKey[name.headerKey] = (name, field) }
        let columnKeys = Set(header.map(\.headerKey))
        for (key, entry) in explicitByKey where !columnKeys.contains(key) {
            throw .unknownColumn(entry.name)
        }
        var fields: [ImportField] = []
        for name in header {
            if let chosen = explicitByKey[name.headerKey]?.field {
                fields.append(chosen)
                continue
            }
            if let category = SpecialCategories.category(ofColumn: name) {
                throw .specialCategory(column: name, category: category)
            }
            fields.append(Self.field(forHeader: name, consentTypes: consentTypes))
        }
        for field in Set(fields) where field != .ignore && fields.filter({ $0 == field }).count > 1 {
            throw .fieldTwice("\(field)")
        }
        guard fields.contains(.phone) else {
            throw .noPhoneColumn
        }
        for case .consent(let code) in fields where !consentTypes.contains(where: { $0.code == code }) {
            throw .unknownConsentType(code)
        }
        self.fields = fields
    }

    static let synonyms: [String: ImportField] = [
        "imie": .firstName, "firstname": .firstName, "first": .firstName, "givenname": .firstName,
        "nazwisko": .lastName, "lastname": .lastName, "surname": .lastName, "familyname": .lastName,
        "imieinazwisko": .fullName, "name": .fullName, "fullname": .fullName, "klient": .fullName, "nazwa": .fullName,
        "telefon": .phone, "tel": .phone, "nrtelefonu": .phone, "numertelefonu": .phone, "numer": .phone, "phone": .phone,
        "phonenumber": .phone, "mobile": .phone, "komorka": .phone, "telefonkomorkowy": .phone,
        "email": .email, "mail": .email, "adresemail": .email, "emailaddress": .email,
        "strefaczasowa": .timeZone, "strefa": .timeZone, "timezone": .timeZone, "tz": .timeZone,
    ]

    static func field(forHeader name: String, consentTypes: [ConsentType]) -> ImportField {
        let key = name.headerKey
        if let known = synonyms[key] { return known }
        for prefix in ["zgodana", "zgoda", "consent"] where key.hasPrefix(prefix) && key.count > prefix.count {
            let rest = String(key.dropFirst(prefix.count))
            if let type = consentTypes.first(where: { $0.code.headerKey == rest || $0.title.headerKey.hasPrefix(rest) }) {
                return .consent(type.code)
            }
        }
        if let type = consentTypes.first(where: { $0.code.headerKey == key }) { return .consent(type.code) }
        return .custom(name.trimmingWhitespaceAndQuotes())
    }
}
