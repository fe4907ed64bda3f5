@testable import CSV
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Every `CSVError`, with the line it names.
extension CSVReaderTests {
    @Test func emptyFiles() {
        Self.expect(.emptyFile, reading: [])
        Self.expect(.emptyFile, reading: EncodingDetector.byteOrderMark)
        Self.expect(.emptyFile, reading: Array("\r\n\n  \n".utf8))
        #expect(CSVError.emptyFile.description == "The file is empty.")
    }

    @Test func aPNGIsBinaryData() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        Self.expect(.binaryData(line: 2, byte: 0x1A), reading: png)
        #expect(CSVError.binaryData(line: 2, byte: 0x1A).description.contains("is this a CSV file?"))
    }

    @Test func aNULByteAfterTheSampleIsBinaryData() throws {
        var bytes: [UInt8] = []
        for row in 1...3000 { bytes += Array("\(row);Anna Nowak;602345678\n".utf8) }
        #expect(bytes.count > EncodingDetector.sampleSize)
        bytes += Array("3001;Ann".utf8) + [0x00] + Array("a;1\n".utf8)
        Self.expect(.binaryData(line: 3001, byte: 0x00), reading: bytes)
        // Inside a quoted field, on the field's second line.
        Self.expect(.binaryData(line: 2, byte: 0x07), reading: Array("a,\"b\nc".utf8) + [0x07] + Array("\"\n".utf8))
    }

    @Test func utf16IsRefused() {
        Self.expect(.unsupportedUTF16, reading: [0xFF, 0xFE, 0x61, 0x00, 0x2C, 0x00])
        Self.expect(.unsupportedUTF16, reading: [0xFE, 0xFF, 0x00, 0x61])
    }

    @Test func unterminatedQuoteNamesTheLineItOpenedOn() {
        Self.expect(.unterminatedQuote(line: 3), reading: Array("a,b\nc,d\ne,\"open\nand never\nclosed".utf8))
        #expect(CSVError.unterminatedQuote(line: 3).description == "line 3: a quoted field is never closed")
    }

    @Test func textAfterAClosingQuote() {
        Self.expect(.unexpectedQuote(line: 2, column: 2), reading: Array("a,b,c\nx,\"Kowalski\"ego,y\n".utf8))
        Self.expect(.unexpectedQuote(line: 3, column: 1), reading: Array("a,b\n\"multi\nline\" ,y\n".utf8))
    }

    @Test func fieldTooLong() {
        let longest = String(repeating: "x", count: CSVReader.maximumFieldBytes)
        #expect(throws: Never.self) {
            let records = try Self.records(Array("a,\(longest)\n".utf8))
            #expect(records.first?.fields.last?.utf8.count == CSVReader.maximumFieldBytes)
        }
        Self.expect(.fieldTooLong(line: 2), reading: Array("a,b\nc,\(longest)x\n".utf8), delimiter: .comma)
        Self.expect(.fieldTooLong(line: 2), reading: Array("a,b\nc,\"\(longest)\"\"\"\n".utf8), delimiter: .comma)
        // A quote left open swallows the rest of the file: reported when the field grows too long.
        let rows = (1...20_000).map { "\($0),Jan Kowalski\n" }.joined()
        Self.expect(.fieldTooLong(line: 2), reading: Array("a,b\n\"open,x\n\(rows)".utf8), delimiter: .comma)
    }

    @Test func tooManyFields() {
        let wide = String(repeating: ",", count: CSVReader.maximumFieldCount - 1)
        #expect(throws: Never.self) { _ = try Self.records(Array("\(wide)\n".utf8), delimiter: .comma) }
        Self.expect(.tooManyFields(line: 2), reading: Array("a\n\(wide),\n".utf8), delimiter: .comma)
    }

    @Test func undetectableDelimiter() {
        let bytes = Array("a,b\nc;d\ne\tf\ng\nh\n".utf8)
        #expect(DelimiterDetector.detect(bytes) == nil)
        Self.expect(.delimiterNotDetected, reading: bytes)
        // With the delimiter given, the same bytes read.
        #expect(throws: Never.self) { _ = try Self.records(bytes, delimiter: .semicolon) }
    }

    @Test func fileThatCannotBeOpenedOrRead() {
        let missing = "/nonexistent/contacts.csv"
        #expect(throws: CSVError.cannotOpen(path: missing, code: ENOENT)) { _ = try CSVReader(path: missing) }
        #expect(CSVError.cannotOpen(path: missing, code: ENOENT).description.contains("No such file"))
        // A directory opens but cannot be read.
        #expect(throws: CSVError.readFailed(code: EISDIR)) { _ = try CSVReader(path: "/tmp") }
    }

    @Test func anErrorStaysAnError() throws {
        var reader = try CSVReader(bytes: Array("a,b\n\"x\"y,z\nc,d\n".utf8))
        #expect(try reader.next()?.fields == ["a", "b"])
        #expect(throws: CSVError.unexpectedQuote(line: 2, column: 1)) { _ = try reader.next() }
        #expect(throws: CSVError.unexpectedQuote(line: 2, column: 1)) { _ = try reader.next() }
    }
}
