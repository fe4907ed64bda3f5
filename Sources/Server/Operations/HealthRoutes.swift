import Campaigns
import Hummingbird
import Logging
import Persistence

/// Health for orchestrators and load balancers:
/// - `GET /health/live`: the process answers HTTP (restart it when this fails);
/// - `GET /health/ready`: the database answers and has every migration this build knows
///   (send it traffic only then); 503 with the reason otherwise;
/// - `GET /health`: the readiness answer, kept for older checks.
struct HealthRoutes: Sendable {
    let database: Database
    /// The schema versions this build expects, or nil when its migrations could not be read.
    let expectedVersions: [Int]?

    init(database: Database) {
        self.database = database
        expectedVersions = try? Schema.migrator().migrations.map(\.version)
    }

    struct Health: ResponseEncodable {
        let status: String
        let database: String
        let schemaVersion: Int?
        /// Migrations this build has and the database lacks.
        let pendingMigrations: [Int]?
    }

    func register(on site: RouteGroup) {
        Self.registerLiveness(on: site)
        site.get("health/ready", .anyone) { _, _ in await readiness() }
        site.get("health", .anyone) { _, _ in await readiness() }
    }

    /// `GET /health/live`, which every process that serves HTTP answers.
    static func registerLiveness(on site: RouteGroup) {
        site.get("health/live", .anyone) { _, _ in
            EditedResponse(status: .ok, response: Health(status: "ok", database: "not checked", schemaVersion: nil, pendingMigrations: nil))
        }
    }

    func readiness() async -> EditedResponse<Health> {
        let applied: [Int]
        do {
            applied = try await Migrator.appliedVersions(database)
        } catch {
            database.logger.warning("health check failed", metadata: ["error": "\(error)"])
            return EditedResponse(
                status: .serviceUnavailable,
                response: Health(status: "unavailable", database: "unreachable", schemaVersion: nil, pendingMigrations: nil))
        }
        let pending = (expectedVersions ?? []).filter { !applied.contains($0) }
        let ready = expectedVersions != nil && pending.isEmpty
        return EditedResponse(
            status: ready ? .ok : .serviceUnavailable,
            response: Health(
                status: ready ? "ok" : "migrations pending", database: "reachable", schemaVersion: applied.last, pendingMigrations: pending))
    }
}
