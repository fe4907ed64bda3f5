extension CallScript.Step: Codable {
    private enum Keys: String, CodingKey {
        case id, say, next, ask, answers, consent, granted, refused, outcome, label, success, disclosure
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        id = try container.decode(String.self, forKey: .id)
        disclosure = try container.decodeIfPresent(Bool.self, forKey: .disclosure) ?? false
        if let text = try container.decodeIfPresent(String.self, forKey: .say) {
            kind = .say(text: text, next: try container.decode(String.self, forKey: .next))
        } else if let question = try container.decodeIfPresent(String.self, forKey: .ask) {
            kind = .ask(question: question, answers: try container.decode([CallScript.Answer].self, forKey: .answers))
        } else if let code = try container.decodeIfPresent(String.self, forKey: .consent) {
            kind = .consent(
                code: code, granted: try container.decode(String.self, forKey: .granted),
                refused: try container.decode(String.self, forKey: .refused))
        } else if let code = try container.decodeIfPresent(String.self, forKey: .outcome) {
            kind = .outcome(
                CallScript.Outcome(
                    code: code, label: try container.decodeIfPresent(String.self, forKey: .label) ?? code,
                    success: try container.decodeIfPresent(Bool.self, forKey: .success) ?? false))
        } else {
            throw DecodingError.dataCorruptedError(
                forKey: .id, in: container, debugDescription: "step \"\(id)\" has none of say, ask, consent, outcome")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        if disclosure { try container.encode(true, forKey: .disclosure) }
        switch kind {
        case .say(let text, let next):
            try container.encode(text, forKey: .say)
            try container.encode(next, forKey: .next)
        case .ask(let question, let answers):
            try container.encode(question, forKey: .ask)
            try container.encode(answers, forKey: .answers)
        case .consent(let code, let granted, let refused):
            try container.encode(code, forKey: .consent)
            try container.encode(granted, forKey: .granted)
            try container.encode(refused, forKey: .refused)
        case .outcome(let outcome):
            try container.encode(outcome.code, forKey: .outcome)
            try container.encode(outcome.label, forKey: .label)
            try container.encode(outcome.success, forKey: .success)
        }
    }
}
