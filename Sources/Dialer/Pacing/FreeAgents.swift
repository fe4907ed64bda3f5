/// How many agents will be free in a moment: those free now (less the answered calls already
/// waiting for them), plus each busy agent who ends their call in time with their own chance.
struct FreeAgents: Sendable {
    let ready: Int
    /// h[j] = E[max(0, j − S)] for the number S of busy agents released, j = 0 … count.
    private let shortfall: [Double]

    init(ready: Int, releases: [Double]) {
        self.ready = ready
        // The distribution of S, a sum of Bernoulli variables, by convolution.
        var distribution = [1.0]
        for chance in releases {
            var next = [Double](repeating: 0, count: distribution.count + 1)
            for (count, probability) in distribution.enumerated() {
                next[count] += probability * (1 - chance)
                next[count + 1] += probability * chance
            }
            distribution = next
        }
        // h[j + 1] = h[j] + P(S ≤ j).
        var shortfall = [0.0]
        var cumulative = 0.0
        for probability in distribution {
            cumulative += probability
            shortfall.append(shortfall[shortfall.count - 1] + cumulative)
        }
        self.shortfall = shortfall
    }

    /// E[max(0, k − F)]: the answers expected to find no free agent when `k` arrive.
    func expectedShortfall(answers k: Int) -> Double {
        let j = k - ready
        guard j > 0 else { return 0 }
        if j < shortfall.count { return shortfall[j] }
        // Beyond every busy agent released, each further answer adds one.
        return shortfall[shortfall.count - 1] + Double(j - shortfall.count + 1)
    }
}
