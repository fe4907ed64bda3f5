/// The two-digit starts a number pattern can match, worked out from the pattern by
/// `dev/generate-phone-metadata.py`: a number whose first two digits are not among them cannot
/// match, so its pattern need not run. Most numbers are told apart this way, without a regex.
struct LeadingPairs: Sendable, Hashable {
    /// Bit `10 * first + second` is set for each start; bits 0–63 here, 64–99 in `high`.
    private let low: UInt64
    private let high: UInt64

    /// Reads the file's hex form; nil if it is not hex of at most 100 bits.
    init?(hex: String) {
        let lowHex = hex.suffix(16)
        let highHex = hex.dropLast(16)
        guard let low = UInt64(lowHex, radix: 16), let high = highHex.isEmpty ? 0 : UInt64(highHex, radix: 16),
            high >> 36 == 0
        else { return nil }
        self.low = low
        self.high = high
    }

    /// Whether a number of ASCII digits starting like `number` may match; true when it has
    /// fewer than two digits.
    func admits(_ number: String) -> Bool {
        var digits = number.utf8.makeIterator()
        guard let first = digits.next(), let second = digits.next(), (0x30...0x39).contains(first),
            (0x30...0x39).contains(second)
        else { return true }
        let bit = Int(first - 0x30) * 10 + Int(second - 0x30)
        return bit < 64 ? low & (1 << UInt64(bit)) != 0 : high & (1 << UInt64(bit - 64)) != 0
    }
}
