/// What is wrong with a script, naming the step.
public struct ScriptProblem: Sendable, Hashable, CustomStringConvertible {
    public let step: String?
    public let message: String

    public var description: String { step.map { "step \"\($0)\": \(message)" } ?? message }
}

extension CallScript {
    /// The placeholders a text may use.
    public static let placeholders: Set<String> = ["first_name", "last_name", "full_name", "agent_name", "campaign"]

    /// Every problem that stops the script from being saved: duplicate or dangling step ids,
    /// steps that cannot be reached from the start, paths that never reach an outcome
    /// (a loop), questions without answers, unknown placeholders.
    public func problems() -> [ScriptProblem] {
        var problems: [ScriptProblem] = []
        if name.isEmpty { problems.append(ScriptProblem(step: nil, message: "the script needs a name")) }
        var seen: Set<String> = []
        for step in steps where !seen.insert(step.id).inserted {
            problems.append(ScriptProblem(step: step.id, message: "two steps have this id"))
        }
        if step(start) == nil {
            problems.append(ScriptProblem(step: nil, message: "the start step \"\(start)\" does not exist"))
        }
        for step in steps {
            problems += Self.problems(of: step, knownIDs: seen)
        }
        guard problems.isEmpty else { return problems }
        let reachable = reachableSteps()
        for step in steps where !reachable.contains(step.id) {
            problems.append(ScriptProblem(step: step.id, message: "cannot be reached from the start step \"\(start)\""))
        }
        if let loop = firstLoop() {
            problems.append(ScriptProblem(step: loop, message: "leads back to itself, so a conversation could never end in an outcome"))
        }
        return problems
    }

    /// Throws a `DomainError` listing every problem, when there are any.
    public func validate() throws {
        let problems = problems()
        guard problems.isEmpty else {
            throw DomainError.invalid("the script \"\(name)\" cannot be saved: " + problems.map(\.description).joined(separator: "; "))
        }
    }

    private static func problems(of step: Step, knownIDs: Set<String>) -> [ScriptProblem] {
        var problems: [ScriptProblem] = []
        for next in step.kind.successors where !knownIDs.contains(next) {
            problems.append(ScriptProblem(step: step.id, message: "leads to \"\(next)\", which does not exist"))
        }
        switch step.kind {
        case .say(let text, _):
            problems += unknownPlaceholders(in: text).map { ScriptProblem(step: step.id, message: "unknown placeholder {\($0)}") }
        case .ask(let question, let answers):
            if answers.isEmpty { problems.append(ScriptProblem(step: step.id, message: "a question needs at least one answer")) }
            if answers.contains(where: { ($0.weight ?? 1) < 0 }) {
                problems.append(ScriptProblem(step: step.id, message: "an answer's weight cannot be negative"))
            }
            problems += unknownPlaceholders(in: question).map { ScriptProblem(step: step.id, message: "unknown placeholder {\($0)}") }
        case .consent(let code, _, _):
            if code.isEmpty { problems.append(ScriptProblem(step: step.id, message: "names no consent type")) }
        case .outcome(let outcome):
            if outcome.code.isEmpty { problems.append(ScriptProblem(step: step.id, message: "an outcome needs a code")) }
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
