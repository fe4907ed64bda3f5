import Foundation
import Persistence

/// Where contacts came from; every contact has one.
public struct DataSource: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case webForm = "web_form"
        case chat
        case purchasedList = "purchased_list"
        case partner
        case manual
        case `import`
    }

    public let id: Int
    public let name: String
    public let kind: Kind
    public let acquiredOn: Date?
    /// For a bought or transferred list: the controller the data came from ...
    public let previousController: String?
    /// ... and when the people were told of the change of controller (GDPR art. 14).
    public let controllerChangeNotifiedAt: Date?

    public init(
        id: Int, name: String, kind: Kind, acquiredOn: Date? = nil, previousController: String? = nil,
        controllerChangeNotifiedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.acquiredOn = acquiredOn
        self.previousController = previousController
        self.controllerChangeNotifiedAt = controllerChangeNotifiedAt
    }
}

extension DataSource.Kind: SQLTextEnum {}
