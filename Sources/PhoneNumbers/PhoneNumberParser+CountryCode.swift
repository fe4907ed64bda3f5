extension PhoneNumberParser {
    /// A cell's digits split into a country calling code and a national number.
    struct CountryCodeSplit: Sendable, Hashable {
        let countryCode: Int
        /// Whether no country code was written, so the number is read by the default region's plan.
        var isNational = false
        let nationalNumber: String
        /// How the country code was reached, for the repair report.
        let steps: [PhoneRepairStep]
    }

    /// Finds the country calling code as libphonenumber's `_maybe_extract_country_code` does:
    /// after a "+", after the default region's international prefix ("0048"), written without
    /// "+" ("48 601 234 567", kept only when the number is not a national number as it stands),
    /// or else the default region's.
    func splitCountryCode(_ digits: String, hasPlus: Bool) throws(PhoneNumberError) -> CountryCodeSplit {
        if hasPlus {
            if let split = try internationalSplit(digits, steps: { _ in [] }) { return split }
            // "+0048…": a "+" written before the international prefix.
            if let prefix = internationalPrefix(of: digits),
                let split = try internationalSplit(
                    String(digits.dropFirst(prefix.count)),
                    steps: { code in [.removedPlusBeforeInternationalPrefix(prefix: prefix, countryCode: code)] })
            {
                return split
            }
            throw .unknownCountryCallingCode
        }
        if let prefix = internationalPrefix(of: digits) {
            let rest = String(digits.dropFirst(prefix.count))
            if let split = try internationalSplit(
                rest, steps: { code in [.replacedInternationalPrefix(prefix: prefix, countryCode: code)] })
            {
                return split
            }
            throw .unknownCountryCallingCode
        }
        if let split = defaultCountryCodeWithoutPlus(digits) { return split }
        return CountryCodeSplit(
            countryCode: defaultPlan.countryCode, isNational: true, nationalNumber: digits,
            steps: [.addedCountryCode(countryCode: defaultPlan.countryCode, regionCode: defaultPlan.regionCode)])
    }

    /// The default region's international prefix at the start of `digits`, unless a "0"
    /// follows it (no country calling code starts with 0).
    private func internationalPrefix(of digits: String) -> String? {
        guard let length = defaultPlan.internationalPrefix?.matchedLength(digits) else { return nil }
        if digits.dropFirst(length).first == "0" { return nil }
        return String(digits.prefix(length))
    }

    /// `digits` read as a country calling code and a national number, or nil when they start
    /// with no known calling code; throws when too few digits are left to tell. `steps` says,
    /// given the calling code, how it was reached.
    private func internationalSplit(
        _ digits: String, steps: (Int) -> [PhoneRepairStep]
    ) throws(PhoneNumberError) -> CountryCodeSplit? {
        guard let (code, national) = countryCode(atStartOf: digits) else {
            if digits.utf8.count <= 2 { throw .tooShort(regionCode: nil) }
            return nil
        }
        if digits.utf8.count <= 2 { throw .tooShort(regionCode: plans.regionCodes(forCountryCode: code)?.first) }
        return CountryCodeSplit(countryCode: code, nationalNumber: national, steps: steps(code))
    }

    /// The known calling code of one to three digits that `digits` starts with, and the rest.
    private func countryCode(atStartOf digits: String) -> (Int, String)? {
        guard let first = digits.first, first != "0" else { return nil }
        for length in 1...min(3, digits.utf8.count) {
            if let code = Int(digits.prefix(length)), plans.regionCodes(forCountryCode: code) != nil {
                return (code, String(digits.dropFirst(length)))
            }
        }
        return nil
    }

    /// "48 601 234 567" read as +48 601 234 567 when the digits do not fit the default plan as
    /// they stand but do without the leading country code, or are too long for it.
    private func defaultCountryCodeWithoutPlus(_ digits: String) -> CountryCodeSplit? {
        let code = String(defaultPlan.countryCode)
        guard digits.hasPrefix(code) else { return nil }
        var national = String(digits.dropFirst(code.utf8.count))
        var steps: [PhoneRepairStep] = [.addedPlus(countryCode: defaultPlan.countryCode)]
        if let removal = defaultPlan.removingNationalPrefix(from: national) {
            national = removal.number
            steps.append(removal.step)
        }
        guard (!defaultPlan.isViable(digits) && defaultPlan.isViable(national))
            || defaultPlan.checkLength(digits) == .tooLong
        else { return nil }
        return CountryCodeSplit(countryCode: defaultPlan.countryCode, nationalNumber: national, steps: steps)
    }
}
