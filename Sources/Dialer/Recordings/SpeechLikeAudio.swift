import Foundation

/// Audio that sounds like a phone conversation from a distance: syllables of two voices,
/// an agent's lower one and a customer's higher one, with the pauses of turn-taking.
/// 8 kHz, 16-bit, mono, as telephony records it.
struct SpeechLikeAudio: Sendable {
    static let sampleRate = 8_000

    /// A bank of syllables per voice, made once.
    private let agentSyllables: [[Int16]]
    private let customerSyllables: [[Int16]]

    init() {
        agentSyllables = Self.bank(pitch: 118)
        customerSyllables = Self.bank(pitch: 205)
    }

    /// `count` samples of alternating turns; the agent's turns use `agentSpeech` when given
    /// (spoken script lines), otherwise syllables.
    func conversation(samples count: Int, agentSpeech: [[Int16]], using generator: inout SeededGenerator) -> [Int16] {
        var audio: [Int16] = []
        audio.reserveCapacity(count)
        var lines = agentSpeech.makeIterator()
        var agentTurn = true
        while audio.count < count {
            if agentTurn, let spoken = lines.next() {
                audio += spoken
            } else {
                let syllables = agentTurn ? agentSyllables : customerSyllables
                for _ in 0..<(4 + Int(generator.next() % 14)) {
                    audio += syllables[Int(generator.next() % UInt64(syllables.count))]
                    audio += silence(seconds: 0.03 + generator.unit() * 0.12)
                }
            }
            audio += silence(seconds: 0.3 + generator.unit() * 0.6)
            agentTurn.toggle()
        }
        audio.removeLast(audio.count - count)
        fadeOut(&audio)
        return audio
    }

    private func silence(seconds: Double) -> [Int16] {
        [Int16](repeating: 0, count: Int(seconds * Double(Self.sampleRate)))
    }

    private func fadeOut(_ audio: inout [Int16]) {
        let length = min(audio.count, Self.sampleRate / 20)
        for index in 0..<length {
            let position = audio.count - length + index
            audio[position] = Int16(Double(audio[position]) * Double(length - index) / Double(length))
        }
    }

    /// Voiced syllables: a fundamental with two harmonics, a gliding pitch and a smooth envelope.
    private static func bank(pitch: Double) -> [[Int16]] {
        (0..<10).map { variant in
            let duration = 0.13 + Double(variant % 5) * 0.03
            let count = Int(duration * Double(sampleRate))
            let start = pitch * (0.9 + Double(variant) * 0.025), end = start * (variant % 2 == 0 ? 1.08 : 0.92)
            var phase = 0.0
            return (0..<count).map { index in
                let progress = Double(index) / Double(count)
                phase += 2 * .pi * (start + (end - start) * progress) / Double(sampleRate)
                let envelope = sin(.pi * progress) * sin(.pi * progress)
                let wave = sin(phase) + 0.5 * sin(2 * phase) + 0.25 * sin(3 * phase)
                return Int16(6_000 * envelope * wave / 1.75)
            }
        }
    }
}
