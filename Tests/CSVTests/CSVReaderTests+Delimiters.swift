@testable import CSV
import Testing

/// Delimiter detection: the most consistent field count, quotes respected.
extension CSVReaderTests {
    @Test func delimitersInsideQuotesDoNotCount() {
        let text = """
            imię;adres;kwota
            Jan;"ul. Długa 5, Kraków, 30-001";12
            Anna;"ul. Krótka 1, Gdańsk";7
            Piotr;"Rynek 3; lokal 2, Poznań";9
            """
        #expect(DelimiterDetector.detect(Array(text.utf8)) == .semicolon)
    }

    @Test func decimalCommasInASemicolonFile() {
        let text = "imię;kwota;rabat\nJan;12,50;1,5\nAnna;7,00;0,5\nPiotr;9,99;2,0\n"
        #expect(DelimiterDetector.detect(Array(text.utf8)) == .semicolon)
    }

    @Test func commaFileWithQuotedSemicolonsAndTabs() {
        let text = "name,note\n\"Nowak; Anna\",\"a\tb\"\n\"Kowalski; Jan\",x\n"
        #expect(DelimiterDetector.detect(Array(text.utf8)) == .comma)
    }

    @Test func tabSeparatedWithCommasInNames() {
        let text = "name\tphone\nKowalski, Jan\t601234567\nNowak, Anna\t602345678\nZieliński\t603456789\n"
        #expect(DelimiterDetector.detect(Array(text.utf8)) == .tab)
    }

    @Test func aLineCutByTheEndOfTheSampleIsLeftOut() {
        let text = "a;b;c\n1;2;3\n4;5;6\n7;8"
        #expect(DelimiterDetector.fieldCounts(Array(text.utf8), delimiter: UInt8(ascii: ";")) == [3, 3, 3])
    }

    @Test func noDelimiterAtAll() {
        #expect(DelimiterDetector.detect(Array("phone\n601234567\n".utf8)) == nil)
        #expect(DelimiterDetector.analyse(Array("phone\n601234567\n".utf8)).isSingleColumn)
    }
}
