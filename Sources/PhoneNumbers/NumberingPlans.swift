import Foundation
import Synchronization

/// Every numbering plan libphonenumber knows, read once from `PhoneMetadata.json`; each plan's
/// patterns are compiled the first time a number of that region is parsed, then kept.
///
/// Safe to share between threads: the file's data is immutable and the compiled plans sit
/// behind a mutex.
final class NumberingPlans: Sendable {
    /// The plans shipped with the program, read on first use.
    static let shipped: Result<NumberingPlans, PhoneMetadataError> = Result {
        guard let url = Bundle.module.url(forResource: "PhoneMetadata", withExtension: "json") else {
            throw PhoneMetadataError.unreadable("PhoneMetadata.json is missing from the Campaigns resources")
        }
        return NumberingPlans(try JSONDecoder().decode(PhoneMetadataFile.self, from: Data(contentsOf: url)))
    }.mapError { error in
        error as? PhoneMetadataError ?? .unreadable(String(describing: error))
    }

    private let file: PhoneMetadataFile
    /// Each calling code's regions, the main region first; "001" marks a non-geographic code.
    private let regionCodesByCountryCode: [Int: [String]]
    private let compiled = Mutex<[String: Result<NumberingPlan, PhoneMetadataError>]>([:])

    init(_ file: PhoneMetadataFile) {
        self.file = file
        var codes: [Int: [String]] = [:]
        for (code, regions) in file.countryCodes {
            if let code = Int(code) { codes[code] = regions }
        }
        regionCodesByCountryCode = codes
    }

    /// Where the data came from ("phonenumbers 9.0.43").
    var source: String { file.source }

    /// Every region code with a plan.
    var regionCodes: [String] { file.regions.keys.sorted() }

    /// The regions that use `countryCode`, the main one first ("001" for a non-geographic
    /// code); nil when no region uses it.
    func regionCodes(forCountryCode countryCode: Int) -> [String]? {
        regionCodesByCountryCode[countryCode]
    }

    /// The plan of `regionCode` ("PL"); nil when there is no such region.
    func plan(forRegion regionCode: String) -> Result<NumberingPlan, PhoneMetadataError>? {
        guard let region = file.regions[regionCode] else { return nil }
        return plan(regionCode) {
            guard let zone = region.timeZone, file.timeZones.indices.contains(zone) else {
                throw PhoneMetadataError.unreadable("the plan of \(regionCode) names no time zone")
            }
            let zones = RegionTimeZones(
                regionZone: file.timeZones[zone],
                prefixes: file.timeZonePrefixes[String(region.countryCode)] ?? [:],
                names: file.timeZones)
            return try NumberingPlan(regionCode: regionCode, region: region, timeZones: zones)
        }
    }

    /// The cached plan for `key`, compiling it with `make` the first time. Compiling happens
    /// outside the lock; if two threads race, the first plan stored wins.
    private func plan(
        _ key: String, make: () throws -> NumberingPlan
    ) -> Result<NumberingPlan, PhoneMetadataError> {
        if let cached = compiled.withLock({ $0[key] }) { return cached }
        let made = Result { try make() }.mapError { error in
            error as? PhoneMetadataError ?? .unreadable(String(describing: error))
        }
        return compiled.withLock { plans in
            if let cached = plans[key] { return cached }
            plans[key] = made
            return made
        }
    }
}
