private let quote = UInt8(ascii: "\"")
private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
private let tab = UInt8(ascii: "\t")
private let space = UInt8(ascii: " ")

extension CSVReader {
    /// The next record, or nil at the end of the input. Blank lines are skipped.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        if let failure { throw failure }
        if isFinished { return nil }
        do throws(CSVError) {
            while true {
                if position == count {
                    try refill()
                    if count == 0 {
                        isFinished = true
                        return try finishInput()
                    }
                }
                if let record = try scan() { return record }
            }
        } catch {
            failure = error
            throw error
        }
    }

    /// Parses from `position` until a record ends (returned) or the chunk does (nil).
    private mutating func scan() throws(CSVError) -> CSVRecord? {
        let bytes = chunk
        let end = count
        let delimiter = delimiter.rawValue
        var index = position
        defer { position = index }
        if pendingCarriageReturn {
            pendingCarriageReturn = false
            if bytes[index] == newline {
                index += 1
                runStart = index
            }
        }
        while index < end {
            switch state {
            case .fieldStart:
                let byte = bytes[index]
                if byte == newline || byte == carriageReturn {
                    if fields.isEmpty {
                        index = endLine(at: index)  // a blank line
                        continue
                    }
                    try append("")
                    index = endLine(at: index)
                    return takeRecord()
                }
                if fields.isEmpty { recordLine = line }
                fieldLine = line
                if byte == delimiter {
                    try append("")
                    index += 1
                } else if byte == quote {
                    state = .quoted
                    index += 1
                    runStart = index
                } else {
                    state = .unquoted
                    runStart = index
                }

            case .unquoted:
                while index < end {
                    let byte = bytes[index]
                    if byte > quote && byte != delimiter {
                        index += 1
                    } else if byte == delimiter {
                        try finishField(contentEnd: index)
                        index += 1
                        break
                    } else if byte == newline || byte == carriageReturn {
                        try finishField(contentEnd: index)
                        index = endLine(at: index)
                        return takeRecord()
                    } else if byte >= space || byte == tab {
                        index += 1  // space, "!", a quote inside the field (kept), a tab
                    } else {
                        throw .binaryData(line: line, byte: byte)
                    }
                }

            case .quoted:
                while index < end {
                    let byte = bytes[index]
                    if byte == quote {
                        state = .afterQuote
                        index += 1
                        break
                    } else if byte >= space || byte == tab || byte == carriageReturn {
                        index += 1
                    } else if byte == newline {
                        line += 1
                        index += 1
                    } else {
                        throw .binaryData(line: line, byte: byte)
                    }
                }

            case .afterQuote:
                let byte = bytes[index]
                if byte == quote {
                    // A doubled quote: keep one (the first, at index - 1 or already kept).
                    try keep(upTo: index)
                    index += 1
                    runStart = index
                    state = .quoted
                } else if byte == delimiter || byte == newline || byte == carriageReturn {
                    try finishField(contentEnd: closingQuote(before: index))
                    if byte == delimiter {
                        index += 1
                    } else {
                        index = endLine(at: index)
                        return takeRecord()
                    }
                } else {
                    throw .unexpectedQuote(line: line, column: fields.count + 1)
                }
            }
        }
        return nil
    }

    /// Keeps the unfinished field and loads the next chunk; `count` is 0 at the end.
    private mutating func refill() throws(CSVError) {
        if state != .fieldStart { try keep(upTo: count) }
        chunkOffset += count
        count = try source.fill(chunk)
        position = min(skipping, count)
        skipping -= position
        runStart = position
    }

    /// The record left when the input ends without a final line end.
    private mutating func finishInput() throws(CSVError) -> CSVRecord? {
        switch state {
        case .fieldStart:
            if fields.isEmpty { return nil }
            try append("")
        case .unquoted:
            try finishField(contentEnd: 0)
        case .quoted:
            throw .unterminatedQuote(line: fieldLine)
        case .afterQuote:
            try finishField(contentEnd: closingQuote(before: 0))
        }
        return takeRecord()
    }

    /// Where a quoted field's content ends, given the index just past its closing quote. When
    /// that quote ended the previous chunk it was kept with the field: drop it.
    private mutating func closingQuote(before index: Int) -> Int {
        if index > runStart { return index - 1 }
        fieldLength -= 1
        return index
    }

    /// Counts a line end (LF, CR or CRLF) at `index`; returns the index after it.
    private mutating func endLine(at index: Int) -> Int {
        line += 1
        guard chunk[index] == carriageReturn else { return index + 1 }
        if index + 1 < count {
            return chunk[index + 1] == newline ? index + 2 : index + 1
        }
        pendingCarriageReturn = true
        return index + 1
    }

    /// Copies `chunk[runStart..<end]` to the end of the field buffer.
    private mutating func keep(upTo end: Int) throws(CSVError) {
        let length = end - runStart
        guard length > 0 else { return }
        guard fieldLength + length <= Self.maximumFieldBytes else { throw .fieldTooLong(line: fieldLine) }
        let source = UnsafeBufferPointer(rebasing: chunk[runStart..<end])
        _ = UnsafeMutableBufferPointer(rebasing: field[fieldLength..<fieldLength + length]).update(fromContentsOf: source)
        fieldLength += length
        runStart = end
    }

    /// Decodes the field that ends at `contentEnd` in the chunk and adds it to the record.
    private mutating func finishField(contentEnd: Int) throws(CSVError) {
        let text: String
        if fieldLength == 0 {
            let length = contentEnd - runStart
            guard length <= Self.maximumFieldBytes else { throw .fieldTooLong(line: fieldLine) }
            text = try decode(UnsafeBufferPointer(rebasing: chunk[runStart..<contentEnd]))
        } else {
            try keep(upTo: contentEnd)
            text = try decode(UnsafeBufferPointer(rebasing: field[..<fieldLength]))
            fieldLength = 0
        }
        state = .fieldStart
        try append(text)
    }

    private mutating func append(_ text: String) throws(CSVError) {
        guard fields.count < Self.maximumFieldCount else { throw .tooManyFields(line: recordLine) }
        fields.append(text)
    }

    private mutating func takeRecord() -> CSVRecord {
        let record = CSVRecord(line: recordLine, fields: fields)
        fields = []
        fields.reserveCapacity(record.fields.count)
        return record
    }
}
