import Foundation

/// When calls may be placed: local hours on given weekdays, in each contact's own time zone.
public struct CallingWindow: Sendable, Hashable, Codable {
    /// Minutes after local midnight when calling may start, and when it must stop.
    public var startMinute: Int
    public var endMinute: Int
    /// ISO weekdays, 1 = Monday ... 7 = Sunday.
    public var days: Set<Int>

    public init(startMinute: Int = 9 * 60, endMinute: Int = 20 * 60, days: Set<Int> = [1, 2, 3, 4, 5]) {
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.days = days
    }

    private enum CodingKeys: String, CodingKey {
        case startMinute, endMinute, days
    }

    /// The days in order, so that the same window always reads the same.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(startMinute, forKey: .startMinute)
        try container.encode(endMinute, forKey: .endMinute)
        try container.encode(days.sorted(), forKey: .days)
    }

    /// The law's outer bounds for telemarketing in Poland and the UK's Ofcom guidance: 8:00–21:00.
    public static let legalStartMinute = 8 * 60
    public static let legalEndMinute = 21 * 60

    public func validate() throws {
        guard startMinute < endMinute, startMinute >= 0, endMinute <= 24 * 60 else {
            throw CampaignError.windowEndsBeforeStart
        }
        guard !days.isEmpty, days.allSatisfy({ (1...7).contains($0) }) else {
            throw CampaignError.unknownCallingDay
        }
        guard startMinute >= Self.legalStartMinute, endMinute <= Self.legalEndMinute else {
            throw CampaignError.windowOutsideLegalHours
        }
    }

    /// Whether `date` falls inside the window in `timeZone`.
    public func contains(_ date: Date, in timeZone: TimeZone) -> Bool {
        let (weekday, minute) = Self.local(date, in: timeZone)
        return days.contains(weekday) && minute >= startMinute && minute < endMinute
    }

    /// `date` itself when inside the window, otherwise the next opening of the window.
    public func nextOpening(atOrAfter date: Date, in timeZone: TimeZone) -> Date {
        if contains(date, in: timeZone) { return date }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var day = calendar.startOfDay(for: date)
        for _ in 0..<8 {
            let (weekday, _) = Self.local(day, in: timeZone)
            if days.contains(weekday),
                let opening = calendar.date(byAdding: .minute, value: startMinute, to: day), opening >= date
            {
                return opening
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        return date.addingTimeInterval(7 * 86_400)
    }

    /// The local ISO weekday and minute of the day.
    public static func local(_ date: Date, in timeZone: TimeZone) -> (weekday: Int, minute: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        let weekday = ((parts.weekday ?? 1) + 5) % 7 + 1  // Calendar: 1 = Sunday
        return (weekday, (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }
}
