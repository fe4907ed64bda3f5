import Campaigns
import Foundation
import Hummingbird

/// Erasure requests under `/api/erasures`: anyone at work files one (an agent on the call, an
/// administrator, a supervisor); a supervisor other than the one who filed it confirms or
/// rejects it; the one who filed it or a supervisor may undo it while it is pending.
struct ErasureAPI: Sendable {
    let store: ErasureStore

    struct NewRequest: Decodable {
        let contact: Int
        let reason: String
    }

    struct Note: Decodable {
        let reason: String?
    }

    func register(on api: RouteGroup) {
        let anyone = Access.only(.administrator, .supervisor, .agent)
        let supervisors = Access.only(.supervisor)
        api.post(
            "erasures", anyone,
            doc: .create("Files a request to erase a contact's data; the contact leaves every queue", body: .reference("NewErasureRequest"), .reference("ErasureEntry"))
        ) { request, context in
            let body = try await request.json(NewRequest.self, context: context)
            let filed = try await store.request(contactID: body.contact, reason: body.reason, actor: context.actor)
            return EditedResponse(status: .created, response: Reply(try await store.find(id: filed.id)))
        }
        api.get(
            "erasures", supervisors,
            doc: .read("Erasure requests, pending by default", APISchemas.list("ErasureEntry"), query: [.init("status", "Which", schema: .oneOf(["pending", "undone", "confirmed", "rejected", "all"]))])
        ) { request, _ in
            let status = try request.uri.queryParameters.get("status").map(Self.status)
            return Reply(try await store.list(status: request.uri.queryParameters.get("status") == "all" ? nil : status ?? .pending))
        }
        api.get("erasures/:id", supervisors, doc: .read("An erasure request", .reference("ErasureEntry"))) { _, context in Reply(try await store.find(id: try context.parameters.require("id", as: Int.self))) }
        api.post("erasures/:id/undo", anyone, doc: .change("Undoes a pending request (its filer or a supervisor)", .reference("ErasureEntry"))) { _, context in try await decide(.undo, note: nil, context) }
        api.post(
            "erasures/:id/confirm", supervisors,
            doc: .change("Confirms a request (a supervisor other than its filer): the person's data is destroyed", .reference("ErasureEntry"))
        ) { _, context in try await decide(.confirm, note: nil, context) }
        api.post(
            "erasures/:id/reject", supervisors,
            doc: .change("Rejects a request (a supervisor other than its filer), saying why", body: .reference("ErasureNote"), .reference("ErasureEntry"))
        ) { request, context in
            try await decide(.reject, note: try await request.json(Note.self, context: context).reason, context)
        }
        api.get(
            "erasures/:id/certificate", supervisors,
            doc: APIOperation(
                "The written confirmation of deletion for the person", query: [.init("language", "Default pl", schema: .oneOf(["pl", "en"]))],
                responses: [200: .text])
        ) { request, context in
            let entry = try await store.find(id: try context.parameters.require("id", as: Int.self))
            guard let certificate = ErasureCertificate(entry) else {
                throw ErasureError.alreadyDecided(id: entry.request.id, status: entry.request.status)
            }
            let language = request.uri.queryParameters.get("language").flatMap(ErasureCertificate.Language.init(rawValue:)) ?? .pl
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: certificate.plainText(language))))
        }
    }

    private func decide(_ decision: ErasureRequest.Decision, note: String?, _ context: SwitchboardContext) async throws -> Reply<ErasureStore.Entry> {
        let id = try context.parameters.require("id", as: Int.self)
        return Reply(try await store.decide(id, decision, note: note, by: context.actor, roles: context.identity?.member.roles ?? []))
    }

    static func status(_ text: String) throws -> ErasureRequest.Status? {
        if text == "all" { return nil }
        guard let status = ErasureRequest.Status(rawValue: text) else {
            throw RequestError.badParameter(name: "status", expected: "pending, undone, confirmed, rejected or all")
        }
        return status
    }
}
