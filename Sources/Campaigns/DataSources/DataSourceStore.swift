import Foundation
import Persistence

/// Data sources: created, listed, found by name.
public struct DataSourceStore: Sendable {
    let database: Database

    public init(_ database: Database) { self.database = database }

    public func create(
        name: String, kind: DataSource.Kind, acquiredOn: Date? = nil, previousController: String? = nil,
        controllerChangeNotifiedAt: Date? = nil, actor: String
    ) async throws -> DataSource {
        guard !name.isEmpty else { throw DataSourceError.unnamed }
        if [.purchasedList, .partner].contains(kind), previousController == nil {
            throw DataSourceError.previousControllerMissing(kind)
        }
        do {
            let id = try await database.transaction { connection in
                let id = try connection.query(
                    """
                    INSERT INTO data_sources (name, kind, acquired_on, previous_controller, controller_change_notified_at)
                    VALUES (\(name), \(kind.rawValue), \(acquiredOn)::date, \(previousController), \(controllerChangeNotifiedAt))
                    RETURNING id
                    """
                ).single().decode(Int.self, at: 0)
                try ActivityLog.record(actor: actor, action: "source.create", subject: "source:\(id)", on: connection)
                return id
            }
            return DataSource(
                id: id, name: name, kind: kind, acquiredOn: acquiredOn, previousController: previousController,
                controllerChangeNotifiedAt: controllerChangeNotifiedAt)
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw DataSourceError.nameTaken(name)
        }
    }

    public func find(name: String) async throws -> DataSource? {
        try await database.query(Self.select + " WHERE name = \(name)").first.map(Self.decode)
    }

    /// The source of that name, created with `kind` when there is none yet.
    public func findOrCreate(name: String, kind: DataSource.Kind, actor: String) async throws -> DataSource {
        if let existing = try await find(name: name) { return existing }
        return try await create(name: name, kind: kind, previousController: kind == .purchasedList ? "unknown" : nil, actor: actor)
    }

    /// The id of the source of that name. Contacts come only from a source that was described
    /// first (its kind and, for a bought or partner list, its previous controller), so a
    /// mistyped name stops an import instead of starting an undocumented source.
    static func id(named name: String, on connection: Connection) throws -> Int {
        guard let id = try connection.query("SELECT id FROM data_sources WHERE name = \(name)").first?.decode(Int.self, at: 0) else {
            throw DataSourceError.undescribed(name)
        }
        return id
    }

    public func all() async throws -> [DataSource] {
        try await database.query(Self.select + " ORDER BY name").map(Self.decode)
    }

    private static let select: SQL =
        "SELECT id, name, kind, acquired_on, previous_controller, controller_change_notified_at FROM data_sources"

    private static func decode(_ row: Row) throws -> DataSource {
        let (id, name, kind, acquired, previous, notified) = try row.decode((Int, String, DataSource.Kind, Date?, String?, Date?).self)
        return DataSource(
            id: id, name: name, kind: kind, acquiredOn: acquired,
            previousController: previous, controllerChangeNotifiedAt: notified)
    }
}
