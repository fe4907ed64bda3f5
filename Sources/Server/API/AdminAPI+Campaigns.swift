import Campaigns
import Foundation
import Hummingbird

extension AdminAPI {
    struct StatusChange: Decodable {
        let status: CampaignStatus
    }

    struct Assignment: Decodable {
        let agents: [String]
    }

    struct CampaignView: Encodable, Sendable {
        let campaign: Campaign
        let queue: [String: Int]
    }

    func registerCampaigns(on api: RouteGroup) {
        api.get("campaigns", .only(.administrator, .supervisor, .agent), doc: .read("Every campaign", APISchemas.list("Campaign"))) { _, _ in Reply(try await CampaignStore(database).all()) }
        api.post(
            "campaigns", .only(.administrator),
            doc: .create("Creates a campaign in draft (only the name is needed)", body: .reference("NewCampaign"), .reference("Campaign"))
        ) { request, context in
            let campaign = try await request.json(Campaign.self, context: context)
            return EditedResponse(status: .created, response: Reply(try await CampaignStore(database).create(campaign, actor: context.actor)))
        }
        api.get("campaigns/:id", .only(.administrator, .supervisor, .agent), doc: .read("A campaign and its queue by state", .reference("CampaignView"))) { _, context in
            let id = try context.parameters.require("id", as: Int.self)
            guard let campaign = try await CampaignStore(database).find(id: id) else { throw NotFound(.campaign, id) }
            return Reply(CampaignView(campaign: campaign, queue: try await CampaignQueue(database).counts(campaignID: id)))
        }
        api.post(
            "campaigns/:id/status", .only(.administrator, .supervisor),
            doc: .change("Moves the campaign to another status, when the move is legal", body: .reference("StatusChange"), .reference("Campaign"))
        ) { request, context in
            let id = try context.parameters.require("id", as: Int.self)
            let change = try await request.json(StatusChange.self, context: context)
            guard let campaign = try await CampaignStore(database).find(id: id) else { throw NotFound(.campaign, id) }
            return Reply(try await CampaignStore(database).setStatus(change.status, of: campaign.name, actor: context.actor))
        }
        api.post(
            "campaigns/:id/agents", .only(.administrator),
            doc: .change("Assigns agents to the campaign, by name", body: .reference("Assignment"), APISchemas.list("Agent"))
        ) { request, context in
            let id = try context.parameters.require("id", as: Int.self)
            let assignment = try await request.json(Assignment.self, context: context)
            guard let campaign = try await CampaignStore(database).find(id: id) else { throw NotFound(.campaign, id) }
            let agents = AgentStore(database)
            try await agents.assign(assignment.agents, to: campaign.name, actor: context.actor)
            return Reply(try await agents.assigned(to: campaign.name))
        }
    }
}
