import Campaigns

/// Why the pages cannot be served: their templates or assets are not where the build put them.
enum PageError: DomainError, Hashable {
    case missingResource(String)
    case unknownTemplate(String)
    /// A key of the pages' words stands in two files.
    case duplicateWords(file: String)

    var kind: FailureKind { .internal }

    var code: String {
        switch self {
        case .missingResource: "page.missing_resource"
        case .unknownTemplate: "page.unknown_template"
        case .duplicateWords: "page.duplicate_words"
        }
    }

    var description: String {
        switch self {
        case .missingResource(let name): "the server's resource \(name) is missing from its bundle"
        case .unknownTemplate(let name): "there is no page template \(name)"
        case .duplicateWords(let file): "\(file) repeats a key of the pages' words that another file has"
        }
    }
}
