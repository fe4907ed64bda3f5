/// Reads a CSV file record by record, in bounded memory, whatever its size.
///
/// Parses bytes (RFC 4180 quoting, LF, CRLF or CR line ends, the UTF-8 byte order mark skipped)
/// and decodes each field once, from UTF-8, Windows-1250 or ISO-8859-2. Encoding and delimiter
/// are detected from the first 64 KiB unless given. Memory stays at two buffers (a 256 KiB chunk
/// and one field of at most `maximumFieldBytes`) plus the record being built.
///
///     var reader = try CSVReader(path: "contacts.csv")
///     while let record = try reader.next() { … }
///
/// Reading blocks on the file: run it off the cooperative thread pool. After an error, `next()`
/// throws the same error again.
public struct CSVReader: ~Copyable {
    /// The longest field accepted, in bytes; longer ones are `CSVError.fieldTooLong`.
    public static let maximumFieldBytes = 64 * 1024
    /// The most fields a record may have; more are `CSVError.tooManyFields`.
    public static let maximumFieldCount = 4096
    static let chunkBytes = 256 * 1024

    /// The encoding fields are decoded from, and why.
    public let encoding: EncodingGuess
    public let delimiter: CSVDelimiter

    /// Bytes of the input parsed so far, for a progress line.
    public var bytesRead: Int { chunkOffset + position }
    /// The size of the input, when known (nil for a pipe).
    public var totalBytes: Int? { source.totalBytes }

    var source: ByteSource
    let codePage: SingleByteCodePage?
    /// The bytes of the input being parsed: `chunk[position..<count]` are still to come.
    let chunk: UnsafeMutableBufferPointer<UInt8>
    var count = 0
    var position = 0
    /// Offset in the input of `chunk[0]`.
    var chunkOffset = 0
    /// Bytes still to skip at the start of the input (the byte order mark).
    var skipping: Int
    /// The start of the current field when it spans chunks or holds a doubled quote.
    let field: UnsafeMutableBufferPointer<UInt8>
    var fieldLength = 0
    /// Where the not yet kept bytes of the current field start in `chunk`.
    var runStart = 0
    var state = ParseState.fieldStart
    var fields: [String] = []
    /// The physical line being parsed, and where the current record and field began.
    var line = 1
    var recordLine = 1
    var fieldLine = 1
    /// A chunk ended in CR: an LF opening the next one belongs to it.
    var pendingCarriageReturn = false
    var isFinished = false
    var failure: CSVError?

    /// Opens a file. `encoding` and `delimiter` nil: detect them from the first 64 KiB.
    public init(path: String, encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil) throws(CSVError) {
        try self.init(source: .opening(path: path), encoding: encoding, delimiter: delimiter)
    }

    /// Reads from an open descriptor (a file or a pipe), closing it at the end only if told to.
    public init(
        fileDescriptor: Int32, closesWhenDone: Bool = false,
        encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil
    ) throws(CSVError) {
        try self.init(
            source: ByteSource(descriptor: fileDescriptor, closesWhenDone: closesWhenDone),
            encoding: encoding, delimiter: delimiter)
    }

    /// Reads bytes already in memory: an upload, or a test.
    public init(bytes: [UInt8], encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil) throws(CSVError) {
        try self.init(source: ByteSource(bytes: bytes), encoding: encoding, delimiter: delimiter)
    }

    /// `chunkBytes` other than the default lets tests cut the input at every possible place.
    init(
        source: ByteSource, encoding: TextEncoding?, delimiter: CSVDelimiter?,
        chunkBytes: Int = CSVReader.chunkBytes
    ) throws(CSVError) {
        var source = source
        let opening: Opening
        do {
            opening = try Opening(source: &source, encoding: encoding, delimiter: delimiter)
        } catch {
            source.release()
            throw error
        }
        self.source = source
        self.encoding = opening.encoding
        self.delimiter = opening.delimiter
        self.skipping = opening.byteOrderMarkLength
        self.codePage = SingleByteCodePage.forEncoding(opening.encoding.encoding)
        self.chunk = .allocate(capacity: max(1, chunkBytes))
        self.field = .allocate(capacity: Self.maximumFieldBytes)
    }

    deinit {
        source.release()
        chunk.deallocate()
        field.deallocate()
    }
}

/// The reader owns its buffers and its descriptor alone (it cannot be copied), so handing it to
/// another task hands over the only way to reach them.
extension CSVReader: @unchecked Sendable {}
