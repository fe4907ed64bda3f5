import Campaigns
import Foundation
import HTTPTypes
import Hummingbird

/// Signing in and out, and changing one's password (forced when it expired or was reset).
///
/// The sign-in form has no session yet, so its CSRF token is a double-submit one: a random
/// value in a cookie of its own and in the form, which another site can neither read nor set.
/// Signing in always opens a new session (a session token a browser held before is never
/// promoted), and sets its cookie.
struct AccountPages: Sendable {
    let pages: PageRenderer
    let staff: StaffStore
    let sessions: SessionStore
    let cookie: SessionCookie
    let throttle: SignInThrottle

    static let signInCookie = "sb_signin"

    func register(on site: RouteGroup) {
        site.get("", .anyone) { _, context in
            guard let identity = context.identity else { return FailureMiddleware.redirect(to: "/sign-in") }
            return FailureMiddleware.redirect(to: identity.mustChangePassword ? "/password" : Navigation.home(for: identity.member))
        }
        site.get("sign-in", .anyone) { request, context in
            if let identity = context.identity { return FailureMiddleware.redirect(to: Navigation.home(for: identity.member)) }
            return try signInForm(request, context)
        }
        site.post("sign-in", .anyone) { request, context in try await signIn(request, context) }
        site.post("sign-out", .ownAccount) { _, context in
            if let session = context.identity?.session { try await sessions.end(session) }
            return FailureMiddleware.redirect(to: "/sign-in", cookies: [cookie.clearing()])
        }
        site.get("password", .ownAccount) { request, context in try passwordForm(request, context) }
        site.post("password", .ownAccount) { request, context in try await changePassword(request, context) }
        site.get("language/:code", .anyone) { request, context in
            let language = Language(rawValue: try context.parameters.require("code")) ?? .pl
            let back = Self.localPath(request.uri.queryParameters.get("back")) ?? "/"
            return FailureMiddleware.redirect(
                to: back, cookies: ["\(Language.cookie)=\(language.rawValue); Path=/; Max-Age=31536000; SameSite=Lax" + (cookie.secure ? "; Secure" : "")])
        }
    }

    // MARK: signing in

    private func signInForm(
        _ request: Request, _ context: SwitchboardContext, error: String? = nil, login: String = "", status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let token = SessionCookie.cookie(Self.signInCookie, in: request) ?? SessionStore.randomToken()
        var response = try pages.page(
            "sign-in", title: "signIn.title", request, context,
            ["signInToken": token, "next": Self.localPath(request.uri.queryParameters.get("next")) ?? "", "error": error ?? false, "login": login],
            status: status)
        response.headers.append(
            HTTPField(name: .setCookie, value: "\(Self.signInCookie)=\(token); Path=/sign-in; HttpOnly; SameSite=Strict" + (cookie.secure ? "; Secure" : "")))
        return response
    }

    private func signIn(_ request: Request, _ context: SwitchboardContext) async throws -> Response {
        let form = try await Self.form(request)
        let login = (form["login"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard let sent = form[CSRF.field], let expected = SessionCookie.cookie(Self.signInCookie, in: request), CSRF.matches(sent, expected)
        else { throw AccessError.csrfTokenMissing }
        let address = context.remoteAddress ?? "unknown"
        let words = pages.strings.table(Language.of(request))
        if let until = throttle.refusal(for: address) {
            let message = (words["error.access.too_many_sign_ins"] ?? "").replacingOccurrences(of: "{until}", with: Self.clock(until))
            var response = try signInForm(request, context, error: message, login: login, status: .tooManyRequests)
            response.headers[.retryAfter] = String(max(1, Int(until.timeIntervalSinceNow.rounded(.up))))
            return response
        }
        let signedIn: StaffStore.SignIn
        do {
            signedIn = try await staff.signIn(login: login, password: form["password"] ?? "", from: "web")
        } catch let error as StaffError {
            switch error {
            case .wrongCredentials, .locked: throttle.noteFailure(of: address)
            default: break
            }
            var message = words["error." + error.code] ?? error.description
            if case .locked(let until) = error { message = message.replacingOccurrences(of: "{until}", with: Self.clock(until)) }
            return try signInForm(request, context, error: message, login: login, status: APIFailure.status(of: error.kind))
        }
        let (token, session) = try await sessions.open(for: signedIn)
        let next = session.mustChangePassword ? "/password" : Self.localPath(form["next"]) ?? Navigation.home(for: session.member)
        return FailureMiddleware.redirect(
            to: next, cookies: [cookie.setting(token), "\(Self.signInCookie)=; Path=/sign-in; Max-Age=0; HttpOnly; SameSite=Strict"])
    }

    // MARK: the password

    private func passwordForm(
        _ request: Request, _ context: SwitchboardContext, errors: [String] = [], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let forced = context.identity?.mustChangePassword ?? false
        let words = pages.strings.table(Language.of(request))
        let rules = PasswordPolicy.Rule.allCases.filter { $0 != .tooLong }.map { words["password.rule.\($0.rawValue)"] ?? $0.rawValue }
        return try pages.page(
            "password", title: "password.title", request, context,
            ["forced": forced, "errors": errors, "hasErrors": !errors.isEmpty, "rules": rules, "changed": request.uri.queryParameters.get("changed") != nil],
            status: status)
    }

    private func changePassword(_ request: Request, _ context: SwitchboardContext) async throws -> Response {
        guard let identity = context.identity else { throw AccessError.unauthenticated }
        let form = try await Self.form(request)
        let words = pages.strings.table(Language.of(request))
        guard let new = form["new"], new == form["confirm"] else {
            return try passwordForm(request, context, errors: [words["password.mismatch"] ?? "the new passwords differ"], status: .unprocessableContent)
        }
        do {
            try await staff.changePassword(
                of: identity.member.login, to: new, .bySelf(current: form["current"] ?? ""), actor: identity.member.actor,
                keeping: identity.session?.id)
        } catch let error as StaffError {
            let errors: [String] =
                if case .weakPassword(let rules) = error {
                    rules.map { words["password.rule.\($0.rawValue)"] ?? $0.rawValue }
                } else {
                    [words["error." + error.code] ?? error.description]
                }
            return try passwordForm(request, context, errors: errors, status: APIFailure.status(of: error.kind))
        }
        return FailureMiddleware.redirect(to: "/password?changed=1")
    }

    // MARK: forms

    /// The fields of a posted form (already read by `CSRF` when it had to look for the token).
    static func form(_ request: Request) async throws -> FormFields {
        FormFields(String(buffer: try await request.body.collect(upTo: CSRF.maximumFormBytes)))
    }

    /// `14:05`, in Warsaw time: when a lock ends.
    static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm"
        formatter.timeZone = TimeZone(identifier: "Europe/Warsaw")
        return formatter.string(from: date)
    }

    /// A path on this site to go back to: `/something`, never `//elsewhere` or a full URL.
    static func localPath(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\") else { return nil }
        return text
    }
}
