import Foundation

/// One of libphonenumber's patterns, compiled once, matched either against a whole national
/// number or against its start.
///
/// The patterns are Java regular expressions; NSRegularExpression (ICU) reads them unchanged.
struct NumberPattern: Sendable {
    private let expression: NSRegularExpression

    /// A pattern that must match the whole of a number.
    static func whole(_ pattern: String) throws -> NumberPattern {
        NumberPattern(expression: try NSRegularExpression(pattern: "\\A(?:" + pattern + ")\\z"))
    }

    /// A pattern that must match at the start of a number (a prefix, or leading digits).
    static func start(_ pattern: String) throws -> NumberPattern {
        NumberPattern(expression: try NSRegularExpression(pattern: "\\A(?:" + pattern + ")"))
    }

    /// Whether the pattern matches `number` (all of it for `whole`, its start for `start`).
    func matches(_ number: String) -> Bool {
        expression.rangeOfFirstMatch(in: number, range: NSRange(location: 0, length: number.utf16.count))
            .location != NSNotFound
    }

    /// How many digits at the start of `number` the pattern matches, or nil when it does not.
    func matchedLength(_ number: String) -> Int? {
        let range = expression.rangeOfFirstMatch(in: number, range: NSRange(location: 0, length: number.utf16.count))
        return range.location == NSNotFound ? nil : range.length
    }

    /// The match at the start of `number`, with its groups.
    func match(_ number: String) -> PrefixMatch? {
        guard let result = expression.firstMatch(in: number, range: NSRange(location: 0, length: number.utf16.count))
        else { return nil }
        let utf16 = Array(number.utf16)
        let groups: [String?] = (0..<result.numberOfRanges).map { index in
            let range = result.range(at: index)
            guard range.location != NSNotFound else { return nil }
            return String(decoding: utf16[range.location..<range.location + range.length], as: UTF16.self)
        }
        return PrefixMatch(length: result.range.length, groups: groups)
    }
}
