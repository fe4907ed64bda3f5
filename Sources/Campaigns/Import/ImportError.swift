import CSV

/// Why an import was refused as a whole. Nothing of the file was stored; an attempt that got
/// as far as reading records is recorded with the reason (`importID`).
public enum ImportError: DomainError, Hashable {
    /// The file cannot be read as CSV; `importID` is the record of the attempt, when one was written.
    case unreadable(fileName: String, CSVError, importID: Int?)
    /// The header names a column the mapping does not know what to do with, or the mapping is incomplete.
    case mapping(fileName: String, MappingProblem)

    /// What is wrong with the columns of a file or the mapping given for them.
    public enum MappingProblem: Error, Sendable, Hashable {
        /// The mapping names a column the file does not have.
        case unknownColumn(String)
        /// The column looks like special-category data (GDPR art. 9/10), which may not be imported.
        case specialCategory(column: String, category: String)
        /// Two columns hold the same field.
        case fieldTwice(String)
        /// No column holds the phone number.
        case noPhoneColumn
        /// A column is mapped to a consent type that does not exist.
        case unknownConsentType(String)
    }

    public var kind: FailureKind {
        switch self {
        case .unreadable(_, let error, _): error.kind
        case .mapping(_, .unknownConsentType): .notFound
        case .mapping: .invalid
        }
    }

    public var code: String {
        switch self {
        case .unreadable(_, let error, _): "import." + error.code
        case .mapping(_, .unknownColumn): "import.unknown_column"
        case .mapping(_, .specialCategory): "import.special_category"
        case .mapping(_, .fieldTwice): "import.field_twice"
        case .mapping(_, .noPhoneColumn): "import.no_phone_column"
        case .mapping(_, .unknownConsentType): "import.unknown_consent_type"
        }
    }

    /// The record of the failed attempt, when one was written.
    public var importID: Int? {
        if case .unreadable(_, _, let id) = self { id } else { nil }
    }

    public var description: String {
        switch self {
        case .unreadable(let fileName, let error, _):
            "\(fileName) cannot be imported: \(error.sentence) Nothing was imported."
        case .mapping(let fileName, let problem):
            "\(fileName) cannot be imported: \(problem.sentence) Nothing was imported."
        }
    }
}

extension ImportError.MappingProblem {
    /// The problem as a sentence, ending in its full stop.
    var sentence: String {
        switch self {
        case .unknownColumn(let name):
            "the mapping names a column \"\(name)\" that the file does not have."
        case .specialCategory(let name, let category):
            "column \"\(name)\" looks like special-category data (\(category), GDPR art. 9/10), which may not be imported; "
                + "to import the other columns, map it as ignored (--map \"\(name)=ignore\")."
        case .fieldTwice(let field):
            "two columns are mapped to \(field); map one of them explicitly."
        case .noPhoneColumn:
            "no column holds the phone number; name it telefon or phone, or map it (--map \"<column>=phone\")."
        case .unknownConsentType(let code):
            "a column is mapped to the consent type \"\(code)\", which does not exist."
        }
    }
}

extension CSVError {
    /// The reader's message as a sentence within another: one closing mark, never two.
    var sentence: String {
        let text = description
        guard let last = text.last else { return text }
        return ".?!".contains(last) ? text : text + "."
    }
}
