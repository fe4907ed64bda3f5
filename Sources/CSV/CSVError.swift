/// Why a CSV file cannot be read. Each message names the line, so a person can find it in the
/// file; none quotes the file's content, which is personal data.
public enum CSVError: Error, Sendable, Hashable {
    /// The file holds no records (no bytes, or only a byte order mark and blank lines).
    case emptyFile
    /// A NUL or another C0 control byte (other than tab, CR, LF): not a text file.
    case binaryData(line: Int, byte: UInt8)
    /// The file starts with a UTF-16 byte order mark ("Unicode text" in Excel).
    case unsupportedUTF16
    /// Bytes that are not UTF-8 in a file read as UTF-8.
    case invalidUTF8(line: Int)
    /// A byte the chosen single-byte encoding has no character for.
    case undefinedByte(line: Int, byte: UInt8, encoding: TextEncoding)
    /// A quoted field opened on `line` and the file ended before its closing quote.
    case unterminatedQuote(line: Int)
    /// Text after the closing quote of a field (`"Kowalski"ego`); `column` is the 1-based field.
    case unexpectedQuote(line: Int, column: Int)
    /// A field longer than `CSVReader.maximumFieldBytes`.
    case fieldTooLong(line: Int)
    /// A record with more than `CSVReader.maximumFieldCount` fields.
    case tooManyFields(line: Int)
    /// Comma, semicolon and tab all occur, but none splits the lines consistently.
    case delimiterNotDetected
    /// The file could not be opened; `code` is the errno value.
    case cannotOpen(path: String, code: Int32)
    /// Reading failed part way; `code` is the errno value.
    case readFailed(code: Int32)
}

extension CSVError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .emptyFile:
            "The file is empty."
        case .binaryData(let line, let byte):
            "line \(line): byte \(byte.hex) is a control character — is this a CSV file?"
        case .unsupportedUTF16:
            "The file is UTF-16 (Excel's “Unicode text”); save it as “CSV UTF-8” instead."
        case .invalidUTF8(let line):
            "line \(line): the bytes are not valid UTF-8 — choose Windows-1250 or ISO-8859-2?"
        case .undefinedByte(let line, let byte, let encoding):
            "line \(line): byte \(byte.hex) is not a character in \(encoding.name)"
        case .unterminatedQuote(let line):
            "line \(line): a quoted field is never closed"
        case .unexpectedQuote(let line, let column):
            "line \(line), field \(column): text after the closing quote (write a quote inside a quoted field as \"\")"
        case .fieldTooLong(let line):
            "line \(line): a field is longer than \(CSVReader.maximumFieldBytes / 1024) KiB (a quote left open?)"
        case .tooManyFields(let line):
            "line \(line): more than \(CSVReader.maximumFieldCount) fields"
        case .delimiterNotDetected:
            "Cannot tell whether fields are separated by commas, semicolons or tabs: choose one."
        case .cannotOpen(let path, let code):
            "Cannot open \(path): \(SystemError.message(code))"
        case .readFailed(let code):
            "Reading the file failed: \(SystemError.message(code))"
        }
    }
}
