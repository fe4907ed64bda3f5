@testable import CSV
import Foundation
import Testing

/// Encodings: Polish names through UTF-8 (with and without BOM), Windows-1250 and ISO-8859-2,
/// what detection is sure of, and the decoding tables against Foundation.
extension CSVReaderTests {
    static func foundationEncoding(_ encoding: TextEncoding) -> String.Encoding {
        switch encoding {
        case .utf8: .utf8
        case .windows1250: .windowsCP1250
        case .iso8859_2: .isoLatin2
        }
    }

    static func encoded(_ text: String, _ encoding: TextEncoding) throws -> [UInt8] {
        Array(try #require(text.data(using: foundationEncoding(encoding))))
    }

    static var polishList: String {
        "lp;imię i nazwisko;telefon\r\n"
            + polishNames.enumerated().map { "\($0.offset + 1);\($0.element);60123456\($0.offset)\r\n" }.joined()
    }

    @Test(arguments: TextEncoding.allCases)
    func polishNamesSurviveEveryEncoding(_ encoding: TextEncoding) throws {
        let bytes = try Self.encoded(Self.polishList, encoding)
        var reader = try CSVReader(bytes: bytes)
        #expect(reader.encoding.encoding == encoding)
        #expect(reader.encoding.isConfident)
        #expect(!reader.encoding.hasByteOrderMark)
        #expect(reader.delimiter == .semicolon)
        #expect(try reader.next()?.fields == ["lp", "imię i nazwisko", "telefon"])
        var names: [String] = []
        while let record = try reader.next() { names.append(record.fields[1]) }
        #expect(names == Self.polishNames)
        // And the same, cut into chunks at every place, with the encoding given.
        let records = try Self.recordsAtEveryChunkSize(bytes, encoding: encoding)
        #expect(records.dropFirst().map { $0.fields[1] } == Self.polishNames)
    }

    @Test func utf8ByteOrderMarkIsNotedAndSkipped() throws {
        let bytes = EncodingDetector.byteOrderMark + Array(Self.polishList.utf8)
        var reader = try CSVReader(bytes: bytes)
        #expect(reader.encoding.encoding == .utf8)
        #expect(reader.encoding.hasByteOrderMark)
        #expect(reader.encoding.isConfident)
        #expect(try reader.next()?.fields.first == "lp")
        let records = try Self.recordsAtEveryChunkSize(bytes)
        #expect(records.first?.fields.first == "lp")
        #expect(records.dropFirst().map { $0.fields[1] } == Self.polishNames)
    }

    @Test func aByteOrderMarkAloneOnAQuotedFirstField() throws {
        let bytes = EncodingDetector.byteOrderMark + Array("\"Żółć\",b\n".utf8)
        #expect(try Self.recordsAtEveryChunkSize(bytes).map(\.fields) == [["Żółć", "b"]])
    }

    @Test func windows1250IsRecognisedByItsOwnLetters() {
        // "Świętosław Źdźbło ą" in Windows-1250: Ś 0x8C, ź 0x9F, ą 0xB9.
        let guess = EncodingDetector.detect([0x8C, 0x77, 0x69, 0xEA, 0x20, 0x8F, 0x64, 0x9F, 0x20, 0xB9])
        #expect(guess.encoding == .windows1250)
        #expect(guess.isConfident)
        let onlyLetterA = EncodingDetector.detect(Array("Kowalski ".utf8) + [0xB9, 0xA5])
        #expect(onlyLetterA.encoding == .windows1250)
        #expect(onlyLetterA.isConfident)
    }

    @Test func iso8859_2IsRecognisedByItsOwnLetters() {
        // ą ś ź Ą Ś Ź in ISO-8859-2.
        let guess = EncodingDetector.detect(Array("Jan ".utf8) + [0xB1, 0xB6, 0xBC, 0xA1, 0xA6, 0xAC])
        #expect(guess.encoding == .iso8859_2)
        #expect(guess.isConfident)
    }

    @Test func lettersSharedByBothSingleByteEncodingsAreNotEvidence() throws {
        // "Łukasz Żółć" has the same bytes in Windows-1250 and ISO-8859-2.
        let windows = try Self.encoded("Łukasz Żółć;601234567\n", .windows1250)
        #expect(windows == (try Self.encoded("Łukasz Żółć;601234567\n", .iso8859_2)))
        let guess = EncodingDetector.detect(windows)
        #expect(guess.encoding == .windows1250)
        #expect(!guess.isConfident)
        #expect(guess.reason.contains("assumed Windows-1250"))
        // The caller's override is then honoured.
        var reader = try CSVReader(bytes: windows, encoding: .iso8859_2)
        #expect(reader.encoding.encoding == .iso8859_2)
        #expect(reader.encoding.isConfident)
        #expect(try reader.next()?.fields == ["Łukasz Żółć", "601234567"])
    }

    @Test func mixedEvidenceIsNotConfident() {
        let guess = EncodingDetector.detect([0x41, 0xB9, 0xB9, 0x20, 0xB1, 0xB6])
        #expect(guess.encoding == .windows1250)
        #expect(!guess.isConfident)
        // Bytes 0x80–0x9F rule ISO-8859-2 out, however many of its letters there are.
        let withQuotes = EncodingDetector.detect([0x84, 0x41, 0x94, 0xB1, 0xB6, 0xBC])
        #expect(withQuotes.encoding == .windows1250)
        #expect(!withQuotes.isConfident)
    }

    @Test func plainASCIIIsUTF8ButNotConfident() {
        let guess = EncodingDetector.detect(Array("id,name\n1,Jan Kowalski\n".utf8))
        #expect(guess.encoding == .utf8)
        #expect(!guess.isConfident)
        #expect(!guess.hasByteOrderMark)
    }

    @Test func aCharacterCutByTheEndOfTheSampleStillCountsAsUTF8() {
        let bytes = Array("Łukasz Żółć".utf8)  // ends in ć, two bytes
        let guess = EncodingDetector.detect(bytes.dropLast())
        #expect(guess.encoding == .utf8)
        #expect(guess.isConfident)
        let threeByteCut = Array("cena 5 €".utf8).dropLast(2)  // € is E2 82 AC
        #expect(EncodingDetector.detect(threeByteCut).encoding == .utf8)
        // A bad byte in the middle is not forgiven.
        #expect(EncodingDetector.detect(Array("Ł".utf8) + [0xB9] + Array("ok".utf8)).encoding == .windows1250)
    }

    @Test(arguments: [TextEncoding.windows1250, .iso8859_2])
    func decodingTablesMatchFoundationForEveryByte(_ encoding: TextEncoding) throws {
        let codePage = try #require(SingleByteCodePage.forEncoding(encoding))
        #expect(codePage.scalars.count == 256)
        for byte in 0...255 {
            let text = try #require(String(data: Data([UInt8(byte)]), encoding: Self.foundationEncoding(encoding)))
            #expect(text.unicodeScalars.map(\.value) == [UInt32(codePage.scalars[byte])], "byte \(byte)")
        }
    }

    @Test(arguments: [TextEncoding.windows1250, .iso8859_2])
    func everyCharacterByteDecodesAsFoundationDoes(_ encoding: TextEncoding) throws {
        let codePage = try #require(SingleByteCodePage.forEncoding(encoding))
        let bytes = (0x20...0xFF).map(UInt8.init).filter(codePage.isCharacter)
        let expected = try #require(String(data: Data(bytes), encoding: Self.foundationEncoding(encoding)))
        let decoded = bytes.withUnsafeBufferPointer { codePage.decode($0) }
        #expect(try decoded.get() == expected)
    }

    @Test func bytesWindows1250LeavesUndefinedAreErrors() {
        for byte: UInt8 in [0x81, 0x83, 0x88, 0x90, 0x98] {
            Self.expect(
                .undefinedByte(line: 2, byte: byte, encoding: .windows1250),
                reading: Array("a,b\nx".utf8) + [byte] + Array(",y\n".utf8), encoding: .windows1250)
        }
        #expect(
            CSVError.undefinedByte(line: 2, byte: 0x81, encoding: .windows1250).description
                == "line 2: byte 0x81 is not a character in Windows-1250")
    }

