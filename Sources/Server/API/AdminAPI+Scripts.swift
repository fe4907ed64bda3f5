import Campaigns
import Foundation
import Hummingbird

extension AdminAPI {
    struct SavedScript: Encodable, Sendable {
        let id: Int
        let name: String
        let version: Int
    }

    struct ScriptProblems: Encodable, Sendable {
        let error: String
        let problems: [String]
    }

    func registerScripts(on api: RouteGroup) {
        api.get("scripts", .only(.administrator, .supervisor), doc: .read("Every script's latest version", APISchemas.list("SavedScript"))) { _, _ in
            Reply(try await ScriptStore(database).all().map { SavedScript(id: 0, name: $0.name, version: $0.version) })
        }
        api.post(
            "scripts", .only(.administrator),
            doc: APIOperation(
                "Saves the script as its next version, when it is valid", body: .json(.reference("CallScript")),
                responses: [201: .json(.reference("SavedScript")), 422: .json(.reference("ScriptProblems"))])
        ) { request, context in
            let script = try await request.json(CallScript.self, context: context)
            let problems = script.problems()
            guard problems.isEmpty else {
                return try Response(
                    status: .unprocessableContent, headers: [.contentType: "application/json; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(bytes: JSONEncoder().encode(
                        ScriptProblems(error: "the script cannot be saved", problems: problems.map(\.description))))))
            }
            let saved = try await ScriptStore(database).save(script, actor: context.actor)
            return try EditedResponse(status: .created, response: Reply(SavedScript(id: saved.id, name: script.name, version: saved.version)))
                .response(from: request, context: context)
        }
        api.get(
            "scripts/:name", .only(.administrator, .supervisor, .agent),
            doc: .read("A script, its latest version or the one asked for", .reference("CallScript"), query: [.init("version", "The version", schema: .integer)])
        ) { request, context in
            let name = try context.parameters.require("name")
            let store = ScriptStore(database)
            let version = request.uri.queryParameters.get("version", as: Int.self)
            let found = if let version { try await store.version(name: name, version: version) } else { try await store.latest(name: name) }
            guard let found else { throw NotFound(.script, name) }
            return Reply(found.script)
        }
    }
}
