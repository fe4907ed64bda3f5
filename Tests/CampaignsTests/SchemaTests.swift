import Campaigns
import Persistence
import TestSupport
import Testing

@Suite("The domain's schema ships with the domain")
struct SchemaTests {
    @Test("every migration of the schema is already in every test database, in order")
    func shipped() async throws {
        try await TestDatabase.withFresh { database in
            let migrator = try Schema.migrator()
            #expect(!migrator.migrations.isEmpty)
            #expect(try await migrator.migrate(database).isEmpty)
            #expect(try await Migrator.appliedVersions(database) == migrator.migrations.map(\.version))
        }
    }
}
