@testable import CSV
import Foundation
import Testing

/// The CSV reader: quoting, line ends and line numbers. Encodings, errors and a large file are
/// in the `CSVReaderTests+…` files.
@Suite struct CSVReaderTests {
    static let polishNames = ["Łukasz Żółć", "Świętosław Źdźbło", "Ąą Ęę Ćć Ńń Óó Śś Źź Żż Łł"]

    @Test(arguments: CSVDelimiter.allCases)
    func readsEachDelimiter(_ delimiter: CSVDelimiter) throws {
        let d = String(UnicodeScalar(delimiter.rawValue))
        let text = "id\(d)name\(d)phone\n1\(d)Jan Kowalski\(d)601234567\n2\(d)Anna Nowak\(d)\n"
        var reader = try CSVReader(bytes: Array(text.utf8))
        #expect(reader.delimiter == delimiter)
        #expect(try reader.next()?.fields == ["id", "name", "phone"])
        #expect(try reader.next()?.fields == ["1", "Jan Kowalski", "601234567"])
        #expect(try reader.next()?.fields == ["2", "Anna Nowak", ""])
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
        #expect(reader.bytesRead == text.utf8.count)
        #expect(reader.totalBytes == text.utf8.count)
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndNewlines() throws {
        let text = """
            name,note,phone
            "Kowalski, Jan","He said ""call me"" twice",601234567
            "Nowak
            Anna","two
            lines ""quoted""
            and three",602345678
            Wiśniewski,"",603456789

            Zieliński,plain,604567890
            """
        let records = try Self.recordsAtEveryChunkSize(Array(text.utf8))
        #expect(records == [
            CSVRecord(line: 1, fields: ["name", "note", "phone"]),
            CSVRecord(line: 2, fields: ["Kowalski, Jan", "He said \"call me\" twice", "601234567"]),
            CSVRecord(line: 3, fields: ["Nowak\nAnna", "two\nlines \"quoted\"\nand three", "602345678"]),
            CSVRecord(line: 7, fields: ["Wiśniewski", "", "603456789"]),
            CSVRecord(line: 9, fields: ["Zieliński", "plain", "604567890"]),
        ])
    }

    @Test func crlfLineEndsAndCrlfInsideQuotes() throws {
        let text = "a;b\r\n\"x\r\ny\";z\r\n\r\nlast;line\r\n"
        let records = try Self.recordsAtEveryChunkSize(Array(text.utf8))
        #expect(records == [
            CSVRecord(line: 1, fields: ["a", "b"]),
            CSVRecord(line: 2, fields: ["x\r\ny", "z"]),
            CSVRecord(line: 5, fields: ["last", "line"]),
        ])
    }

    @Test func lonelyCarriageReturnsEndLinesToo() throws {
        let records = try Self.recordsAtEveryChunkSize(Array("a,b\rc,d\r\re,f".utf8))
        #expect(records == [
            CSVRecord(line: 1, fields: ["a", "b"]),
            CSVRecord(line: 2, fields: ["c", "d"]),
            CSVRecord(line: 4, fields: ["e", "f"]),
        ])
    }

    @Test func lastLineWithoutNewline() throws {
        #expect(try Self.recordsAtEveryChunkSize(Array("a,b\nc,d".utf8)).map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(try Self.recordsAtEveryChunkSize(Array("a,b\nc,".utf8)).map(\.fields) == [["a", "b"], ["c", ""]])
        #expect(try Self.recordsAtEveryChunkSize(Array("a,b\nc,\"d\"".utf8)).map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(try Self.recordsAtEveryChunkSize(Array("a,b\nc,\"\"".utf8)).map(\.fields) == [["a", "b"], ["c", ""]])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let records = try Self.recordsAtEveryChunkSize(Array("\n\na,b\n\n\nc,d\n\n".utf8))
        #expect(records == [CSVRecord(line: 3, fields: ["a", "b"]), CSVRecord(line: 6, fields: ["c", "d"])])
    }

    @Test func emptyFieldsAndEmptyQuotedFields() throws {
        let records = try Self.recordsAtEveryChunkSize(Array(",,\n\"\",\"\",\"\"\n,x,\n".utf8))
        #expect(records.map(\.fields) == [["", "", ""], ["", "", ""], ["", "x", ""]])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsKept() throws {
        let records = try Self.recordsAtEveryChunkSize(Array("name,size\nJan \"Kowal\" Kowalski,12\"\n".utf8))
        #expect(records.map(\.fields) == [["name", "size"], ["Jan \"Kowal\" Kowalski", "12\""]])
    }

    @Test func singleColumnFileUsesComma() throws {
        var reader = try CSVReader(bytes: Array("phone\n601234567\n602345678\n".utf8))
        #expect(reader.delimiter == .comma)
        #expect(try reader.next()?.fields == ["phone"])
    }

    @Test func readsFromAPathAndFromADescriptor() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = "imię;nazwisko\n" + Self.polishNames.map { "x;\($0)" }.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: url)

        var fromPath = try CSVReader(path: url.path)
        #expect(fromPath.totalBytes == text.utf8.count)
        var names: [String] = []
        while let record = try fromPath.next() { names.append(record.fields[1]) }
        #expect(names == ["nazwisko"] + Self.polishNames)
        #expect(fromPath.bytesRead == text.utf8.count)

        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var fromDescriptor = try CSVReader(fileDescriptor: handle.fileDescriptor, delimiter: .semicolon)
        #expect(try fromDescriptor.next()?.fields == ["imię", "nazwisko"])
    }

    @Test func readsFromAPipeWithoutKnowingTheSize() throws {
        let pipe = Pipe()
        pipe.fileHandleForWriting.write(Data("a,b\nc,d\n".utf8))
        try pipe.fileHandleForWriting.close()
        var reader = try CSVReader(fileDescriptor: pipe.fileHandleForReading.fileDescriptor)
        #expect(reader.totalBytes == nil)
        #expect(try reader.next()?.fields == ["a", "b"])
        #expect(try reader.next()?.fields == ["c", "d"])
        #expect(try reader.next() == nil)
    }
}

extension CSVReaderTests {
    /// Chunk sizes that cut the input at every place: between CR and LF, between two quotes,
    /// inside a UTF-8 character, between a closing quote and the delimiter.
    static let chunkSizes = [1, 2, 3, 4, 5, 7, 16, CSVReader.chunkBytes]

    static func records(
        _ bytes: [UInt8], encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil,
        chunkBytes: Int = CSVReader.chunkBytes
    ) throws(CSVError) -> [CSVRecord] {
        var reader = try CSVReader(
            source: ByteSource(bytes: bytes), encoding: encoding, delimiter: delimiter, chunkBytes: chunkBytes)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    /// Reads `bytes` at every chunk size, expects the same records each time, and returns them.
    static func recordsAtEveryChunkSize(
        _ bytes: [UInt8], encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil
    ) throws -> [CSVRecord] {
        let expected = try records(bytes, encoding: encoding, delimiter: delimiter)
        for size in chunkSizes {
            let records = try records(bytes, encoding: encoding, delimiter: delimiter, chunkBytes: size)
            #expect(records == expected, "chunk size \(size)")
        }
        return expected
    }

    /// Expects reading `bytes` to fail with `error` at every chunk size.
    static func expect(
        _ error: CSVError, reading bytes: [UInt8], encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for size in chunkSizes {
            #expect(throws: error, "chunk size \(size)", sourceLocation: sourceLocation) {
                _ = try records(bytes, encoding: encoding, delimiter: delimiter, chunkBytes: size)
            }
        }
    }
}
