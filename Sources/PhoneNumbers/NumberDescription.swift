/// The numbers of one type (or all numbers of a region), compiled: a whole-number pattern and
/// the lengths such numbers can have.
struct NumberDescription: Sendable {
    let pattern: NumberPattern
    /// Possible lengths, ascending; [-1] when the type has no numbers, empty when not given.
    let lengths: [Int]
    /// Lengths of numbers that can only be dialled locally.
    let localLengths: [Int]
    /// The first two digits the pattern allows; nil when it allows any.
    let leadingPairs: LeadingPairs?

    init(_ description: PhoneMetadataFile.Description) throws {
        pattern = try .whole(description.pattern)
        lengths = description.lengths.sorted()
        localLengths = (description.localLengths ?? []).sorted()
        if let hex = description.leadingPairs {
            guard let pairs = LeadingPairs(hex: hex) else {
                throw PhoneMetadataError.unreadable("“\(hex)” is not a set of leading digit pairs")
            }
            leadingPairs = pairs
        } else {
            leadingPairs = nil
        }
    }

    /// Whether `number` is one of these numbers: its length and first two digits first (cheap),
    /// then the pattern.
    func matches(_ number: String, length: Int) -> Bool {
        if !lengths.isEmpty && !lengths.contains(length) { return false }
        return fitsPattern(number)
    }

    /// Whether the pattern matches `number`, whatever its length.
    func fitsPattern(_ number: String) -> Bool {
        if let leadingPairs, !leadingPairs.admits(number) { return false }
        return pattern.matches(number)
    }

    /// How a number of `length` digits fits these lengths.
    func checkLength(_ length: Int) -> PhoneLengthCheck {
        guard let shortest = lengths.first, let longest = lengths.last, shortest != -1 else {
            return .invalidLength
        }
        if localLengths.contains(length) { return .localOnly }
        if length < shortest { return .tooShort }
        if length > longest { return .tooLong }
        return lengths.contains(length) ? .possible : .invalidLength
    }
}
