import Foundation
import Persistence

/// Someone who takes calls: a person at a browser, or a simulated agent.
public struct Agent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case simulated, person
    }

    public let id: Int
    public let name: String
    public let kind: Kind

    public init(id: Int, name: String, kind: Kind) {
        self.id = id
        self.name = name
        self.kind = kind
    }
}

/// Agents by name; simulated ones are made on demand.
public struct AgentStore: Sendable {
    let database: Database

    public init(_ database: Database) { self.database = database }

    /// The simulated agents `Agent 01` ... `Agent NN`, created when missing.
    public func simulated(count: Int) async throws -> [Agent] {
        let names = (1...max(1, count)).map { String(format: "Agent %02d", $0) }
        return try await database.transaction { connection in
            try connection.execute(
                "INSERT INTO agents (name, kind) SELECT n, 'simulated' FROM unnest(\(names)) AS n ON CONFLICT (name) DO NOTHING")
            return try connection.query(
                "SELECT id, name FROM agents WHERE name = ANY(\(names)) ORDER BY name"
            ).map { row in
                let (id, name) = try row.decode((Int, String).self)
                return Agent(id: id, name: name, kind: .simulated)
            }
        }
    }
}
