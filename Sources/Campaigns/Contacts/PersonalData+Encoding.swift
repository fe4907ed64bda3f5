/// A compact binary form of `PersonalData` for sealing: a version byte, then each field as a
/// length-prefixed UTF-8 string. Faster than JSON on the import's hot path, and never seen
/// outside the sealed box.
extension PersonalData {
    static let encodingVersion: UInt8 = 1

    func encoded() -> [UInt8] {
        var bytes: [UInt8] = [Self.encodingVersion]
        bytes.reserveCapacity(64)
        for text in [firstName, lastName, phone, email ?? ""] { Self.append(text, to: &bytes) }
        bytes.append(email == nil ? 0 : 1)
        Self.appendLength(fields.count, to: &bytes)
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            Self.append(name, to: &bytes)
            Self.append(value, to: &bytes)
        }
        return bytes
    }

    init?(encoded bytes: some Collection<UInt8>) {
        var reader = ArraySlice(bytes)
        guard reader.popFirst() == Self.encodingVersion,
            let first = Self.readText(&reader), let last = Self.readText(&reader), let phone = Self.readText(&reader),
            let email = Self.readText(&reader), let hasEmail = reader.popFirst(), let count = Self.readLength(&reader)
        else { return nil }
        var fields: [String: String] = [:]
        for _ in 0..<count {
            guard let name = Self.readText(&reader), let value = Self.readText(&reader) else { return nil }
            fields[name] = value
        }
        self.init(firstName: first, lastName: last, phone: phone, email: hasEmail == 1 ? email : nil, fields: fields)
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        appendLength(text.utf8.count, to: &bytes)
        bytes.append(contentsOf: text.utf8)
    }

    /// Unsigned LEB128.
    private static func appendLength(_ length: Int, to bytes: inout [UInt8]) {
        var value = UInt(length)
        repeat {
            let low = UInt8(value & 0x7F)
            value >>= 7
            bytes.append(value == 0 ? low : low | 0x80)
        } while value != 0
    }

    private static func readLength(_ reader: inout ArraySlice<UInt8>) -> Int? {
        var value: UInt = 0
        var shift: UInt = 0
        while let byte = reader.popFirst() {
            value |= UInt(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return Int(value) }
            shift += 7
            if shift > 56 { return nil }
        }
        return nil
    }

    private static func readText(_ reader: inout ArraySlice<UInt8>) -> String? {
        guard let length = readLength(&reader), reader.count >= length else { return nil }
        defer { reader = reader.dropFirst(length) }
        return String(validating: reader.prefix(length), as: UTF8.self)
    }
}
