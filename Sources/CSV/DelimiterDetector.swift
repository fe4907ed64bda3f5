/// Finds the delimiter that splits the first lines of a file into the most consistent number of
/// fields, reading quotes as `CSVReader` does (a delimiter inside a quoted field does not count).
public enum DelimiterDetector {
    /// How many records of the sample are weighed.
    static let recordsWeighed = 100

    /// The best delimiter, or nil when none splits most records into the same number (two or
    /// more) of fields.
    public static func detect(_ sample: some Collection<UInt8>) -> CSVDelimiter? {
        analyse(sample).best
    }

    struct Analysis {
        var best: CSVDelimiter?
        /// No candidate occurs outside quotes: the file has a single column.
        var isSingleColumn: Bool
    }

    static func analyse(_ sample: some Collection<UInt8>) -> Analysis {
        var best: (delimiter: CSVDelimiter, consistency: Double, fields: Int)?
        var isSingleColumn = true
        for delimiter in CSVDelimiter.allCases {
            let counts = fieldCounts(sample, delimiter: delimiter.rawValue)
            guard let widest = counts.max(), widest > 1 else { continue }
            isSingleColumn = false
            var frequency: [Int: Int] = [:]
            for count in counts { frequency[count, default: 0] += 1 }
            guard let mode = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), mode.key > 1
            else { continue }
            let consistency = Double(mode.value) / Double(counts.count)
            guard consistency >= 0.5 else { continue }
            if let current = best,
               (current.consistency, current.fields) >= (consistency, mode.key) { continue }
            best = (delimiter, consistency, mode.key)
        }
        return Analysis(best: best?.delimiter, isSingleColumn: isSingleColumn)
    }

    /// The number of fields of each non-blank record, over the first `recordsWeighed` records.
    /// A last record cut off by the end of the sample is left out unless it is the only one.
    static func fieldCounts(_ sample: some Collection<UInt8>, delimiter: UInt8) -> [Int] {
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
        var counts: [Int] = []
        var fields = 1
        var recordHasBytes = false
        var atFieldStart = true
        var inQuotes = false
        var afterClosingQuote = false
        for byte in sample {
            if inQuotes {
                if byte == quote { inQuotes = false; afterClosingQuote = true }
                continue
            }
            if afterClosingQuote {
                afterClosingQuote = false
                if byte == quote { inQuotes = true; continue }  // "" inside a quoted field
            }
            switch byte {
            case newline, carriageReturn:
                if recordHasBytes { counts.append(fields) }
                if counts.count == recordsWeighed { return counts }
                fields = 1
                recordHasBytes = false
                atFieldStart = true
            case delimiter:
                fields += 1
                recordHasBytes = true
                atFieldStart = true
            case quote where atFieldStart:
                inQuotes = true
                recordHasBytes = true
                atFieldStart = false
            default:
                recordHasBytes = true
                atFieldStart = false
            }
        }
        if recordHasBytes && counts.isEmpty { counts.append(fields) }
        return counts
    }
}
