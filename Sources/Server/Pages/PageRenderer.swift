import Campaigns
import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// Renders the pages: Mustache templates from `Templates/` (every value escaped for HTML
/// unless a template says otherwise), in the request's language, inside the layout with the
/// navigation the signed-in member's roles allow. Every page carries headers that keep it to
/// its own origin: no script, style or frame from elsewhere.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    public let strings: Strings
    /// Each template's text, for `wordsUsed`.
    let sources: [String: String]

    /// The templates and words shipped with the server.
    static func bundled() throws -> PageRenderer {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw PageError.missingResource("Templates")
        }
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appending(path: name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(9)))
            sources[String(name.dropLast(9))] = text
        }
        return PageRenderer(library: library, strings: try Strings.bundled(), sources: sources)
    }

    /// The keys of the words the templates show (`{{t.signIn.title}}` is `signIn.title`).
    func wordsUsed() -> Set<String> {
        var keys: Set<String> = []
        for text in sources.values {
            var rest = text[...]
            while let start = rest.range(of: "{{t.") {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "}") else { break }
                keys.insert(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return keys
    }

    /// A page: `template` rendered with `values` and what every page shows.
    public func page(
        _ template: String, title: String, _ request: Request, _ context: SwitchboardContext, _ values: [String: Any] = [:],
        status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let language = Language.of(request)
        var view = common(title: title, request, context, language)
        view.merge(values) { _, page in page }
        guard let html = library.render(view, withTemplate: template) else { throw PageError.unknownTemplate(template) }
        return Response(status: status, headers: Self.headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// What the layout needs: the words, the member and their navigation, the CSRF token for forms.
    private func common(title: String, _ request: Request, _ context: SwitchboardContext, _ language: Language) -> [String: Any] {
        let words = strings.table(language)
        var view: [String: Any] = [
            "t": strings.nested(language), "lang": language.rawValue, "title": words[title] ?? title, "path": request.uri.path,
            "languages": Language.allCases.filter { $0 != language }.map { ["code": $0.rawValue, "name": words["language.\($0.rawValue)"] ?? $0.rawValue] },
        ]
        if let identity = context.identity {
            let member = identity.member
            view["me"] = ["name": member.displayName, "login": member.login]
            view["csrf"] = identity.session?.csrfToken ?? ""
            if !identity.mustChangePassword {
                view["nav"] = Navigation.items(for: member, at: request.uri.path).map { item in
                    ["href": item.href, "label": words[item.label] ?? item.label, "current": item.current]
                }
            }
        }
        return view
    }

    /// Only this server's own scripts, styles, images and media; no framing; no sniffing; pages
    /// with personal data are not cached.
    static let headers: HTTPFields = [
        .contentType: "text/html; charset=utf-8",
        .contentSecurityPolicy:
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        HTTPField.Name("Referrer-Policy")!: "same-origin",
        .cacheControl: "no-store",
    ]
}
