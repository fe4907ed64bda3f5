import Foundation

/// The RIFF/WAVE container for 16-bit mono PCM.
enum WAVFile {
    static func bytes(samples: [Int16], sampleRate: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(44 + samples.count * 2)
        func append(_ text: String) { bytes += Array(text.utf8) }
        func append32(_ value: Int) { bytes += withUnsafeBytes(of: UInt32(value).littleEndian, Array.init) }
        func append16(_ value: Int) { bytes += withUnsafeBytes(of: UInt16(value).littleEndian, Array.init) }
        append("RIFF")
        append32(36 + samples.count * 2)
        append("WAVEfmt ")
        append32(16)
        append16(1)  // PCM
        append16(1)  // mono
        append32(sampleRate)
        append32(sampleRate * 2)
        append16(2)
        append16(16)
        append("data")
        append32(samples.count * 2)
        samples.withUnsafeBytes { raw in
            if Int16(littleEndian: 1) == 1 {
                bytes += raw
            } else {
                for sample in samples { bytes += withUnsafeBytes(of: sample.littleEndian, Array.init) }
            }
        }
        return bytes
    }

    /// The 16-bit mono samples of a WAV file, resampled (linearly) to `rate`.
    static func samples(from data: Data, resampledTo rate: Int) -> [Int16]? {
        let bytes = [UInt8](data)
        guard bytes.count > 44, bytes.starts(with: Array("RIFF".utf8)) else { return nil }
        var offset = 12, sourceRate = 0, channels = 1, bits = 16
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            var size = Int(UInt32(bytes[offset + 4]) | UInt32(bytes[offset + 5]) << 8 | UInt32(bytes[offset + 6]) << 16 | UInt32(bytes[offset + 7]) << 24)
            let body = offset + 8
            if id == "fmt " {
                channels = Int(bytes[body + 2])
                sourceRate = Int(UInt32(bytes[body + 4]) | UInt32(bytes[body + 5]) << 8 | UInt32(bytes[body + 6]) << 16)
                bits = Int(bytes[body + 14])
            } else if id == "data" {
                // espeak-ng writes to a pipe and cannot go back to fill in the size.
                if size == 0 || size == 0xFFFF_FFFF || body + size > bytes.count { size = bytes.count - body }
                guard bits == 16, channels == 1, sourceRate > 0 else { return nil }
                let source = stride(from: body, to: body + size - 1, by: 2).map { Int16(bitPattern: UInt16(bytes[$0]) | UInt16(bytes[$0 + 1]) << 8) }
                return resample(source, from: sourceRate, to: rate)
            }
            offset = body + size + size % 2
        }
        return nil
    }

    private static func resample(_ samples: [Int16], from source: Int, to target: Int) -> [Int16] {
        guard source != target, !samples.isEmpty else { return samples }
        let count = samples.count * target / source
        return (0..<count).map { index in
            let position = Double(index) * Double(source) / Double(target)
            let low = Int(position), high = min(low + 1, samples.count - 1)
            let fraction = position - Double(low)
            return Int16(Double(samples[low]) * (1 - fraction) + Double(samples[high]) * fraction)
        }
    }
}
