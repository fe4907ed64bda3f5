extension PhoneNumberParser {
    /// Longest national significant number libphonenumber accepts.
    static let longestNationalNumber = 17

    /// The plan whose rules read a number of `countryCode`: its main region's (Poland's for 48,
    /// the United States' for 1).
    func mainPlan(forCountryCode countryCode: Int) throws(PhoneNumberError) -> NumberingPlan {
        if countryCode == defaultPlan.countryCode,
            plans.regionCodes(forCountryCode: countryCode)?.first == defaultPlan.regionCode
        {
            return defaultPlan
        }
        guard let regions = plans.regionCodes(forCountryCode: countryCode), let main = regions.first else {
            throw .unknownCountryCallingCode
        }
        return try plan(forRegion: main, countryCode: countryCode)
    }

    /// The number `national` is, once checked against the plan of the region it belongs to
    /// (`readingPlan` is the plan that read it: the default region's or the calling code's main
    /// region's). A stray leading 0 is dropped where the plan has no trunk prefix and only that makes the
    /// number valid.
    func identify(
        _ national: String, countryCode: Int, readingPlan: NumberingPlan, steps: inout [PhoneRepairStep]
    ) throws(PhoneNumberError) -> PhoneNumber {
        if national.utf8.count > Self.longestNationalNumber { throw .tooLong(regionCode: readingPlan.regionCode) }
        do {
            return try validNumber(national, countryCode: countryCode, readingPlan: readingPlan)
        } catch {
            guard national.hasPrefix("0"), readingPlan.nationalPrefixForParsing == nil,
                let number = try? validNumber(String(national.dropFirst()), countryCode: countryCode, readingPlan: readingPlan)
            else { throw error }
            steps.append(.removedStrayZero(regionCode: number.regionCode))
            return number
        }
    }

    /// `national` as a number of the region of `countryCode` whose ranges include it, as
    /// libphonenumber's `region_code_for_number` and `number_type` decide.
    private func validNumber(
        _ national: String, countryCode: Int, readingPlan: NumberingPlan
    ) throws(PhoneNumberError) -> PhoneNumber {
        let regions = plans.regionCodes(forCountryCode: countryCode) ?? []
        var found: NumberingPlan?
        if regions.count <= 1 {
            found = readingPlan
        } else {
            for region in regions {
                let plan = region == readingPlan.regionCode ? readingPlan : try plan(forRegion: region, countryCode: countryCode)
                if let leadingDigits = plan.leadingDigits {
                    if leadingDigits.matches(national) {
                        found = plan
                        break
                    }
                } else if plan.lineType(of: national) != nil {
                    found = plan
                    break
                }
            }
        }
        guard let plan = found, let lineType = plan.lineType(of: national) else {
            // Like libphonenumber's `is_possible_number_with_reason`, judge the length by the
            // calling code's main region (the US for all of +1).
            throw rejection(of: national, by: try mainPlan(forCountryCode: countryCode))
        }
        return PhoneNumber(
            regionCode: plan.regionCode, countryCode: countryCode, nationalNumber: national, lineType: lineType,
            timeZone: plan.timeZones.zone(for: national))
    }

    /// Why `national` is not a number of `plan`: its length if that rules it out, else its digits.
    private func rejection(of national: String, by plan: NumberingPlan) -> PhoneNumberError {
        switch plan.checkLength(national) {
        case .tooShort: .tooShort(regionCode: plan.regionCode)
        case .tooLong: .tooLong(regionCode: plan.regionCode)
        case .localOnly: .localOnly(regionCode: plan.regionCode)
        case .invalidLength: .impossibleLength(regionCode: plan.regionCode)
        case .possible: .invalidForRegion(regionCode: plan.regionCode)
        }
    }

    /// The plan of `region`, whose numbers use `countryCode`; "001" marks a non-geographic service.
    private func plan(forRegion region: String, countryCode: Int) throws(PhoneNumberError) -> NumberingPlan {
        if region == "001" { throw .nonGeographic(countryCode: countryCode) }
        switch plans.plan(forRegion: region) {
        case .success(let plan): return plan
        case .failure, nil: throw .numberingPlanUnavailable(regionCode: region)
        }
    }
}
