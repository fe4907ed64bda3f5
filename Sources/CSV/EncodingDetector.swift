/// Guesses a contact list's encoding from its first bytes.
///
/// Valid UTF-8 wins (a character cut off by the end of the sample does not count against it).
/// Otherwise the choice is between Windows-1250 and ISO-8859-2, which put most Polish letters
/// (ł ó ż ę ć ń …) at the same codes and differ only in a few: ą ś ź Ą Ś Ź, and 0x80–0x9F, which
/// hold letters and typographic quotes in Windows-1250 but control characters in ISO-8859-2.
public enum EncodingDetector {
    /// How many bytes `CSVReader` hands to `detect`.
    public static let sampleSize = 64 * 1024

    public static func detect(_ sample: some Collection<UInt8>) -> EncodingGuess {
        let hasByteOrderMark = sample.starts(with: byteOrderMark)
        let utf8 = UTF8Validation(sample)
        if utf8.isValid {
            if hasByteOrderMark {
                return EncodingGuess(
                    encoding: .utf8, hasByteOrderMark: true, isConfident: true,
                    reason: "The file starts with the UTF-8 byte order mark.")
            }
            if utf8.multiByteCount > 0 {
                return EncodingGuess(
                    encoding: .utf8, hasByteOrderMark: false, isConfident: true,
                    reason: "The sample is valid UTF-8 with \(utf8.multiByteCount) non-ASCII characters.")
            }
            return EncodingGuess(
                encoding: .utf8, hasByteOrderMark: false, isConfident: false,
                reason: "The sample is plain ASCII, which reads the same in every encoding; assumed UTF-8.")
        }
        return guessSingleByte(sample)
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Weighs the bytes that only Windows-1250 or only ISO-8859-2 uses for Polish text.
    private static func guessSingleByte(_ sample: some Collection<UInt8>) -> EncodingGuess {
        var controlRange = 0     // 0x80–0x9F that are characters in Windows-1250
        var windowsLetters = 0   // Ą ą in Windows-1250 (Ľ š in ISO-8859-2)
        var isoLetters = 0       // Ą Ś Ź ą ś ź in ISO-8859-2 (ˇ ¦ ¬ ± ¶ Ľ in Windows-1250)
        for byte in sample {
            switch byte {
            case 0x81, 0x83, 0x88, 0x90, 0x98: break
            case 0x80...0x9F: controlRange += 1
            case 0xA5, 0xB9: windowsLetters += 1
            case 0xA1, 0xA6, 0xAC, 0xB1, 0xB6, 0xBC: isoLetters += 1
            default: break
            }
        }
        let windows = controlRange + windowsLetters
        func guess(_ encoding: TextEncoding, confident: Bool, _ reason: String) -> EncodingGuess {
            EncodingGuess(encoding: encoding, hasByteOrderMark: false, isConfident: confident, reason: reason)
        }
        if controlRange > 0 {
            // ISO-8859-2 would make these control characters, which decoding refuses.
            return guess(.windows1250, confident: windows >= isoLetters, """
                Not UTF-8; bytes in 0x80–0x9F (\(controlRange) of them) are letters or quotes in \
                Windows-1250 but control characters in ISO-8859-2.
                """)
        }
        if windows == 0 && isoLetters == 0 {
            return guess(.windows1250, confident: false, """
                Not UTF-8, and no byte tells Windows-1250 from ISO-8859-2 (letters such as ł, ó, ż \
                have the same code in both); assumed Windows-1250.
                """)
        }
        let encoding: TextEncoding = windows >= isoLetters ? .windows1250 : .iso8859_2
        let (more, fewer) = (max(windows, isoLetters), min(windows, isoLetters))
        let confident = fewer == 0 || more >= 4 * fewer
        return guess(encoding, confident: confident, """
            Not UTF-8; bytes that only Windows-1250 reads as ą, ś, ź, Ą, Ś or Ź: \(windows); \
            that only ISO-8859-2 reads so: \(isoLetters).
            """)
    }
}