    @Test func controlCharactersOfISO8859_2AreErrors() {
        // 0x9C is ś in Windows-1250 but a C1 control in ISO-8859-2.
        Self.expect(
            .undefinedByte(line: 2, byte: 0x9C, encoding: .iso8859_2),
            reading: Array("a,\"b\n".utf8) + [0x9C] + Array("\"\n".utf8), encoding: .iso8859_2)
    }

    @Test func windows1250ReadAsUTF8IsAnError() throws {
        let bytes = Array("id,name\n1,Jan\n2,".utf8) + (try Self.encoded("Świętosław\n", .windows1250))
        Self.expect(.invalidUTF8(line: 3), reading: bytes, encoding: .utf8)
    }

    @Test func invalidUTF8AfterTheSampleNamesItsLine() throws {
        // 70 KB of ASCII, so detection sees UTF-8, then a Windows-1250 name on line 2001.
        var bytes: [UInt8] = []
        for row in 1...2000 { bytes += Array("\(row),Jan Kowalski,601234567,\(String(repeating: "x", count: 10))\n".utf8) }
        #expect(bytes.count > EncodingDetector.sampleSize)
        bytes += Array("2001,\"Multi\nline ".utf8) + (try Self.encoded("Żółć\",601234567\n", .windows1250))
        var reader = try CSVReader(bytes: bytes)
        #expect(reader.encoding.encoding == .utf8)
        var lastGood = 0
        #expect(throws: CSVError.invalidUTF8(line: 2002)) {
            while let record = try reader.next() { lastGood = record.line }
        }
        #expect(lastGood == 2000)
    }
}
