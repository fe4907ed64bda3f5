import Campaigns
import Foundation
import Testing

@Suite("The erasure request's lifecycle, without a database: four eyes, undo while pending, decided once")
struct ErasureRequestTests {
    static let filed = Date(timeIntervalSince1970: 1_800_000_000)
    static func pending() -> ErasureRequest {
        ErasureRequest(id: 7, contactID: 42, requestedAt: filed, requestedBy: "staff:adam")
    }

    @Test("a supervisor other than the one who filed it confirms (erase) or rejects (back to the queues)")
    func decisions() throws {
        var confirmed = Self.pending()
        #expect(try confirmed.decide(.confirm, by: "staff:sabina", roles: [.supervisor], at: Self.filed.addingTimeInterval(60)) == .erase)
        #expect(confirmed.status == .confirmed && confirmed.decidedBy == "staff:sabina" && confirmed.decidedAt == Self.filed.addingTimeInterval(60))
        var rejected = Self.pending()
        #expect(try rejected.decide(.reject, by: "staff:sabina", roles: [.agent, .supervisor], at: Self.filed) == .returnToQueues)
        #expect(rejected.status == .rejected)
    }

    @Test("the one who filed it, or any supervisor, may undo it while it is pending")
    func undo() throws {
        var byRequester = Self.pending()
        #expect(try byRequester.decide(.undo, by: "staff:adam", roles: [.agent], at: Self.filed) == .returnToQueues)
        #expect(byRequester.status == .undone)
        var bySupervisor = Self.pending()
        #expect(try bySupervisor.decide(.undo, by: "staff:sabina", roles: [.supervisor], at: Self.filed) == .returnToQueues)
    }

    @Test("refused: confirming or rejecting one's own request, deciding without the supervisor role, undoing another's, deciding twice")
    func refusals() throws {
        var request = Self.pending()
        #expect(throws: ErasureError.ownRequest(id: 7)) { try request.decide(.confirm, by: "staff:adam", roles: [.supervisor], at: Self.filed) }
        #expect(throws: ErasureError.ownRequest(id: 7)) { try request.decide(.reject, by: "staff:adam", roles: [.supervisor], at: Self.filed) }
        #expect(throws: ErasureError.supervisorRequired(id: 7)) { try request.decide(.confirm, by: "staff:ewa", roles: [.agent, .administrator], at: Self.filed) }
        #expect(throws: ErasureError.undoNotAllowed(id: 7)) { try request.decide(.undo, by: "staff:ewa", roles: [.agent], at: Self.filed) }
        #expect(request.status == .pending && request.decidedBy == nil)
        _ = try request.decide(.confirm, by: "staff:sabina", roles: [.supervisor], at: Self.filed)
        for decision in ErasureRequest.Decision.allCases {
            #expect(throws: ErasureError.alreadyDecided(id: 7, status: .confirmed)) {
                try request.decide(decision, by: "staff:olga", roles: [.supervisor], at: Self.filed)
            }
        }
    }
}
