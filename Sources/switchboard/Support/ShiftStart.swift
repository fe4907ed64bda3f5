import ArgumentParser
import Foundation
import Persistence

/// When a simulated shift starts by default: a weekday at 09:00 in Warsaw.
enum ShiftStart {
    static let warsaw = TimeZone(identifier: "Europe/Warsaw") ?? .gmt

    /// The first weekday morning after the campaign's last simulated shift (or its last call,
    /// for a run that failed before it could say where it ended), or after today: runs follow
    /// one another instead of simulating a day twice.
    static func next(campaignID: Int, database: Database) async throws -> Date {
        let last = try await database.query(
            """
            SELECT greatest((SELECT max(simulated_until) FROM dialer_runs WHERE campaign_id = \(campaignID)),
                            (SELECT max(dialed_at) FROM calls WHERE campaign_id = \(campaignID)))
            """
        ).single().decode(Date?.self, at: 0)
        return nextWeekdayMorning(after: max(last ?? Date(), Date()))
    }

    /// `Thursday 26 November 2026, 09:00 Warsaw time`.
    static func describe(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = warsaw
        formatter.locale = Locale(identifier: "en_GB")
        formatter.dateFormat = "EEEE d MMMM yyyy, HH:mm"
        return formatter.string(from: date) + " Warsaw time"
    }

    static func nextWeekdayMorning(after date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = warsaw
        var day = calendar.startOfDay(for: date)
        repeat {
            day = calendar.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
        } while calendar.isDateInWeekend(day)
        return calendar.date(byAdding: .hour, value: 9, to: day) ?? day
    }
}
