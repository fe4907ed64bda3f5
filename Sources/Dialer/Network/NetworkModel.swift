/// How the simulated phone network and the people on it behave. Every run can set its own.
///
/// The defaults describe a consumer list dialed in the daytime: a quarter of dials reach a
/// person (the live-answer rate of the reference case, in the 20–30 % range the
/// industry reports for B2C lists), a fifth an answering machine, a few are busy or dead
/// numbers, the rest ring out. Ring times of 5–15 s, patience of a few seconds in silence
/// after "hello" (why regulators give the dialer 2 s), talk and wrap-up times log-normal.
public struct NetworkModel: Sendable, Hashable, Codable {
    /// Shares of dial attempts; what is left rings out unanswered.
    public var humanAnswer: Double
    public var machine: Double
    public var busy: Double
    public var invalid: Double

    /// Seconds of ringing before a person or machine answers.
    public var ringUntilAnswer: DurationDistribution
    /// Seconds a person waits in silence after answering before hanging up.
    public var patience: DurationDistribution
    /// Seconds until the network reports busy or an invalid number.
    public var failureSignalSeconds: Double
    public var talk: DurationDistribution
    public var wrapUp: DurationDistribution
    /// Seconds an agent needs to recognise a machine passed to them and hang up.
    public var machineRecognitionSeconds: Double

    /// Answering-machine detection: how long it listens, how often it takes a person for a
    /// machine (the call is dropped: Ofcom counts these as abandoned) and a machine for a person.
    public var detectionSeconds: Double
    public var detectionFalsePositive: Double
    public var detectionFalseNegative: Double

    /// Share of people who mostly answer in the evening (after 17:00 local time); they
    /// answer half as often in the day and half again as often in the evening.
    public var eveningPeople: Double
    /// How much more (above 1) or less a mobile number answers than a fixed line.
    public var mobileAnswerFactor: Double

    public init(
        humanAnswer: Double = 0.25, machine: Double = 0.20, busy: Double = 0.07, invalid: Double = 0.05,
        ringUntilAnswer: DurationDistribution = DurationDistribution(mean: 9, deviation: 4, minimum: 2),
        patience: DurationDistribution = DurationDistribution(mean: 5, deviation: 3, minimum: 1),
        failureSignalSeconds: Double = 3,
        talk: DurationDistribution = DurationDistribution(mean: 150, deviation: 90, minimum: 20),
        wrapUp: DurationDistribution = DurationDistribution(mean: 25, deviation: 10, minimum: 5),
        machineRecognitionSeconds: Double = 8,
        detectionSeconds: Double = 2.5, detectionFalsePositive: Double = 0.02, detectionFalseNegative: Double = 0.10,
        eveningPeople: Double = 0.2, mobileAnswerFactor: Double = 1.1
    ) {
        self.humanAnswer = humanAnswer
        self.machine = machine
        self.busy = busy
        self.invalid = invalid
        self.ringUntilAnswer = ringUntilAnswer
        self.patience = patience
        self.failureSignalSeconds = failureSignalSeconds
        self.talk = talk
        self.wrapUp = wrapUp
        self.machineRecognitionSeconds = machineRecognitionSeconds
        self.detectionSeconds = detectionSeconds
        self.detectionFalsePositive = detectionFalsePositive
        self.detectionFalseNegative = detectionFalseNegative
        self.eveningPeople = eveningPeople
        self.mobileAnswerFactor = mobileAnswerFactor
    }

    public func validate() throws {
        let shares = [humanAnswer, machine, busy, invalid]
        guard shares.allSatisfy({ $0 >= 0 }), shares.reduce(0, +) <= 1 else {
            throw SimulationError.outcomeSharesOutOfRange
        }
        guard [detectionFalsePositive, detectionFalseNegative, eveningPeople].allSatisfy({ (0...1).contains($0) }) else {
            throw SimulationError.rateOutOfRange
        }
    }
}
