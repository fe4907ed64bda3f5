import ServiceLifecycle
import Supervisor

/// Runs the supervisor hub beside the HTTP server, and stops it with the server.
struct SupervisorService: Service {
    let hub: SupervisorHub

    func run() async throws {
        try await cancelWhenGracefulShutdown { try await hub.run() }
    }
}
