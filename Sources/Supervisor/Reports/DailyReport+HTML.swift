import Foundation

extension DailyReport {
    /// A printable page: the day's figures, a chart of calls per hour (inline SVG), the agents
    /// and the funnel. Needs nothing from the network.
    public var html: String {
        let figuresRows = [
            ("Dialed", "\(figures.dialed)"), ("Answered by a person", "\(figures.humanAnswers)"),
            ("Answering machines", "\(figures.machines)"), ("Busy", "\(figures.busy)"), ("No answer", "\(figures.noAnswer)"),
            ("Invalid numbers", "\(figures.invalid)"), ("Conversations", "\(figures.connected)"), ("Successes", "\(figures.successes)"),
            ("Conversion", Self.percent(figures.conversion)), ("Abandoned", "\(figures.abandoned)"),
            ("Abandon rate (day)", Self.percent(figures.abandonRate)), ("Abandon rate (24 h)", Self.percent(figures.abandonRate24h)),
            ("Abandon rate (30 days)", Self.percent(figures.abandonRate30d)), ("Occupancy", Self.percent(figures.occupancy)),
            ("Average talk", String(format: "%.0f s", figures.averageTalkSeconds)),
            ("Average wrap-up", String(format: "%.0f s", figures.averageWrapUpSeconds)),
            ("Contacts per hour", String(format: "%.1f", figures.contactsPerHour)),
        ].map { "<tr><th scope=\"row\">\(HTMLText.escape($0.0))</th><td>\($0.1)</td></tr>" }.joined()
        let agentRows = agents.map { agent in
            "<tr><th scope=\"row\">\(HTMLText.escape(agent.name))</th><td>\(agent.connected)</td><td>\(agent.successes)</td>"
                + "<td>\(Self.percent(agent.conversion))</td><td>\(String(format: "%.0f s", agent.averageHandleSeconds))</td></tr>"
        }.joined()
        let funnelRows = funnel.map {
            "<tr><th scope=\"row\">\(HTMLText.escape($0.step))</th><td>\($0.reached)</td><td>\($0.endedHere)</td></tr>"
        }.joined()
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(HTMLText.escape(campaign)) — \(day)</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 2rem; color: #111; }
            h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
            table { border-collapse: collapse; } th, td { padding: .2rem .8rem; border-bottom: 1px solid #ddd; text-align: right; }
            th[scope=row] { text-align: left; font-weight: normal; } thead th:first-child { text-align: left; }
            .chart text { font-size: 10px; } @media print { body { margin: 0; } }
            </style></head><body>
            <h1>\(HTMLText.escape(campaign)) — daily report, \(day)</h1>
            <h2>The day</h2><table>\(figuresRows)</table>
            <h2>Calls per hour</h2>\(hourChart)
            <h2>Agents</h2><table><thead><tr><th>Agent</th><th>Calls handled</th><th>Successes</th><th>Conversion</th><th>Average handle</th></tr></thead><tbody>\(agentRows)</tbody></table>
            <h2>Where conversations went in the script</h2><table><thead><tr><th>Step</th><th>Reached</th><th>Ended here</th></tr></thead><tbody>\(funnelRows)</tbody></table>
            </body></html>
            """
    }

    /// Bars of dials, conversations and successes for each hour from the first call to the
    /// last, with a legend and a scale, since a printed page has no tooltips.
    var hourChart: String {
        guard let first = hours.map(\.hour).min(), let last = hours.map(\.hour).max() else { return "<p>No calls this day.</p>" }
        let series: [(label: String, color: String, value: KeyPath<Hour, Int>)] = [
            ("dialed", "#9bb", \.dialed), ("conversations", "#37a", \.connected), ("successes", "#2a5", \.successes),
        ]
        let left = 44, slot = 40, base = 190, plot = 150
        let width = left + (last - first + 1) * slot + 8, height = base + 20
        let top = max(1, hours.map(\.dialed).max() ?? 1)
        func y(_ value: Int) -> Int { base - Int((Double(value) / Double(top) * Double(plot)).rounded()) }
        var shapes = series.enumerated().map { index, entry in
            "<rect x=\"\(left + index * 110)\" y=\"6\" width=\"10\" height=\"10\" fill=\"\(entry.color)\"/>"
                + "<text x=\"\(left + index * 110 + 14)\" y=\"15\">\(entry.label)</text>"
        }
        for value in Set([top, top / 2]).sorted() where value > 0 {
            shapes.append(
                "<line x1=\"\(left - 4)\" y1=\"\(y(value))\" x2=\"\(width)\" y2=\"\(y(value))\" stroke=\"#e4e4e4\"/>"
                    + "<text x=\"\(left - 8)\" y=\"\(y(value) + 4)\" text-anchor=\"end\">\(value)</text>")
        }
        for hour in hours {
            let x = left + (hour.hour - first) * slot + 4
            for (index, entry) in series.enumerated() {
                let value = hour[keyPath: entry.value]
                shapes.append(
                    "<rect x=\"\(x + index * 10)\" y=\"\(y(value))\" width=\"9\" height=\"\(base - y(value))\" fill=\"\(entry.color)\">"
                        + "<title>\(String(format: "%02d:00", hour.hour)) \(entry.label): \(value)</title></rect>")
            }
        }
        for hour in first...last {
            shapes.append("<text x=\"\(left + (hour - first) * slot + 4)\" y=\"\(base + 14)\">\(String(format: "%02d:00", hour))</text>")
        }
        shapes.append("<line x1=\"\(left - 4)\" y1=\"\(base)\" x2=\"\(width)\" y2=\"\(base)\" stroke=\"#999\"/>")
        return "<svg class=\"chart\" role=\"img\" aria-label=\"Calls per hour: dialed, conversations, successes\" "
            + "width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">" + shapes.joined() + "</svg>"
    }

    static func percent(_ value: Double) -> String { String(format: "%.2f %%", value * 100) }
}

/// Text safe inside HTML.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
