/// A single-byte encoding as a table of 256 Unicode scalars, one per byte.
///
/// The tables are generated from Foundation (dev/generate-code-page-tables.swift), which maps the
/// bytes Windows-1250 leaves undefined (0x81 0x83 0x88 0x90 0x98), and all of ISO-8859-2's
/// 0x80–0x9F, to C1 control characters. No contact list holds those: decoding reports them.
struct SingleByteCodePage: Sendable {
    let encoding: TextEncoding
    /// `scalars[byte]` is the scalar value the byte stands for.
    let scalars: [UInt16]

    /// A page that agrees with ASCII below 0x80 and maps 0x80–0xFF to `upperHalf`.
    init(encoding: TextEncoding, upperHalf: [UInt16]) {
        self.encoding = encoding
        self.scalars = (0..<128).map(UInt16.init) + upperHalf
    }

    static func forEncoding(_ encoding: TextEncoding) -> SingleByteCodePage? {
        switch encoding {
        case .utf8: nil
        case .windows1250: .windows1250
        case .iso8859_2: .iso8859_2
        }
    }

    /// True when the byte stands for a character that may appear in text.
    func isCharacter(_ byte: UInt8) -> Bool {
        !(0x80...0x9F).contains(scalars[Int(byte)])
    }

    /// Decodes bytes known to be free of C0 controls; on a byte that is not a character returns
    /// its offset instead.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<String, UndecodableByte> {
        var utf8Count = 0
        for (offset, byte) in bytes.enumerated() {
            let scalar = scalars[Int(byte)]
            switch scalar {
            case 0..<0x80: utf8Count += 1
            case 0x80..<0xA0: return .failure(UndecodableByte(offset: offset, byte: byte))
            case 0xA0..<0x800: utf8Count += 2
            default: utf8Count += 3
            }
        }
        if utf8Count == bytes.count {
            return .success(String(decoding: bytes, as: UTF8.self))
        }
        let text = String(unsafeUninitializedCapacity: utf8Count) { output in
            var index = 0
            for byte in bytes {
                let scalar = scalars[Int(byte)]
                if scalar < 0x80 {
                    output[index] = UInt8(truncatingIfNeeded: scalar)
                    index += 1
                } else if scalar < 0x800 {
                    output[index] = 0xC0 | UInt8(truncatingIfNeeded: scalar >> 6)
                    output[index + 1] = 0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F)
                    index += 2
                } else {
                    output[index] = 0xE0 | UInt8(truncatingIfNeeded: scalar >> 12)
                    output[index + 1] = 0x80 | UInt8(truncatingIfNeeded: (scalar >> 6) & 0x3F)
                    output[index + 2] = 0x80 | UInt8(truncatingIfNeeded: scalar & 0x3F)
                    index += 3
                }
            }
            return index
        }
        return .success(text)
    }
}

/// A byte that a single-byte encoding does not map to a character, at `offset` in a field.
struct UndecodableByte: Error {
    let offset: Int
    let byte: UInt8
}
