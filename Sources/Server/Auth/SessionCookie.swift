import Foundation
import Hummingbird

/// The session's cookie: `HttpOnly` (scripts cannot read it), `SameSite=Lax` (other sites'
/// forms do not carry it), `Secure` when the server speaks TLS, for the whole site.
struct SessionCookie: Sendable {
    static let name = "sb_session"
    /// Whether the server is reached over TLS: then the cookie travels only over TLS.
    let secure: Bool

    /// The cookie that carries a new session's token.
    func setting(_ token: String) -> String {
        "\(Self.name)=\(token); Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }

    /// The cookie that clears it, at sign-out.
    func clearing() -> String {
        "\(Self.name)=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" + (secure ? "; Secure" : "")
    }

    /// The token the request's cookie carries, if any.
    static func token(in request: Request) -> String? {
        cookie(name, in: request)
    }

    /// A cookie's value from the request's `Cookie` headers.
    static func cookie(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0] == name { return String(parts[1]) }
            }
        }
        return nil
    }
}
