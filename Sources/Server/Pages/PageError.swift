import Campaigns

/// Why the pages cannot be served: their templates or assets are not where the build put them.
enum PageError: DomainError, Hashable {
    case missingResource(String)
    case unknownTemplate(String)

    var kind: FailureKind { .internal }

    var code: String {
        switch self {
        case .missingResource: "page.missing_resource"
        case .unknownTemplate: "page.unknown_template"
        }
    }

    var description: String {
        switch self {
        case .missingResource(let name): "the server's resource \(name) is missing from its bundle"
        case .unknownTemplate(let name): "there is no page template \(name)"
        }
    }
}
