@testable import CSV
import Foundation
import Testing

/// Generated input: records written by the RFC 4180 rules read back unchanged, and arbitrary
/// bytes give the same records or the same error however the input is cut into chunks.
extension CSVReaderTests {
    /// SplitMix64: a seeded generator, so a failure repeats.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: CSVDelimiter.allCases)
    func writtenRecordsReadBackUnchanged(_ delimiter: CSVDelimiter) throws {
        var random = SeededGenerator(state: UInt64(delimiter.rawValue))
        let pieces = ["a", "Żółć", " ", ",", ";", "\t", "\"", "\n", "\r\n", "ą€", "Kowalski", ""]
        for _ in 0..<200 {
            let records = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                (0..<Int.random(in: 1...5, using: &random)).map { _ in
                    (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                }
            }
            let separator = String(UnicodeScalar(delimiter.rawValue))
            var text = ""
            for fields in records {
                text += fields.map { field in
                    let needsQuotes = fields == [""] || field.utf8.contains(where: { "\",;\t\r\n".utf8.contains($0) })
                        || field.hasPrefix(" ") || Bool.random(using: &random)
                    return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
                }.joined(separator: separator)
                text += Bool.random(using: &random) ? "\n" : "\r\n"
            }
            let read = try Self.recordsAtEveryChunkSize(Array(text.utf8), encoding: .utf8, delimiter: delimiter)
            #expect(read.map(\.fields) == records, "\(text.debugDescription)")
        }
    }

    @Test func arbitraryBytesReadTheSameAtEveryChunkSize() {
        var random = SeededGenerator(state: 2024)
        let ascii = Array("aaab;;,,\"\"\n\r ".utf8)
        let high: [UInt8] = [0xC5, 0x82, 0xB9, 0x9C, 0x81]  // UTF-8 "ł", Polish letters, undefined
        for encoding in TextEncoding.allCases {
            for iteration in 0..<300 {
                let delimiter: CSVDelimiter? = iteration.isMultiple(of: 2) ? nil : .semicolon
                let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                    Int.random(in: 0..<25, using: &random) == 0
                        ? high.randomElement(using: &random)! : ascii.randomElement(using: &random)!
                }
                let expected = Result { () throws(CSVError) in try Self.records(bytes, encoding: encoding, delimiter: delimiter) }
                for size in Self.chunkSizes {
                    let result = Result { () throws(CSVError) in
                        try Self.records(bytes, encoding: encoding, delimiter: delimiter, chunkBytes: size)
                    }
                    #expect(result == expected, "chunk size \(size), bytes \(bytes)")
                }
            }
        }
    }
}
