import Foundation
import Hummingbird

/// The pages' languages: Polish by default, English when the browser prefers it or the person
/// chose it with the switch at the foot of every page (remembered in a cookie).
public enum Language: String, Sendable, CaseIterable {
    case pl, en

    static let cookie = "sb_lang"

    /// The chosen language, else the browser's first one we speak, else Polish.
    static func of(_ request: Request) -> Language {
        if let chosen = SessionCookie.cookie(cookie, in: request).flatMap(Language.init(rawValue:)) { return chosen }
        let preferred = (request.headers[.acceptLanguage] ?? "").split(separator: ",").map { range in
            range.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        }
        for tag in preferred {
            if let language = Language(rawValue: String(tag.prefix(2))) { return language }
        }
        return .pl
    }
}
