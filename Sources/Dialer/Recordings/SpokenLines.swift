import Foundation

/// Script lines spoken by espeak-ng, when it is installed, resampled to 8 kHz; each text is
/// spoken once per run.
final class SpokenLines {
    private let program: String?
    private var cache: [String: [Int16]] = [:]

    init() {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/espeak-ng" }
        program = candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    var isAvailable: Bool { program != nil }

    /// The line as speech, or nil when espeak-ng is missing or fails.
    func speech(for text: String, language: String = "pl") -> [Int16]? {
        guard let program, !text.isEmpty else { return nil }
        if let cached = cache[text] { return cached }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-v", language, "-s", "165", "--stdout", text]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let samples = WAVFile.samples(from: data, resampledTo: SpeechLikeAudio.sampleRate) else {
            return nil
        }
        cache[text] = samples
        return samples
    }
}
