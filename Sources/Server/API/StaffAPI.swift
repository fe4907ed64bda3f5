import Campaigns
import Foundation
import Hummingbird

/// Staff accounts and API tokens under `/api/staff` (administrators), and a member's own
/// account under `/api/me`.
struct StaffAPI: Sendable {
    let staff: StaffStore
    let tokens: APITokenStore

    struct NewMember: Decodable {
        let login: String
        let displayName: String
        let roles: [Role]
        /// Set by the administrator: the member chooses their own at the first sign-in.
        let password: String
    }

    struct Roles: Decodable {
        let roles: [Role]
    }

    struct NewPassword: Decodable {
        let password: String
    }

    struct OwnPassword: Decodable {
        let current: String
        let new: String
    }

    struct NewToken: Decodable {
        let label: String?
    }

    /// A token as issued: the only answer that ever holds the token itself.
    struct IssuedToken: Encodable, Sendable {
        let token: String
        let record: APITokenStore.Token
    }

    struct Me: Encodable, Sendable {
        let member: StaffMember
        let mustChangePassword: Bool
        /// For the pages' scripts: the token their changes carry in `X-CSRF-Token`.
        let csrfToken: String?
    }

    func register(on api: RouteGroup) {
        let admin = Access.only(.administrator)
        api.get("staff", admin, doc: .read("Every member of staff", APISchemas.list("StaffMember"))) { _, _ in Reply(try await staff.all()) }
        api.post(
            "staff", admin,
            doc: .create("Adds a member with a first password they must change", body: .reference("NewMember"), .reference("StaffMember"))
        ) { request, context in
            let body = try await request.json(NewMember.self, context: context)
            let member = try await staff.add(
                login: body.login, displayName: body.displayName, roles: body.roles, password: body.password, reset: true, actor: context.actor)
            return EditedResponse(status: .created, response: Reply(member))
        }
        api.get("staff/:login", admin, doc: .read("A member of staff", .reference("StaffMember"))) { _, context in Reply(try await staff.named(try context.parameters.require("login"))) }
        api.post(
            "staff/:login/roles", admin, doc: .change("Gives the member exactly these roles", body: .reference("Roles"), .reference("StaffMember"))
        ) { request, context in
            let body = try await request.json(Roles.self, context: context)
            return Reply(try await staff.setRoles(body.roles, of: try context.parameters.require("login"), actor: context.actor))
        }
        api.post("staff/:login/disable", admin, doc: .change("Disables the account", .reference("StaffMember"))) { _, context in
            Reply(try await staff.disable(try context.parameters.require("login"), actor: context.actor))
        }
        api.post("staff/:login/enable", admin, doc: .change("Enables a disabled or locked account", .reference("StaffMember"))) { _, context in
            Reply(try await staff.enable(try context.parameters.require("login"), actor: context.actor))
        }
        api.post(
            "staff/:login/password", admin,
            doc: .change("Sets the member's password; they choose their own at the next sign-in", body: .reference("NewPassword"), nil)
        ) { request, context in
            let body = try await request.json(NewPassword.self, context: context)
            try await staff.changePassword(of: try context.parameters.require("login"), to: body.password, .reset, actor: context.actor)
            return Response(status: .noContent)
        }
        api.get("staff/:login/tokens", admin, doc: .read("The member's API tokens (never the tokens themselves)", APISchemas.list("Token"))) { _, context in Reply(try await tokens.list(login: try context.parameters.require("login"))) }
        api.post(
            "staff/:login/tokens", admin, doc: .create("Issues an API token for the member, shown once", body: .reference("NewToken"), .reference("IssuedToken"))
        ) { request, context in
            try await issue(for: try context.parameters.require("login"), request, context)
        }
        api.post("tokens/:id/revoke", admin, doc: .change("Revokes an API token at once", nil)) { _, context in
            try await tokens.revoke(id: try context.parameters.require("id", as: Int.self), actor: context.actor)
            return Response(status: .noContent)
        }
        registerOwnAccount(on: api.group("me"))
    }

    private func registerOwnAccount(on me: RouteGroup) {
        me.get("", .ownAccount, doc: .read("Who is asking, and the CSRF token of their session", .reference("Me"))) { _, context in
            guard let identity = context.identity else { throw AccessError.unauthenticated }
            return Reply(Me(member: identity.member, mustChangePassword: identity.mustChangePassword, csrfToken: identity.session?.csrfToken))
        }
        me.post(
            "password", .ownAccount, doc: .change("Changes one's own password, given the current one", body: .reference("OwnPassword"), nil)
        ) { request, context in
            guard let identity = context.identity else { throw AccessError.unauthenticated }
            let body = try await request.json(OwnPassword.self, context: context)
            try await staff.changePassword(
                of: identity.member.login, to: body.new, .bySelf(current: body.current), actor: identity.member.actor, keeping: identity.session?.id)
            return Response(status: .noContent)
        }
        let signedIn = Access.only(.administrator, .supervisor, .agent)
        me.get("tokens", signedIn, doc: .read("One's own API tokens", APISchemas.list("Token"))) { _, context in Reply(try await tokens.list(login: context.identity?.member.login ?? "")) }
        me.post("tokens", signedIn, doc: .create("Issues an API token for oneself, shown once", body: .reference("NewToken"), .reference("IssuedToken"))) {
            request, context in try await issue(for: context.identity?.member.login ?? "", request, context) }
        me.post("tokens/:id/revoke", signedIn, doc: .change("Revokes one of one's own API tokens", nil)) { _, context in
            try await tokens.revoke(
                id: try context.parameters.require("id", as: Int.self), of: context.identity?.member.login ?? "", actor: context.actor)
            return Response(status: .noContent)
        }
    }

    private func issue(for login: String, _ request: Request, _ context: SwitchboardContext) async throws -> EditedResponse<Reply<IssuedToken>> {
        let body = try await request.json(NewToken.self, context: context)
        let (token, record) = try await tokens.issue(for: login, label: body.label ?? "token", actor: context.actor)
        return EditedResponse(status: .created, response: Reply(IssuedToken(token: token, record: record)))
    }
}
