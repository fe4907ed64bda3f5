import Campaigns

/// How a simulated conversation went: the path through the script, the consents given or
/// refused, and the outcome it ended in.
public struct Conversation: Sendable, Hashable {
    public let path: [String]
    public let consents: [Consent]
    public let outcome: CallScript.Outcome

    public struct Consent: Sendable, Hashable {
        public let code: String
        public let granted: Bool
    }
}

/// A simulated agent following a script: at each question the simulated person answers
/// according to the answers' weights; a consent step is granted with a given probability.
public struct ScriptWalker: Sendable {
    public let script: CallScript
    /// The chance that a person asked for a consent gives it.
    public let consentGrantRate: Double

    public init(script: CallScript, consentGrantRate: Double) {
        self.script = script
        self.consentGrantRate = consentGrantRate
    }

    public func walk(using generator: inout SeededGenerator) -> Conversation {
        var path: [String] = []
        var consents: [Conversation.Consent] = []
        var current = script.start
        // A validated script is acyclic, so every walk ends within `steps.count` steps.
        for _ in 0...script.steps.count {
            guard let step = script.step(current) else { break }
            path.append(step.id)
            switch step.kind {
            case .say(_, let next):
                current = next
            case .ask(_, let answers):
                current = answers[generator.pick(weights: answers.map { $0.weight ?? 1 })].next
            case .consent(let code, let granted, let refused):
                let given = generator.chance(consentGrantRate)
                consents.append(Conversation.Consent(code: code, granted: given))
                current = given ? granted : refused
            case .outcome(let outcome):
                return Conversation(path: path, consents: consents, outcome: outcome)
            }
        }
        return Conversation(path: path, consents: consents, outcome: Self.unfinished)
    }

    /// What a walk through a broken script ends in; validation keeps it from happening.
    static let unfinished = CallScript.Outcome(code: "unfinished", label: "Unfinished", success: false)
}
