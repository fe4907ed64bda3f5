@testable import Server
import Testing

@Suite("The pages' words")
struct PageWordsTests {
    @Test("Polish and English have the same keys, none empty, and every page template's words exist")
    func sameKeys() throws {
        let strings = try Strings.bundled()
        let polish = strings.table(.pl), english = strings.table(.en)
        #expect(Set(polish.keys).subtracting(english.keys).sorted() == [])
        #expect(Set(english.keys).subtracting(polish.keys).sorted() == [])
        #expect(polish.values.allSatisfy { !$0.isEmpty } && english.values.allSatisfy { !$0.isEmpty })
        let renderer = try PageRenderer.bundled()
        for key in renderer.wordsUsed() {
            #expect(polish[key] != nil, "templates use \(key), which the words lack")
        }
    }
}
