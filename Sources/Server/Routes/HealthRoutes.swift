import Hummingbird
import Logging
import Persistence

/// `GET /health`: whether the server can reach PostgreSQL and which schema it finds there,
/// for load balancers and `docker compose` health checks.
struct HealthRoutes: Sendable {
    let database: Database

    struct Health: ResponseEncodable {
        let status: String
        let database: String
        let schemaVersion: Int?
    }

    func register(on site: RouteGroup) {
        site.get("health", .anyone) { _, _ -> EditedResponse<Health> in
            do {
                let version = try await Migrator.appliedVersions(database).last
                return EditedResponse(status: .ok, response: Health(status: "ok", database: "reachable", schemaVersion: version))
            } catch {
                database.logger.warning("health check failed", metadata: ["error": "\(error)"])
                return EditedResponse(
                    status: .serviceUnavailable, response: Health(status: "unavailable", database: "unreachable", schemaVersion: nil))
            }
        }
    }
}
