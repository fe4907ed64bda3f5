/// What a prefix pattern matched at the start of a number of ASCII digits.
struct PrefixMatch: Sendable, Hashable {
    /// How many digits the match covers.
    let length: Int
    /// Group 0 (the whole match) and each capture group; nil for a group that took no part.
    let groups: [String?]

    /// The capture groups, without group 0.
    var captures: ArraySlice<String?> { groups.dropFirst() }

    /// `template` with `$1`…`$9` replaced by the groups (an absent group gives nothing).
    func expand(_ template: String) -> String {
        var result = ""
        var characters = template.makeIterator()
        while let character = characters.next() {
            guard character == "$" else {
                result.append(character)
                continue
            }
            guard let next = characters.next() else {
                result.append(character)
                break
            }
            if let index = next.wholeNumberValue, next.isASCII {
                if index < groups.count, let group = groups[index] { result += group }
            } else {
                result.append(character)
                result.append(next)
            }
        }
        return result
    }
}
