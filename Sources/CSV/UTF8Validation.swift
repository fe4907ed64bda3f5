/// A UTF-8 check that says where the first bad byte is, and forgives a sequence cut off by the
/// end of a sample (Unicode 15, table 3-7: well-formed byte sequences).
struct UTF8Validation {
    /// Offset of the first byte that cannot be part of well-formed UTF-8, or nil.
    var firstInvalidOffset: Int?
    /// Characters of two to four bytes seen before the end or the first error.
    var multiByteCount = 0
    /// The bytes end inside a sequence that was well-formed so far.
    var endsInsideSequence = false

    var isValid: Bool { firstInvalidOffset == nil }

    init(_ bytes: some Collection<UInt8>) {
        var offset = 0
        var remaining = 0          // continuation bytes still expected
        var lower: UInt8 = 0x80    // allowed range of the next continuation byte
        var upper: UInt8 = 0xBF
        var sequenceStart = 0
        for byte in bytes {
            if remaining > 0 {
                guard byte >= lower && byte <= upper else {
                    firstInvalidOffset = sequenceStart
                    return
                }
                lower = 0x80
                upper = 0xBF
                remaining -= 1
                if remaining == 0 { multiByteCount += 1 }
            } else if byte >= 0x80 {
                sequenceStart = offset
                switch byte {
                case 0xC2...0xDF: remaining = 1
                case 0xE0: remaining = 2; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: remaining = 2
                case 0xED: remaining = 2; upper = 0x9F
                case 0xF0: remaining = 3; lower = 0x90
                case 0xF1...0xF3: remaining = 3
                case 0xF4: remaining = 3; upper = 0x8F
                default:
                    firstInvalidOffset = offset
                    return
                }
            }
            offset += 1
        }
        endsInsideSequence = remaining > 0
    }
}
