import Campaigns
import Foundation
import Hummingbird
import Persistence

/// The administrator's JSON API under `/api`: every action of the command line, for scripts
/// and the web pages. Every change writes an activity-log entry.
struct AdminAPI: Sendable {
    let database: Database
    let vault: Vault

    func register(on api: RouteGroup) {
        registerConsents(on: api)
        registerSources(on: api)
        registerImports(on: api)
        registerExports(on: api)
        registerScripts(on: api)
        registerCampaigns(on: api)
        registerDoNotCall(on: api)
        api.get(
            "activity", .only(.administrator),
            doc: .read("The latest activity-log entries, newest first", APISchemas.list("ActivityEntry"), query: [.init("limit", "How many", schema: .integer)])
        ) { request, _ in
            Reply(try await ActivityLog(database).recent(limit: request.uri.queryParameters.get("limit", as: Int.self) ?? 50))
        }
    }
}

extension Request {
    /// The body as JSON of the given type.
    func json<T: Decodable>(_ type: T.Type, context: SwitchboardContext) async throws -> T {
        try await decode(as: type, context: context)
    }
}

extension SwitchboardContext {
    /// Who the activity log says did it: the member signed in, or the owner of the API token.
    var actor: String { identity?.member.actor ?? "anonymous" }
}
