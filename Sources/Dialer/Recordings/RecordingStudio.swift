import Crypto
import Foundation

/// Writes the audio of recorded calls to WAV files: speech-like tones, with the agent's
/// script lines spoken by espeak-ng when it is installed. A cap on what one run writes keeps
/// a long run from filling the disk: past it, calls keep their metadata and no file.
///
/// The audio never holds personal data: placeholders for the person's name are left out.
final class RecordingStudio {
    let folder: String
    let capBytes: Int
    /// Bytes this run has written.
    private(set) var usedBytes = 0
    private let audio = SpeechLikeAudio()
    private let lines = SpokenLines()

    init(folder: String, capBytes: Int) {
        self.folder = folder
        self.capBytes = capBytes
    }

    /// Writes the recording; returns its checksum and location, or nil past the cap.
    func store(id: UUID, campaignID: Int, milliseconds: Int, agentLines: [String]) -> (sha256: Data, uri: String)? {
        let samples = milliseconds * SpeechLikeAudio.sampleRate / 1000
        let size = 44 + samples * 2
        guard capBytes > 0, usedBytes + size <= capBytes else { return nil }
        var generator = SeededGenerator(seed: id.uuidString.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 })
        let speech = agentLines.compactMap { lines.speech(for: $0) }
        let wav = WAVFile.bytes(
            samples: audio.conversation(samples: samples, agentSpeech: speech, using: &generator), sampleRate: SpeechLikeAudio.sampleRate)
        let directory = folder + "/\(campaignID)"
        let path = directory + "/\(id.uuidString.lowercased()).wav"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(wav).write(to: URL(fileURLWithPath: path))
        } catch {
            return nil
        }
        usedBytes += wav.count
        return (Data(SHA256.hash(data: wav)), URL(fileURLWithPath: path).absoluteString)
    }
}
