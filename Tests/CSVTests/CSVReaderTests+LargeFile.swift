@testable import CSV
import Foundation
import Testing

/// A generated 200,000-row file: every record arrives, in order, with its line number. (Memory
/// is measured by `switchboard bench import`, not here: other tests share the process.)
extension CSVReaderTests {
    @Test func twoHundredThousandRows() throws {
        let rows = 200_000
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-large-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        var expectedChecksum: UInt64 = 0
        var text = "id;imię i nazwisko;telefon;uwagi\r\n"
        for row in 1...rows {
            let name = Self.polishNames[row % Self.polishNames.count] + " \(row)"
            let phone = String(600_000_000 + row)
            let note = row % 10 == 0 ? "\"Dzwonić po 17:00; \"\"pilne\"\"\nlinia druga\"" : "brak uwag dla kontaktu \(row)"
            text += "\(row);\(name);\(phone);\(note)\r\n"
            expectedChecksum &+= Self.checksum([String(row), name, phone])
        }
        try Data(text.utf8).write(to: url)
        text = ""

        var reader = try CSVReader(path: url.path)
        #expect(reader.delimiter == .semicolon)
        #expect(try reader.next()?.fields.count == 4)
        var count = 0
        var checksum: UInt64 = 0
        var lastLine = 0
        while let record = try reader.next() {
            count += 1
            checksum &+= Self.checksum(Array(record.fields.prefix(3)))
            if count % 10 == 0 { #expect(record.fields[3] == "Dzwonić po 17:00; \"pilne\"\nlinia druga") }
            lastLine = record.line
        }
        #expect(count == rows)
        #expect(checksum == expectedChecksum)
        // After the header, each row starts one line further, plus one per multi-line note before it.
        #expect(lastLine == 1 + rows + (rows / 10 - 1))
        #expect(reader.bytesRead == reader.totalBytes)
    }

    /// FNV-1a over the fields' UTF-8, separated so that ["ab", "c"] and ["a", "bc"] differ.
    static func checksum(_ fields: [String]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for field in fields {
            for byte in field.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x1F) &* 0x100_0000_01b3
        }
        return hash
    }
}
