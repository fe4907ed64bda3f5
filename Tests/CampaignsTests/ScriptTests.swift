import Campaigns
import Foundation
import Persistence
import TestSupport
import Testing

@Suite("Call scripts: a graph validated on save, versioned, kept as JSON")
struct ScriptTests {
    @Test("an unreachable step is refused, naming it")
    func unreachable() {
        var script = CampaignFixture.script
        script.steps.append(.init(id: "orphan", .say(text: "Nikt tu nie dojdzie.", next: "sale")))
        let problems = script.problems()
        #expect(problems.map(\.description) == ["step \"orphan\": cannot be reached from the start step \"hello\""])
        #expect(throws: ScriptError.self) { try script.validate() }
    }

    @Test("dangling references, loops, duplicates, unknown placeholders and empty questions are named")
    func otherProblems() {
        let script = CallScript(
            name: "Broken", start: "a",
            steps: [
                .init(id: "a", .say(text: "Witaj {nickname}", next: "b")),
                .init(id: "b", .ask(question: "?", answers: [.init(label: "x", next: "a"), .init(label: "y", next: "ghost")])),
                .init(id: "b", .ask(question: "?", answers: [])),
            ])
        let text = script.problems().map(\.description)
        #expect(text.contains("step \"b\": two steps have this id"))
        #expect(text.contains("step \"b\": leads to \"ghost\", which does not exist"))
        #expect(text.contains("step \"a\": unknown placeholder {nickname}"))
        #expect(text.contains("step \"b\": a question needs at least one answer"))

        let loop = CallScript(
            name: "Loop", start: "a",
            steps: [
                .init(id: "a", .ask(question: "?", answers: [.init(label: "again", next: "b"), .init(label: "end", next: "end")])),
                .init(id: "b", .say(text: "Jeszcze raz.", next: "a")),
                .init(id: "end", .outcome(.init(code: "done", label: "Done", success: false))),
            ])
        #expect(loop.problems().map(\.description).contains { $0.contains("leads back to itself") })
    }

    @Test("JSON round trip in the documented shape, and placeholders rendered")
    func json() throws {
        let data = try JSONEncoder().encode(CampaignFixture.script)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"say\":\"Dzień dobry, {first_name}. Rozmowa jest nagrywana.\""))
        #expect(text.contains("\"disclosure\":true"))
        #expect(text.contains("\"consent\":\"marketing\""))
        #expect(try JSONDecoder().decode(CallScript.self, from: data) == CampaignFixture.script)
        #expect(CallScript.render("Dzień dobry, {first_name}!", values: ["first_name": "Łukasz"]) == "Dzień dobry, Łukasz!")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(CallScript.Step.self, from: Data(#"{"id": "x", "shout": "?"}"#.utf8))
        }
    }

    @Test("saving a changed script adds a version; an unchanged one keeps it")
    func versions() async throws {
        try await TestDatabase.withFresh { database in
            let store = ScriptStore(database)
            let first = try await store.save(CampaignFixture.script, actor: "test")
            #expect(first.version == 1)
            #expect(try await store.save(CampaignFixture.script, actor: "test").id == first.id)
            var changed = CampaignFixture.script
            changed.steps[0] = .init(id: "hello", .say(text: "Dobry wieczór, {first_name}.", next: "offer"), disclosure: true)
            let second = try await store.save(changed, actor: "test")
            #expect(second.version == 2)
            #expect(try await store.version(id: first.id)?.script == CampaignFixture.script)
        }
    }
}
