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

    /// Assigns agents, by name, to a campaign; people log in to the campaigns assigned to them.
    public func assign(_ names: [String], to campaignName: String, actor: String) async throws {
        try await database.transaction { connection in
            guard let campaign = try connection.query("SELECT id FROM campaigns WHERE name = \(campaignName)").first?.decode(Int.self, at: 0)
            else { throw NotFound(.campaign, campaignName) }
            let known = try connection.query("SELECT name FROM agents WHERE name = ANY(\(names))").column(String.self)
            if let missing = names.first(where: { !known.contains($0) }) { throw NotFound(.agent, missing) }
            try connection.execute(
                """
                INSERT INTO campaign_agents (campaign_id, agent_id) SELECT \(campaign), id FROM agents WHERE name = ANY(\(names))
                ON CONFLICT DO NOTHING
                """)
            try ActivityLog.record(
                actor: actor, action: "campaign.assign", subject: "campaign:\(campaign)", details: ["agents": "\(names.count)"],
                on: connection)
        }
    }

    /// The agents assigned to a campaign.
    public func assigned(to campaignName: String) async throws -> [Agent] {
        try await database.query(
            """
            SELECT a.id, a.name, a.kind FROM agents a JOIN campaign_agents ca ON ca.agent_id = a.id
            JOIN campaigns c ON c.id = ca.campaign_id WHERE c.name = \(campaignName) ORDER BY a.name
            """
        ).map { row in
            let (id, name, kind) = try row.decode((Int, String, Agent.Kind).self)
            return Agent(id: id, name: name, kind: kind)
        }
    }

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

extension Agent.Kind: SQLTextEnum {}
