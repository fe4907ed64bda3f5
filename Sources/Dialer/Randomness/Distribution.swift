import Foundation

/// A positive duration, in seconds, drawn from a log-normal distribution given by its mean
/// and standard deviation (as call-centre statistics are usually reported), with a floor.
public struct DurationDistribution: Sendable, Hashable, Codable {
    public var mean: Double
    public var deviation: Double
    public var minimum: Double

    public init(mean: Double, deviation: Double, minimum: Double = 0) {
        self.mean = mean
        self.deviation = deviation
        self.minimum = minimum
    }

    /// A fixed duration.
    public static func constant(_ seconds: Double) -> DurationDistribution {
        DurationDistribution(mean: seconds, deviation: 0, minimum: seconds)
    }

    public func sample(_ generator: inout SeededGenerator) -> Double {
        guard deviation > 0, mean > 0 else { return max(mean, minimum) }
        // The log-normal's own parameters, from the mean and deviation of the durations.
        let variance = log(1 + (deviation * deviation) / (mean * mean))
        let mu = log(mean) - variance / 2
        return max(minimum, exp(mu + variance.squareRoot() * Self.standardNormal(&generator)))
    }

    /// Box–Muller.
    static func standardNormal(_ generator: inout SeededGenerator) -> Double {
        let u1 = max(generator.unit(), .leastNonzeroMagnitude)
        let u2 = generator.unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}

extension SeededGenerator {
    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An index chosen with probability proportional to its weight.
    public mutating func pick(weights: [Double]) -> Int {
        let total = weights.reduce(0) { $0 + max(0, $1) }
        guard total > 0 else { return Int(next() % UInt64(max(1, weights.count))) }
        var target = unit() * total
        for (index, weight) in weights.enumerated() {
            target -= max(0, weight)
            if target < 0 { return index }
        }
        return weights.count - 1
    }
}
