import Campaigns
import Foundation
import Hummingbird

extension AdminAPI {
    struct NewConsentType: Decodable {
        let code: String
        let title: String
        let purpose: ConsentPurpose
        let text: String
    }

    struct NewText: Decodable {
        let text: String
    }

    struct LedgerEntry: Decodable {
        let code: String
        let granted: Bool
        let channel: ConsentChannel?
        let proof: [String: String]?
        let expiresAt: Date?
    }

    func registerConsents(on api: RouteGroup) {
        api.get("consent-types", .only(.administrator, .supervisor, .agent), doc: .read("Consent types with their latest texts", APISchemas.list("ConsentType"))) { _, _ in Reply(try await ConsentStore(database).all()) }
        api.post(
            "consent-types", .only(.administrator),
            doc: .create("Defines a consent type with the first version of its text", body: .reference("NewConsentType"), .reference("ConsentType"))
        ) { request, context in
            let body = try await request.json(NewConsentType.self, context: context)
            return EditedResponse(
                status: .created,
                response: Reply(try await ConsentStore(database).define(
                    code: body.code, title: body.title, purpose: body.purpose, text: body.text, actor: context.actor)))
        }
        api.post(
            "consent-types/:code/versions", .only(.administrator),
            doc: .change("Records a new version of the consent's text", body: .reference("NewText"), .reference("ConsentType"))
        ) { request, context in
            let body = try await request.json(NewText.self, context: context)
            return Reply(try await ConsentStore(database).revise(code: try context.parameters.require("code"), text: body.text, actor: context.actor))
        }
        api.get("contacts/:id/consents", .only(.administrator, .supervisor), doc: .read("The contact's consent ledger, oldest first", APISchemas.list("ConsentEntry"))) { _, context in
            Reply(try await ConsentStore(database).history(contactID: try context.parameters.require("id", as: Int.self)))
        }
        api.post(
            "contacts/:id/consents", .only(.administrator),
            doc: .create("Records a grant or a withdrawal in the contact's ledger", body: .reference("LedgerEntry"), .reference("ConsentEntry"))
        ) { request, context in
            let contact = try context.parameters.require("id", as: Int.self)
            let body = try await request.json(LedgerEntry.self, context: context)
            let store = ConsentStore(database)
            guard let type = try await store.find(code: body.code) else { throw NotFound(.consentType, body.code) }
            let entry = ConsentEntry(
                contactID: contact, consentCode: type.code, version: type.version, granted: body.granted, channel: body.channel ?? .api,
                proof: body.proof ?? [:], recordedBy: context.actor, recordedAt: Date(), expiresAt: body.expiresAt)
            try await store.record([entry])
            return EditedResponse(status: .created, response: Reply(entry))
        }
    }
}
