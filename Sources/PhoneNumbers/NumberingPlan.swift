/// One region's numbering plan, with every pattern compiled. Made once per region, on first use, by `NumberingPlans`.
final class NumberingPlan: Sendable {
    /// The region's ISO code ("PL").
    let regionCode: String
    let countryCode: Int
    /// The prefix dialled to leave the country ("00" in Poland).
    let internationalPrefix: NumberPattern?
    /// The trunk prefix as written ("0" in Germany); nil where there is none (Poland).
    let nationalPrefix: String?
    /// What may stand before a national number: trunk prefix, carrier codes.
    let nationalPrefixForParsing: NumberPattern?
    /// The template that rewrites what `nationalPrefixForParsing` matched, where the plan has one.
    let nationalPrefixTransformRule: String?
    /// For a region that shares its calling code: the first digits of its numbers.
    let leadingDigits: NumberPattern?
    /// All numbers of the region; nil when the plan has none.
    let general: NumberDescription?
    /// The types tested before fixed line and mobile, in libphonenumber's order.
    let specialKinds: [(kind: NumberKind, description: NumberDescription)]
    let fixedLine: NumberDescription?
    let mobile: NumberDescription?
    /// Whether fixed-line and mobile numbers share one pattern (then every such number is
    /// "fixed or mobile").
    let fixedAndMobileAlike: Bool
    /// Zones of the region's numbers.
    let timeZones: RegionTimeZones

    /// Compiles `region`'s patterns; throws if one of them does not compile.
    init(regionCode: String, region: PhoneMetadataFile.Region, timeZones: RegionTimeZones) throws {
        self.regionCode = regionCode
        countryCode = region.countryCode
        internationalPrefix = try region.internationalPrefix.map(NumberPattern.start)
        nationalPrefix = region.nationalPrefix
        nationalPrefixForParsing = try region.nationalPrefixForParsing.map(NumberPattern.start)
        nationalPrefixTransformRule = region.nationalPrefixTransformRule
        leadingDigits = try region.leadingDigits.map(NumberPattern.start)
        general = try region.general.map(NumberDescription.init)
        var kinds: [(kind: NumberKind, description: NumberDescription)] = []
        for kind in NumberKind.allCases where kind != .fixedLine && kind != .mobile {
            if let description = region.types[kind.rawValue] {
                kinds.append((kind, try NumberDescription(description)))
            }
        }
        specialKinds = kinds
        let fixed = region.types[NumberKind.fixedLine.rawValue]
        let mobile = region.types[NumberKind.mobile.rawValue]
        fixedLine = try fixed.map(NumberDescription.init)
        self.mobile = try mobile.map(NumberDescription.init)
        fixedAndMobileAlike = fixed?.pattern == mobile?.pattern
        self.timeZones = timeZones
    }

    /// Whether the whole of `number` fits the general pattern (libphonenumber's "viable" number).
    func isViable(_ number: String) -> Bool {
        general?.fitsPattern(number) ?? false
    }

    /// How `number`'s length fits the plan.
    func checkLength(_ number: String) -> PhoneLengthCheck {
        general?.checkLength(number.utf8.count) ?? .invalidLength
    }
}
