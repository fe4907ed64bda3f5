import Foundation
import Persistence

/// The domain's tables, functions and rules, as numbered migrations in `Schema/`: consents,
/// sources, contacts, scripts, campaigns, the queue, calls and the eligibility rule.
public enum Schema {
    /// A migrator holding every migration of the domain, ready to bring a database up to date.
    public static func migrator() throws -> Migrator {
        guard let folder = Bundle.module.url(forResource: "Schema", withExtension: nil) else {
            throw MigrationError.missingFolder("Schema (switchboard_Campaigns.resources)")
        }
        return try Migrator(folder: folder)
    }
}
