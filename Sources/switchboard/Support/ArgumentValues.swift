import ArgumentParser
import Campaigns
import CSV
import Dialer
import Foundation

// Option values with a shape of their own. Each parses itself, so a value that does not fit is
// refused by ArgumentParser with the option's name, the value and the option's help (which
// shows an example), before the command runs.

/// A moment in ISO 8601: `2026-12-01T09:00:00+01:00`.
struct ISOTime: ExpressibleByArgument {
    let date: Date

    init?(argument: String) {
        guard let date = ISO8601DateFormatter().date(from: argument) else { return nil }
        self.date = date
    }
}

/// A calendar day, `YYYY-MM-DD`, read as the day's start in UTC.
struct CalendarDay: ExpressibleByArgument {
    let date: Date

    init?(argument: String) {
        guard let date = Self.formatter.date(from: argument) else { return nil }
        self.date = date
    }

    /// `2026-12-01`, or nothing for no date.
    static func text(_ date: Date?) -> String {
        date.map(formatter.string(from:)) ?? ""
    }

    private static var formatter: DateFormatter {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter
    }
}

/// `KEY=VALUE`, such as a consent's proof `form=F-2026-117`.
struct KeyValue: ExpressibleByArgument {
    let key: String
    let value: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
        key = String(argument[..<equals])
        value = String(argument[argument.index(after: equals)...])
    }
}

/// `COLUMN=FIELD` of an import's mapping, such as `Nr tel=phone` or `Uwagi=custom:notes`.
struct ColumnChoice: ExpressibleByArgument {
    let column: String
    let field: ImportField

    init?(argument: String) {
        guard let equals = argument.lastIndex(of: "="), let field = ImportField(spec: String(argument[argument.index(after: equals)...]))
        else { return nil }
        column = String(argument[..<equals])
        self.field = field
    }
}

/// `REASON=SECONDS` of a campaign's retry policy, such as `busy=600`.
struct RetryDelay: ExpressibleByArgument {
    let reason: RetryPolicy.Reason
    let seconds: Int

    init?(argument: String) {
        let parts = argument.split(separator: "=")
        guard parts.count == 2, let reason = RetryPolicy.Reason(rawValue: String(parts[0])), let seconds = Int(parts[1]) else { return nil }
        self.reason = reason
        self.seconds = seconds
    }
}

/// Local calling hours, `START-END` such as `09:00-20:00`.
struct CallingHours: ExpressibleByArgument {
    let startMinute: Int
    let endMinute: Int

    init?(argument: String) {
        let ends = argument.split(separator: "-").map { Self.minutes(String($0)) }
        guard ends.count == 2, let start = ends[0], let end = ends[1] else { return nil }
        startMinute = start
        endMinute = end
    }

    private static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...24).contains(parts[0]), (0..<60).contains(parts[1]) else { return nil }
        return parts[0] * 60 + parts[1]
    }
}

/// ISO weekdays (1 = Monday) as ranges and lists: `1-5`, `1,3,5`, `1-5,7`.
struct Weekdays: ExpressibleByArgument {
    let days: Set<Int>

    init?(argument: String) {
        var days = Set<Int>()
        for part in argument.split(separator: ",") {
            let bounds = part.split(separator: "-").compactMap { Int($0) }
            guard let first = bounds.first, let last = bounds.last, bounds.count <= 2, first <= last else { return nil }
            days.formUnion(first...last)
        }
        self.days = days
    }
}

/// `virtual`, or the real clock's speed factor such as `1` or `60`.
extension ClockKind: ExpressibleByArgument {
    public init?(argument: String) {
        if argument == "virtual" {
            self = .virtual
            return
        }
        guard let speed = Double(argument), speed > 0 else { return nil }
        self = .real(speed: speed)
    }
}

/// `utf8`, `windows1250` (or `cp1250`), `iso8859_2` (or `latin2`).
extension TextEncoding: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased().filter({ $0.isLetter || $0.isNumber }) {
        case "utf8": self = .utf8
        case "windows1250", "cp1250": self = .windows1250
        case "iso88592", "latin2": self = .iso8859_2
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["utf8", "windows1250", "iso8859_2"] }
}

/// `comma`, `semicolon` or `tab` (or the character itself).
extension CSVDelimiter: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument {
        case "comma", ",": self = .comma
        case "semicolon", ";": self = .semicolon
        case "tab", "\\t", "\t": self = .tab
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["comma", "semicolon", "tab"] }
}

extension ImportOptions.DuplicatePolicy: ExpressibleByArgument {}
extension DialMode: ExpressibleByArgument {}
extension DataSource.Kind: ExpressibleByArgument {}
