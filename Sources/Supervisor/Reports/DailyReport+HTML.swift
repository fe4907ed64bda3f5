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
            th[scope=row] { text-align: left; font-weight: normal; }
            .chart text { font-size: 10px; } @media print { body { margin: 0; } }
            </style></head><body>
            <h1>\(HTMLText.escape(campaign)) — daily report, \(day)</h1>
            <h2>The day</h2><table>\(figuresRows)</table>
            <h2>Calls per hour</h2>\(hourChart)
            <h2>Agents</h2><table><thead><tr><th>Agent</th><th>Calls</th><th>Successes</th><th>Conversion</th><th>Average handle</th></tr></thead><tbody>\(agentRows)</tbody></table>
            <h2>Where conversations went in the script</h2><table><thead><tr><th>Step</th><th>Reached</th><th>Ended here</th></tr></thead><tbody>\(funnelRows)</tbody></table>
            </body></html>
            """
    }

    /// Bars of dials, conversations and successes per hour.
    var hourChart: String {
        let width = 24 * 30 + 40, height = 200, base = 170
        let top = max(1, hours.map(\.dialed).max() ?? 1)
        func bar(_ hour: Int, _ value: Int, offset: Int, color: String, label: String) -> String {
            let barHeight = Int(Double(value) / Double(top) * 150)
            return "<rect x=\"\(40 + hour * 30 + offset)\" y=\"\(base - barHeight)\" width=\"8\" height=\"\(barHeight)\" fill=\"\(color)\"><title>\(String(format: "%02d:00", hour)) \(label): \(value)</title></rect>"
        }
        var shapes = hours.flatMap { hour in
            [bar(hour.hour, hour.dialed, offset: 0, color: "#9bb", label: "dialed"),
             bar(hour.hour, hour.connected, offset: 9, color: "#37a", label: "conversations"),
             bar(hour.hour, hour.successes, offset: 18, color: "#2a5", label: "successes")]
        }
        shapes += stride(from: 0, to: 24, by: 3).map { "<text x=\"\(40 + $0 * 30)\" y=\"\(base + 14)\">\(String(format: "%02d", $0))</text>" }
        shapes.append("<text x=\"0\" y=\"24\">\(top)</text><line x1=\"38\" y1=\"\(base)\" x2=\"\(width)\" y2=\"\(base)\" stroke=\"#999\"/>")
        return "<svg class=\"chart\" role=\"img\" aria-label=\"Calls per hour: dialed, conversations, successes\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
            + shapes.joined() + "</svg>"
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
