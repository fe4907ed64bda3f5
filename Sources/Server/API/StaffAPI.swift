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
        api.get("staff", admin) { _, _ in Reply(try await staff.all()) }
        api.post("staff", admin) { request, context in
            let body = try await request.json(NewMember.self, context: context)
            let member = try await staff.add(
                login: body.login, displayName: body.displayName, roles: body.roles, password: body.password, reset: true, actor: context.actor)
            return EditedResponse(status: .created, response: Reply(member))
        }
        api.get("staff/:login", admin) { _, context in Reply(try await staff.named(try context.parameters.require("login"))) }
        api.post("staff/:login/roles", admin) { request, context in
            let body = try await request.json(Roles.self, context: context)
            return Reply(try await staff.setRoles(body.roles, of: try context.parameters.require("login"), actor: context.actor))
        }
        api.post("staff/:login/disable", admin) { _, context in
            Reply(try await staff.disable(try context.parameters.require("login"), actor: context.actor))
        }
        api.post("staff/:login/enable", admin) { _, context in
            Reply(try await staff.enable(try context.parameters.require("login"), actor: context.actor))
        }
        api.post("staff/:login/password", admin) { request, context in
            let body = try await request.json(NewPassword.self, context: context)
            try await staff.changePassword(of: try context.parameters.require("login"), to: body.password, .reset, actor: context.actor)
            return Response(status: .noContent)
        }
        api.get("staff/:login/tokens", admin) { _, context in Reply(try await tokens.list(login: try context.parameters.require("login"))) }
        api.post("staff/:login/tokens", admin) { request, context in
            try await issue(for: try context.parameters.require("login"), request, context)
        }
        api.post("tokens/:id/revoke", admin) { _, context in
            try await tokens.revoke(id: try context.parameters.require("id", as: Int.self), actor: context.actor)
            return Response(status: .noContent)
        }
        registerOwnAccount(on: api.group("me"))
    }

    private func registerOwnAccount(on me: RouteGroup) {
        me.get("", .ownAccount) { _, context in
            guard let identity = context.identity else { throw AccessError.unauthenticated }
            return Reply(Me(member: identity.member, mustChangePassword: identity.mustChangePassword, csrfToken: identity.session?.csrfToken))
        }
        me.post("password", .ownAccount) { request, context in
            guard let identity = context.identity else { throw AccessError.unauthenticated }
            let body = try await request.json(OwnPassword.self, context: context)
            try await staff.changePassword(
                of: identity.member.login, to: body.new, .bySelf(current: body.current), actor: identity.member.actor, keeping: identity.session?.id)
            return Response(status: .noContent)
        }
        let signedIn = Access.only(.administrator, .supervisor, .agent)
        me.get("tokens", signedIn) { _, context in Reply(try await tokens.list(login: context.identity?.member.login ?? "")) }
        me.post("tokens", signedIn) { request, context in try await issue(for: context.identity?.member.login ?? "", request, context) }
        me.post("tokens/:id/revoke", signedIn) { _, context in
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
