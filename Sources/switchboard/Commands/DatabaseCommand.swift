import ArgumentParser
import Foundation
import Persistence

/// `switchboard db start|stop|status|url|destroy`: the embedded PostgreSQL.
struct DatabaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Manage the embedded PostgreSQL server (used when DATABASE_URL is not set).",
        subcommands: [Start.self, Stop.self, Status.self, URL.self, Destroy.self]
    )

    struct Folder: ParsableArguments {
        @OptionGroup var global: GlobalOptions

        var cluster: EmbeddedCluster { global.embeddedCluster }
    }

    struct Start: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create the cluster if needed, start it, and print its URL.")
        @OptionGroup var folder: Folder

        func run() async throws {
            print(try await folder.cluster.start())
        }
    }

    struct Stop: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the server; the data stays.")
        @OptionGroup var folder: Folder

        func run() async throws {
            try await folder.cluster.stop()
            print("stopped")
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Say whether the cluster exists and runs.")
        @OptionGroup var folder: Folder

        func run() async throws {
            let cluster = folder.cluster
            print("\(cluster.folder): \(cluster.status())")
        }
    }

    struct URL: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "url", abstract: "Print the libpq URL of the running server, starting it if it is stopped.")
        @OptionGroup var folder: Folder

        func run() async throws {
            let cluster = folder.cluster
            if case .running = cluster.status() {
                print(try cluster.url())
            } else {
                print(try await cluster.start())
            }
        }
    }

    struct Destroy: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop the server and delete the cluster with all its data.")
        @OptionGroup var folder: Folder
        @Flag(help: "Confirm that every call, contact and consent in it is to be deleted.") var yes = false

        func validate() throws {
            guard yes else {
                throw ValidationError("this deletes \(folder.cluster.folder) and everything in it; run again with --yes to confirm")
            }
        }

        func run() async throws {
            let cluster = folder.cluster
            try await cluster.destroy()
            print("deleted \(cluster.folder)")
        }
    }
}
