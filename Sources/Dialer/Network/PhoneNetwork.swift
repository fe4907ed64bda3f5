import Foundation

/// Draws what happens to each dial attempt from the `NetworkModel`.
public struct PhoneNetwork: Sendable {
    public let model: NetworkModel
    private let seed: UInt64

    public init(model: NetworkModel, seed: UInt64) {
        self.model = model
        self.seed = seed
    }

    /// The outcome of dialing a contact at a local hour. Whether someone is an evening
    /// person is a fixed trait of the contact, drawn from the run's seed and the contact id.
    public func dial(
        contactID: Int, isMobile: Bool, localHour: Int, ringTimeout: Double, using generator: inout SeededGenerator
    ) -> DialResult {
        var trait = SeededGenerator.derived(seed: seed, UInt64(truncatingIfNeeded: contactID))
        let eveningPerson = trait.chance(model.eveningPeople)
        var human = model.humanAnswer * (isMobile ? model.mobileAnswerFactor : 1 / model.mobileAnswerFactor)
        if eveningPerson { human *= localHour >= 17 ? 1.5 : 0.5 }
        human = min(human, 1 - model.machine - model.busy - model.invalid)

        let draw = generator.unit()
        let ring = model.ringUntilAnswer.sample(&generator)
        let patience = model.patience.sample(&generator)
        switch draw {
        case ..<model.invalid:
            return DialResult(result: .invalid, seconds: model.failureSignalSeconds, patience: 0)
        case ..<(model.invalid + model.busy):
            return DialResult(result: .busy, seconds: model.failureSignalSeconds, patience: 0)
        case ..<(model.invalid + model.busy + model.machine):
            return ring < ringTimeout
                ? DialResult(result: .machine, seconds: ring, patience: 0)
                : DialResult(result: .noAnswer, seconds: ringTimeout, patience: 0)
        case ..<(model.invalid + model.busy + model.machine + human):
            return ring < ringTimeout
                ? DialResult(result: .human, seconds: ring, patience: patience)
                : DialResult(result: .noAnswer, seconds: ringTimeout, patience: 0)
        default:
            return DialResult(result: .noAnswer, seconds: ringTimeout, patience: 0)
        }
    }
}
