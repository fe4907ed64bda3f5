extension NumberingPlan {
    /// A national number with its trunk prefix (and any carrier code) taken off.
    struct NationalPrefixRemoval: Sendable, Hashable {
        /// The national number that remains.
        let number: String
        /// The step to report.
        let step: PhoneRepairStep
    }

    /// `number` without the trunk prefix or carrier code the plan allows before national numbers,
    /// or nil when there is none to take off. Follows libphonenumber's
    /// `_maybe_strip_national_prefix_carrier_code`: a number that fits the general pattern keeps
    /// its prefix unless the rest fits it too.
    func removingNationalPrefix(from number: String) -> NationalPrefixRemoval? {
        guard !number.isEmpty, let nationalPrefixForParsing,
            let match = nationalPrefixForParsing.match(number)
        else { return nil }
        let viable = isViable(number)
        let rest = String(number.dropFirst(match.length))
        if let rule = nationalPrefixTransformRule, !rule.isEmpty, match.captures.last.flatMap({ $0 }) != nil {
            let transformed = match.expand(rule) + rest
            if transformed == number || (viable && !isViable(transformed)) { return nil }
            let kept = Self.commonSuffixLength(number, transformed)
            let step = PhoneRepairStep.replacedNationalPrefix(
                removed: String(number.dropLast(kept)), added: String(transformed.dropLast(kept)), regionCode: regionCode)
            return NationalPrefixRemoval(number: transformed, step: step)
        }
        // An optional prefix (Argentina's "0?…") can match nothing: then nothing is taken off.
        if match.length == 0 || (viable && !isViable(rest)) { return nil }
        let removed = String(number.prefix(match.length))
        let step: PhoneRepairStep =
            removed == nationalPrefix
            ? .removedTrunkPrefix(removed) : .replacedNationalPrefix(removed: removed, added: "", regionCode: regionCode)
        return NationalPrefixRemoval(number: rest, step: step)
    }

    /// How many digits at the end of `a` and `b` are the same.
    private static func commonSuffixLength(_ a: String, _ b: String) -> Int {
        zip(a.reversed(), b.reversed()).prefix { $0 == $1 }.count
    }
}
