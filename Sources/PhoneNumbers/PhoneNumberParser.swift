/// Reads phone cells of imported contacts into E.164 numbers, or says why a cell holds none.
///
/// Numbers without a country code are read as numbers of the default region. Validity and line
/// type follow libphonenumber's numbering plans (shipped in `PhoneMetadata.json`), so a number
/// must fall in a range the plan assigns, not merely have the right length. Keypad letters are
/// refused. A parser is cheap to copy and safe to use from several threads at once.
public struct PhoneNumberParser: Sendable {
    /// More digits than this are no phone number however written: 17 for the longest national
    /// number, 3 for a country code, the rest for an international prefix such as "0011".
    static let mostDigits = 30

    let plans: NumberingPlans
    let defaultPlan: NumberingPlan

    /// A parser that reads numbers without a country code as numbers of `defaultRegion` (an ISO
    /// 3166 code such as "PL"); throws `PhoneMetadataError` for a region without a plan.
    public init(defaultRegion: String = "PL") throws {
        let plans = try NumberingPlans.shipped.get()
        guard let plan = plans.plan(forRegion: defaultRegion.uppercased()) else {
            throw PhoneMetadataError.unknownRegion(defaultRegion)
        }
        self.plans = plans
        self.defaultPlan = try plan.get()
    }

    /// The number `raw` holds and the changes made to reach E.164, or why it holds none.
    public func parse(_ raw: String) -> Result<PhoneNumberRepair, PhoneNumberError> {
        Result { () throws(PhoneNumberError) -> PhoneNumberRepair in
            let cell = try PhoneCell.read(raw).get()
            // An international prefix, a country code and the longest national number fit in this.
            guard cell.digits.count <= Self.mostDigits else { throw PhoneNumberError.tooLong(regionCode: nil) }
            var steps: [PhoneRepairStep] = []
            if !cell.separators.isEmpty { steps.append(.removedSeparators(cell.separators)) }
            if cell.convertedDigits { steps.append(.convertedDigits) }

            let split = try splitCountryCode(cell.number, hasPlus: cell.hasPlus)
            steps += split.steps
            // As in libphonenumber: a national number is read by the default region's rules (its
            // trunk prefix), an international one by those of its calling code's main region.
            let plan = split.isNational ? defaultPlan : try mainPlan(forCountryCode: split.countryCode)
            var national = split.nationalNumber
            guard national.utf8.count >= 2 else { throw PhoneNumberError.tooShort(regionCode: plan.regionCode) }
            if let removal = plan.removingNationalPrefix(from: national),
                ![.tooShort, .localOnly, .invalidLength].contains(plan.checkLength(removal.number))
            {
                national = removal.number
                steps.append(removal.step)
            }
            let number = try identify(national, countryCode: split.countryCode, readingPlan: plan, steps: &steps)
            return PhoneNumberRepair(raw: raw, number: number, changes: steps.map(\.description))
        }
    }
}
