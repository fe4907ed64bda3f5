/// Why a data source is refused, or an import cannot name it.
public enum DataSourceError: DomainError, Hashable {
    case unnamed
    case nameTaken(String)
    /// A bought or partner list must name the controller it came from (GDPR art. 14).
    case previousControllerMissing(DataSource.Kind)
    /// Contacts come only from a source described first; a mistyped name is not a new source.
    case undescribed(String)

    public var kind: FailureKind {
        switch self {
        case .nameTaken: .conflict
        case .undescribed: .notFound
        default: .invalid
        }
    }

    public var code: String {
        switch self {
        case .unnamed: "source.unnamed"
        case .nameTaken: "source.name_taken"
        case .previousControllerMissing: "source.previous_controller_missing"
        case .undescribed: "source.undescribed"
        }
    }

    public var description: String {
        switch self {
        case .unnamed: "a data source needs a name"
        case .nameTaken(let name): "a data source named \"\(name)\" exists already"
        case .previousControllerMissing(let kind):
            "a \(kind == .partner ? "partner's" : "bought") list needs the previous controller (--previous-controller); "
                + "the people must be told of the change of controller (GDPR art. 14)"
        case .undescribed(let name):
            "there is no data source \"\(name)\"; describe it first (switchboard source add, or POST /api/sources) "
                + "with its kind and, for a bought or partner list, its previous controller"
        }
    }
}
