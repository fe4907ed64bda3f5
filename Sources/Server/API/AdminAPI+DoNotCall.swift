import Campaigns
import Foundation
import Hummingbird
import PhoneNumbers

extension AdminAPI {
    /// A number to list: a stored contact, or a number in the body (never in the URL).
    struct Listing: Decodable {
        let contact: Int?
        let phone: String?
        let reason: DoNotCallList.Reason?
    }

    struct Listed: Encodable, Sendable {
        let listed: Int
    }

    func registerDoNotCall(on api: RouteGroup) {
        api.get("dnc", .only(.administrator, .supervisor), doc: .read("How many numbers are on the do-not-call list", .reference("Listed"))) { _, _ in Reply(Listed(listed: try await DoNotCallList(database, vault: vault).count())) }
        api.post(
            "dnc", .only(.administrator, .supervisor),
            doc: .create("Lists a stored contact's number, or a number in the body (never in the URL)", body: .reference("Listing"), .reference("Listed"))
        ) { request, context in
            let body = try await request.json(Listing.self, context: context)
            let list = DoNotCallList(database, vault: vault)
            switch (body.contact, body.phone) {
            case (let contact?, nil):
                try await list.add(contactID: contact, reason: body.reason ?? .manual, actor: context.actor)
            case (nil, let phone?):
                switch try PhoneNumberParser().parse(phone) {
                case .success(let repair): try await list.add(phone: repair.number.e164, reason: body.reason ?? .manual, actor: context.actor)
                case .failure(let error): throw error
                }
            default:
                throw RequestError.eitherField("contact", or: "phone")
            }
            return EditedResponse(status: .created, response: Reply(Listed(listed: try await list.count())))
        }
    }
}
