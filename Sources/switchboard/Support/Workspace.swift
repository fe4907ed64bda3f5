import Campaigns
import Foundation
import Logging
import Persistence

/// What a command works with: the database (the embedded one, started when needed, or
/// DATABASE_URL's), migrated to the current schema, and the vault for personal data.
struct Workspace {
    let database: Database
    let vault: Vault
    let logger: Logger
    /// Where the database is, without its password, for messages.
    let location: String
    /// The member of staff the command acts as, when one is named or has the system user's name.
    let staffMember: StaffMember?
    /// Where confirmed erasures are noted, outside the database.
    let erasureRegister: ErasureRegister

    /// Who the activity log says did it: the member of staff, else the system user.
    var actor: String { staffMember?.actor ?? "cli:\(NSUserName())" }

    static func open(_ options: GlobalOptions, maxConnections: Int = 8, announce: Bool = false) async throws -> Workspace {
        let logger = options.logger
        let location = options.databaseLocation
        if announce, case .embedded(let cluster) = location {
            switch cluster.status() {
            case .absent: Console.step("PostgreSQL: creating the embedded server in \(cluster.folder)")
            case .stopped: Console.step("PostgreSQL: starting the embedded server in \(cluster.folder)")
            case .running(let port): Console.step("PostgreSQL: the embedded server in \(cluster.folder) runs on port \(port)")
            }
        }
        let url = try await location.connect()
        let database = Database(DatabaseConfiguration(url: url, maxConnections: maxConnections), logger: logger)
        let applied = try await Schema.migrator().migrate(database)
        if announce || !applied.isEmpty {
            Console.step("Schema: " + (applied.isEmpty ? "up to date" : "applied " + applied.map { "\($0.version) (\($0.name))" }.joined(separator: ", ")))
        }
        let key = try MasterKey.load(keyFile: options.dataFolder + "/master.key")
        let register = options.erasureRegister
        let reapplied = try await register.apply(to: database)
        if reapplied > 0 {
            Console.step("Erased again \(reapplied) contacts noted in the erasure register and found whole (a restored backup?)")
        }
        return Workspace(
            database: database, vault: Vault(masterKey: key), logger: logger, location: location.description,
            staffMember: try await acting(options.operatorLogin, database: database), erasureRegister: register)
    }

    /// The member a command acts as: the one named (who must exist and be active), else the one
    /// whose login is the system user's name, else nobody.
    private static func acting(_ login: String?, database: Database) async throws -> StaffMember? {
        let staff = StaffStore(database)
        guard let login else { return try await staff.find(login: NSUserName().lowercased()).flatMap { $0.isActive ? $0 : nil } }
        let member = try await staff.named(login)
        guard member.isActive else { throw StaffError.disabled }
        return member
    }
}

extension Workspace {
    /// Closes the database connections.
    func close() {
        database.close()
    }
}
