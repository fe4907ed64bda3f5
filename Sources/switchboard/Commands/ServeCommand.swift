import ArgumentParser
import Campaigns
import Foundation
import Hummingbird
import Server

/// `switchboard serve`: the HTTP server, until SIGTERM or Ctrl-C.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the HTTP server.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Address to listen on (0.0.0.0 for every interface).") var host: String = "127.0.0.1"
    @Option(help: "Port to listen on.") var port: Int = 8080
    @Option(help: "A PEM certificate (chain) to serve HTTPS with; needs --tls-key.") var tlsCert: String?
    @Option(help: "The PEM private key of --tls-cert.") var tlsKey: String?

    func validate() throws {
        guard (tlsCert == nil) == (tlsKey == nil) else { throw ValidationError("give --tls-cert and --tls-key together") }
    }

    func run() async throws {
        // Before anything makes a metric: one made earlier would count nothing.
        let registry = MetricsSetup.bootstrap()
        let workspace = try await Workspace.open(global)
        defer { workspace.close() }
        let tls = tlsCert.flatMap { certificate in tlsKey.map { TLSFiles(certificate: certificate, privateKey: $0) } }
        let (app, address) = try WebServer.make(workspace, host: host, port: port, tls: tls, metrics: registry)
        if try await StaffStore(workspace.database).isEmpty() {
            Console.step("No staff yet: make the first administrator with  switchboard staff add LOGIN --name \"NAME\" --role administrator")
        }
        Console.step("Listening on \(address) (Ctrl-C stops)")
        try await app.runService()
    }
}
