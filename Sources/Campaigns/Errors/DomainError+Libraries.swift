import CSV
import PhoneNumbers

/// A file the CSV reader cannot read is the requester's to fix.
extension CSVError: DomainError {
    public var kind: FailureKind {
        switch self {
        case .readFailed: .internal
        default: .invalid
        }
    }

    public var code: String {
        "csv." + {
            switch self {
            case .emptyFile: "empty_file"
            case .binaryData: "binary_data"
            case .unsupportedUTF16: "utf16"
            case .invalidUTF8: "invalid_utf8"
            case .undefinedByte: "undefined_byte"
            case .unterminatedQuote: "unterminated_quote"
            case .unexpectedQuote: "unexpected_quote"
            case .fieldTooLong: "field_too_long"
            case .tooManyFields: "too_many_fields"
            case .delimiterNotDetected: "delimiter_not_detected"
            case .cannotOpen: "cannot_open"
            case .readFailed: "read_failed"
            }
        }()
    }
}

/// A phone number that cannot be repaired is the requester's to fix; a numbering plan that
/// cannot be loaded is the program's fault.
extension PhoneNumberError: DomainError {
    public var kind: FailureKind {
        switch self {
        case .numberingPlanUnavailable: .internal
        default: .invalid
        }
    }

    public var code: String {
        "phone." + {
            switch self {
            case .empty: "empty"
            case .noDigits: "no_digits"
            case .letters: "letters"
            case .unexpectedCharacter: "unexpected_character"
            case .misplacedPlus: "misplaced_plus"
            case .tooShort: "too_short"
            case .tooLong: "too_long"
            case .localOnly: "local_only"
            case .impossibleLength: "impossible_length"
            case .unknownCountryCallingCode: "unknown_country_calling_code"
            case .invalidForRegion: "invalid_for_region"
            case .nonGeographic: "non_geographic"
            case .numberingPlanUnavailable: "numbering_plan_unavailable"
            }
        }()
    }
}
