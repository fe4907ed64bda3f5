/// The time zones of one region's numbers: libphonenumber's zone per number prefix, resolved
/// for the region, with the region's own zone where no prefix is known.
///
/// Where a prefix lists several zones (all of +1, all of +7), the region's own zone is taken if
/// it is among them, else the first.
struct RegionTimeZones: Sendable {
    /// The zone of the region's numbers when no prefix says otherwise.
    let regionZone: String
    /// Zones by national-number prefix ("" is the whole calling code).
    private let zonesByPrefix: [String: String]
    private let longestPrefix: Int

    init(regionZone: String, prefixes: [String: [Int]], names: [String]) {
        self.regionZone = regionZone
        var zones: [String: String] = [:]
        for (prefix, indices) in prefixes {
            let candidates = indices.compactMap { names.indices.contains($0) ? names[$0] : nil }
            guard let first = candidates.first else { continue }
            zones[prefix] = candidates.contains(regionZone) ? regionZone : first
        }
        zonesByPrefix = zones
        longestPrefix = zones.keys.map(\.count).max() ?? 0
    }

    /// The zone of the number whose national significant number is `nationalNumber`.
    func zone(for nationalNumber: String) -> String {
        guard !zonesByPrefix.isEmpty else { return regionZone }
        var length = min(longestPrefix, nationalNumber.utf8.count)
        while length >= 0 {
            if let zone = zonesByPrefix[String(nationalNumber.prefix(length))] { return zone }
            length -= 1
        }
        return regionZone
    }
}
