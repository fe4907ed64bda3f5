/// What is wrong with a script, naming the step (nil for the script as a whole).
public struct ScriptProblem: Sendable, Hashable, CustomStringConvertible {
    /// The kinds of problem a script can have.
    public enum Issue: Sendable, Hashable {
        case unnamed
        case duplicateID
        case missingStart(String)
        case danglingNext(String)
        case unreachable(start: String)
        case loop
        case unknownPlaceholder(String)
        case noAnswers
        case negativeWeight
        case noConsentType
        case noOutcomeCode
    }

    public let step: String?
    public let issue: Issue

    public init(step: String?, _ issue: Issue) {
        self.step = step
        self.issue = issue
    }

    /// The problem in words, without the step's name.
    public var message: String {
        switch issue {
        case .unnamed: "the script needs a name"
        case .duplicateID: "two steps have this id"
        case .missingStart(let start): "the start step \"\(start)\" does not exist"
        case .danglingNext(let next): "leads to \"\(next)\", which does not exist"
        case .unreachable(let start): "cannot be reached from the start step \"\(start)\""
        case .loop: "leads back to itself, so a conversation could never end in an outcome"
        case .unknownPlaceholder(let name): "unknown placeholder {\(name)}"
        case .noAnswers: "a question needs at least one answer"
        case .negativeWeight: "an answer's weight cannot be negative"
        case .noConsentType: "names no consent type"
        case .noOutcomeCode: "an outcome needs a code"
        }
    }

    public var description: String { step.map { "step \"\($0)\": \(message)" } ?? message }
}

/// Why a call script cannot be saved or used.
public enum ScriptError: DomainError, Hashable {
    /// The script has problems; each names its step.
    case invalid(script: String, problems: [ScriptProblem])

    public var kind: FailureKind { .invalid }
    public var code: String { "script.invalid" }

    public var description: String {
        switch self {
        case .invalid(let script, let problems):
            "the script \"\(script)\" cannot be saved: " + problems.map(\.description).joined(separator: "; ")
        }
    }
}

extension CallScript {
    /// The placeholders a text may use.
    public static let placeholders: Set<String> = ["first_name", "last_name", "full_name", "agent_name", "campaign"]

    /// Every problem that stops the script from being saved: duplicate or dangling step ids,
    /// steps that cannot be reached from the start, paths that never reach an outcome
    /// (a loop), questions without answers, unknown placeholders.
    public func problems() -> [ScriptProblem] {
        var problems: [ScriptProblem] = []
        if name.isEmpty { problems.append(ScriptProblem(step: nil, .unnamed)) }
        var seen: Set<String> = []
        for step in steps where !seen.insert(step.id).inserted {
            problems.append(ScriptProblem(step: step.id, .duplicateID))
        }
        if step(start) == nil {
            problems.append(ScriptProblem(step: nil, .missingStart(start)))
        }
        for step in steps {
            problems += Self.problems(of: step, knownIDs: seen)
        }
        guard problems.isEmpty else { return problems }
        let reachable = reachableSteps()
        for step in steps where !reachable.contains(step.id) {
            problems.append(ScriptProblem(step: step.id, .unreachable(start: start)))
        }
        if let loop = firstLoop() {
            problems.append(ScriptProblem(step: loop, .loop))
        }
        return problems
    }

    /// Throws a `ScriptError` listing every problem, when there are any.
    public func validate() throws(ScriptError) {
        let problems = problems()
        guard problems.isEmpty else { throw .invalid(script: name, problems: problems) }
    }

    private static func problems(of step: Step, knownIDs: Set<String>) -> [ScriptProblem] {
        var problems: [ScriptProblem] = []
        for next in step.kind.successors where !knownIDs.contains(next) {
            problems.append(ScriptProblem(step: step.id, .danglingNext(next)))
        }
        switch step.kind {
        case .say(let text, _):
            problems += unknownPlaceholders(in: text).map { ScriptProblem(step: step.id, .unknownPlaceholder($0)) }
        case .ask(let question, let answers):
            if answers.isEmpty { problems.append(ScriptProblem(step: step.id, .noAnswers)) }
            if answers.contains(where: { ($0.weight ?? 1) < 0 }) {
                problems.append(ScriptProblem(step: step.id, .negativeWeight))
            }
            problems += unknownPlaceholders(in: question).map { ScriptProblem(step: step.id, .unknownPlaceholder($0)) }
        case .consent(let code, _, _):
            if code.isEmpty { problems.append(ScriptProblem(step: step.id, .noConsentType)) }
        case .outcome(let outcome):
            if outcome.code.isEmpty { problems.append(ScriptProblem(step: step.id, .noOutcomeCode)) }
        }
        return problems
    }

    private func reachableSteps() -> Set<String> {
        var reached: Set<String> = [start]
        var pending = [start]
        while let id = pending.popLast() {
            for next in step(id)?.kind.successors ?? [] where reached.insert(next).inserted {
                pending.append(next)
            }
        }
        return reached
    }

    /// A step on a cycle, found by depth-first search from the start.
    private func firstLoop() -> String? {
        var onPath: Set<String> = []
        var finished: Set<String> = []
        func visit(_ id: String) -> String? {
            if onPath.contains(id) { return id }
            if finished.contains(id) { return nil }
            onPath.insert(id)
            defer {
                onPath.remove(id)
                finished.insert(id)
            }
            for next in step(id)?.kind.successors ?? [] {
                if let loop = visit(next) { return loop }
            }
            return nil
        }
        return visit(start)
    }

    static func unknownPlaceholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !placeholders.contains(name) { names.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
