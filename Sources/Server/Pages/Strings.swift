import Foundation

/// The pages' words, one table per language, from `Strings/<language>.json` (flat keys such as
/// `signIn.title`). Both tables hold the same keys; a test sees to it.
public struct Strings: Sendable {
    let tables: [Language: [String: String]]

    /// The tables shipped with the server.
    static func bundled() throws -> Strings {
        var tables: [Language: [String: String]] = [:]
        for language in Language.allCases {
            guard let url = Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "Strings") else {
                throw PageError.missingResource("Strings/\(language.rawValue).json")
            }
            tables[language] = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        }
        return Strings(tables: tables)
    }

    public func table(_ language: Language) -> [String: String] {
        tables[language] ?? [:]
    }

    /// The table as nested dictionaries, as Mustache's dotted names read it: `signIn.title` is
    /// `{{t.signIn.title}}`.
    func nested(_ language: Language) -> [String: Any] {
        var root: [String: Any] = [:]
        for (key, text) in table(language) {
            Self.insert(text, at: key.split(separator: ".").map(String.init)[...], into: &root)
        }
        return root
    }

    private static func insert(_ text: String, at path: ArraySlice<String>, into node: inout [String: Any]) {
        guard let head = path.first else { return }
        if path.count == 1 {
            node[head] = text
            return
        }
        var child = node[head] as? [String: Any] ?? [:]
        insert(text, at: path.dropFirst(), into: &child)
        node[head] = child
    }

    /// The words for `key`, or the key itself when a table lacks it (so a gap shows, not a blank).
    public func text(_ key: String, in language: Language) -> String {
        table(language)[key] ?? key
    }
}
