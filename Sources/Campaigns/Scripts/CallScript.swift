/// What an agent says and asks during a call: a graph of steps from `start` to an outcome.
///
/// In JSON each step names its kind by the key it carries:
///
///     {"id": "hello", "say": "Dzień dobry, {first_name}...", "next": "offer"}
///     {"id": "offer", "ask": "Czy ...?", "answers": [{"label": "Tak", "next": "sale", "weight": 0.3}, ...]}
///     {"id": "rodo", "consent": "marketing", "granted": "sale", "refused": "no_consent"}
///     {"id": "sale", "outcome": "sale", "label": "Sprzedaż", "success": true}
public struct CallScript: Sendable, Hashable, Codable {
    public var name: String
    /// The id of the first step.
    public var start: String
    public var steps: [Step]

    public init(name: String, start: String, steps: [Step]) {
        self.name = name
        self.start = start
        self.steps = steps
    }

    public struct Step: Sendable, Hashable {
        public var id: String
        public var kind: Kind
        /// The step tells the person that the call is recorded.
        public var disclosure: Bool

        public init(id: String, _ kind: Kind, disclosure: Bool = false) {
            self.id = id
            self.kind = kind
            self.disclosure = disclosure
        }
    }

    public enum Kind: Sendable, Hashable {
        /// Text the agent reads, with placeholders such as `{first_name}`.
        case say(text: String, next: String)
        /// A question with answers, each leading to a step.
        case ask(question: String, answers: [Answer])
        /// Asks for a consent type (by code); the answer goes to the ledger with the call as proof.
        case consent(code: String, granted: String, refused: String)
        /// Ends the conversation with an outcome.
        case outcome(Outcome)
    }

    public struct Answer: Sendable, Hashable, Codable {
        public var label: String
        public var next: String
        /// How likely a simulated person gives this answer, relative to the others (default 1).
        public var weight: Double?

        public init(label: String, next: String, weight: Double? = nil) {
            self.label = label
            self.next = next
            self.weight = weight
        }
    }

    public struct Outcome: Sendable, Hashable, Codable {
        /// Machine name, e.g. `sale`, `refusal`, `callback`, `not_interested`, `wrong_person`.
        public var code: String
        public var label: String
        /// Whether this outcome counts as a success of the campaign.
        public var success: Bool

        public init(code: String, label: String, success: Bool) {
            self.code = code
            self.label = label
            self.success = success
        }

        /// The outcome that asks for the contact to be called again.
        public var isCallback: Bool { code == "callback" }
        /// The outcome of a person who objects to marketing calls (GDPR art. 21): never again.
        public var isObjection: Bool { code == "objection" || code == "do_not_call" }
    }

    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }

    /// Whether a step tells the person that the call is recorded.
    public var disclosesRecording: Bool { steps.contains(where: \.disclosure) }

    /// Every outcome the script can end in.
    public var outcomes: [Outcome] {
        steps.compactMap { if case .outcome(let outcome) = $0.kind { outcome } else { nil } }
    }
}

extension CallScript.Kind {
    /// The steps this step may lead to.
    public var successors: [String] {
        switch self {
        case .say(_, let next): [next]
        case .ask(_, let answers): answers.map(\.next)
        case .consent(_, let granted, let refused): [granted, refused]
        case .outcome: []
        }
    }
}
