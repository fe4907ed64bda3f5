import Foundation

/// The pages' words, one table per language, from the files `Strings/<area>.<language>.json`
/// (flat keys such as `signIn.title`; an area per file, so that pages of different areas do
/// not share one file). Both tables hold the same keys, and no key stands in two files; a test
/// sees to both.
public struct Strings: Sendable {
    let tables: [Language: [String: String]]

    /// The tables shipped with the server.
    static func bundled() throws -> Strings {
        guard let folder = Bundle.module.url(forResource: "Strings", withExtension: nil) else { throw PageError.missingResource("Strings") }
        var tables: [Language: [String: String]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".json") {
            let parts = name.dropLast(5).split(separator: ".")
            guard parts.count == 2, let language = Language(rawValue: String(parts[1])) else { continue }
            let words = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: folder.appending(path: name)))
            try tables[language, default: [:]].merge(words) { _, _ in throw PageError.duplicateWords(file: name) }
        }
        return Strings(tables: tables)
    }

    public func table(_ language: Language) -> [String: String] {
        tables[language] ?? [:]
    }

    /// The words for `key`, or the key itself when a table lacks it (so a gap shows, not a blank).
    public func text(_ key: String, in language: Language) -> String {
        table(language)[key] ?? key
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
}
