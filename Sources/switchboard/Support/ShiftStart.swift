import ArgumentParser
import Foundation

/// When a simulated shift starts: given in ISO 8601, or the next weekday at 09:00 in Warsaw.
enum ShiftStart {
    static let warsaw = TimeZone(identifier: "Europe/Warsaw") ?? .gmt

    static func parse(_ text: String?, after now: Date = Date()) throws -> Date {
        if let text {
            guard let date = ISO8601DateFormatter().date(from: text) else {
                throw ValidationError("--start must be an ISO 8601 time such as 2026-12-01T09:00:00+01:00, not '\(text)'")
            }
            return date
        }
        return nextWeekdayMorning(after: now)
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
