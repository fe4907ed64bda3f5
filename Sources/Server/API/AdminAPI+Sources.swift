import Campaigns
import Foundation
import Hummingbird

extension AdminAPI {
    struct NewSource: Decodable {
        let name: String
        let kind: DataSource.Kind
        let acquiredOn: Date?
        let previousController: String?
        let controllerChangeNotifiedAt: Date?
    }

    func registerSources(on api: RouteGroup) {
        api.get("sources", .only(.administrator), doc: .read("Every data source", APISchemas.list("DataSource"))) { _, _ in Reply(try await DataSourceStore(database).all()) }
        api.post(
            "sources", .only(.administrator), doc: .create("Describes a data source", body: .reference("NewSource"), .reference("DataSource"))
        ) { request, context in
            let body = try await request.json(NewSource.self, context: context)
            let source = try await DataSourceStore(database).create(
                name: body.name, kind: body.kind, acquiredOn: body.acquiredOn, previousController: body.previousController,
                controllerChangeNotifiedAt: body.controllerChangeNotifiedAt, actor: context.actor)
            return EditedResponse(status: .created, response: Reply(source))
        }
    }
}
