extension CSVReader {
    /// What the reader decides from the first bytes of its input, before parsing any record.
    struct Opening {
        var encoding: EncodingGuess
        var delimiter: CSVDelimiter
        var byteOrderMarkLength: Int

        init(source: inout ByteSource, encoding chosenEncoding: TextEncoding?, delimiter chosenDelimiter: CSVDelimiter?) throws(CSVError) {
            let sample = try source.sample(size: EncodingDetector.sampleSize)
            if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) { throw .unsupportedUTF16 }
            byteOrderMarkLength = sample.starts(with: EncodingDetector.byteOrderMark) ? 3 : 0
            let text = sample[byteOrderMarkLength...]

            if let offset = text.firstIndex(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
                throw .binaryData(line: Self.line(at: offset, in: text), byte: sample[offset])
            }
            let isWholeInput = sample.count < EncodingDetector.sampleSize
            if isWholeInput && text.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                throw .emptyFile
            }

            if let chosenEncoding {
                encoding = EncodingGuess(
                    encoding: chosenEncoding, hasByteOrderMark: byteOrderMarkLength > 0,
                    isConfident: true, reason: "Chosen by the caller.")
            } else {
                encoding = EncodingDetector.detect(sample)
            }

            if let chosenDelimiter {
                delimiter = chosenDelimiter
            } else {
                let analysis = DelimiterDetector.analyse(text)
                if let best = analysis.best {
                    delimiter = best
                } else if analysis.isSingleColumn {
                    delimiter = .comma
                } else {
                    throw .delimiterNotDetected
                }
            }
        }

        /// The 1-based line of `offset`, counting LF, CRLF and a lone CR as one line end each.
        static func line(at offset: Int, in bytes: ArraySlice<UInt8>) -> Int {
            var line = 1
            var previous: UInt8 = 0
            for byte in bytes[bytes.startIndex..<offset] {
                if byte == 0x0A && previous != 0x0D || byte == 0x0D { line += 1 }
                previous = byte
            }
            return line
        }
    }
}
