/// A single byte range asked for with `Range: bytes=…` (RFC 9110 §14.1.2), so that a browser's
/// audio player can seek in a recording without fetching all of it.
enum ByteRange: Equatable {
    /// `bytes=first-` or `bytes=first-last`.
    case from(Int, through: Int?)
    /// `bytes=-count`: the last `count` bytes.
    case suffix(Int)

    /// The range a header asks for; nil for a header this server ignores (another unit,
    /// several ranges, or nonsense), which RFC 9110 answers with the whole file.
    init?(header: String) {
        guard header.hasPrefix("bytes="), !header.contains(",") else { return nil }
        let bounds = header.dropFirst("bytes=".count).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard bounds.count == 2 else { return nil }
        let first = bounds[0], last = bounds[1]
        switch (Int(first), Int(last)) {
        case (let first?, nil) where last.isEmpty && first >= 0: self = .from(first, through: nil)
        case (let first?, let last?) where first >= 0 && last >= first: self = .from(first, through: last)
        case (nil, let count?) where first.isEmpty && count > 0: self = .suffix(count)
        default: return nil
        }
    }

    /// The bytes of a file of `size` bytes this range covers; nil when it covers none
    /// (416 Range Not Satisfiable).
    func bytes(ofFileSized size: Int) -> ClosedRange<Int>? {
        switch self {
        case .from(let first, let last):
            guard first < size else { return nil }
            return first...min(last ?? size - 1, size - 1)
        case .suffix(let count):
            guard size > 0 else { return nil }
            return max(size - count, 0)...(size - 1)
        }
    }
}
