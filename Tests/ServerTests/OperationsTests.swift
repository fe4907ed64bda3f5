import Campaigns
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Persistence
import TestSupport
import Testing

/// What an operator relies on, checked on the real thing: a `switchboard serve` and a
/// `switchboard simulate --metrics-port` started as processes on a database of their own,
/// scraped while the dialer works, their debug logs read afterwards.
@Suite("Operations: metrics of a running server and dialer, the dashboard and the alerts, logs without personal data")
struct OperationsTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("every documented metric is scraped with its type, promtool reads the scrapes, and the logs are JSON without a contact's data")
    func runningProcesses() async throws {
        let catalogue = try MetricCatalogue.read(Self.root.appending(path: "docs/operations.md"))
        try await TestDatabase.withFresh { database in
            let fixture = try await CampaignFixture.make(
                database, consenting: 0, withoutConsent: 0, campaignName: "Operations test") { $0.dialMode = .predictive }
            _ = try await StaffStore(database, hasher: PasswordHasher(cost: 4)).add(
                login: "operator", displayName: "Operator", roles: [.administrator], password: "Operations-2026", actor: "test")
            let token = try await APITokenStore(database).issue(for: "operator", label: "test", actor: "test").token
            let url = try await Self.url(of: database)
            let folder = TestDatabase.scratchFolder + "/operations-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let (serverPort, dialerPort) = (try #require(FreePort.find()), try #require(FreePort.find()))
            let common = ["--database-url", url, "--data-dir", folder, "--log-level", "debug", "--log-format", "json"]
            let environment = ["SWITCHBOARD_MASTER_KEY": Data(repeating: 7, count: 32).base64EncodedString()]  // CampaignFixture.testVault's
            let people = Person.list(count: 60)

            let scrapes = try await SwitchboardProcess.running(
                ["serve", "--port", "\(serverPort)"] + common, environment: environment, log: folder + "/serve.log"
            ) {
                let server = HTTPTarget(port: serverPort)
                try await server.waitUntilAnswering("/health/ready")
                let imported = try await server.request(
                    "/api/imports?source=Test%20list&campaign=Operations%20test&consent=telemarketing&consent=processing&proof=operations-test",
                    method: .post, headers: [.authorization: "Bearer \(token)"], body: Person.csv(people))
                #expect(imported.status == .ok || imported.status == .created, "\(imported.body)")
                let missing = try await server.request(
                    "/api/campaigns/999999", headers: [.authorization: "Bearer \(token)", HTTPField.Name("X-Request-ID")!: "operations-test-1"])
                #expect(missing.status == .notFound)
                #expect(missing.headers[HTTPField.Name("X-Request-ID")!] == "operations-test-1")
                #expect(missing.body.contains("\"requestId\":\"operations-test-1\""))

                let dialed = try await SwitchboardProcess.running(
                    ["simulate", "--campaign", fixture.campaign.name, "--agents", "4", "--hours", "0.25", "--clock", "120",
                     "--recording-cap-mb", "0", "--metrics-port", "\(dialerPort)"] + common,
                    environment: environment, log: folder + "/simulate.log"
                ) {
                    try await Self.scrapeWhileDialing(server: server, dialer: HTTPTarget(port: dialerPort))
                }
                return (server: try await server.request("/metrics").body, dialer: dialed.dialer, serverDuringRun: dialed.server)
            }

            // Every documented name, with its type, from the process that exports it.
            let server = try PrometheusText(scrapes.server), dialer = try PrometheusText(scrapes.dialer)
            for metric in catalogue.metrics where metric.isRequired {
                if metric.fromServer { #expect(server.types[metric.name] == metric.type, "serve's /metrics: \(metric.name) as \(metric.type)") }
                if metric.fromDialer { #expect(dialer.types[metric.name] == metric.type, "the dialer's /metrics: \(metric.name) as \(metric.type)") }
            }
            // The figures are the run's: calls were written, agents worked, the import counted.
            #expect(dialer.values("switchboard_calls_dialed_total", ["campaign": "Operations test"]).reduce(0, +) > 0)
            #expect(dialer.values("switchboard_dialer_write_duration_seconds_count").reduce(0, +) > 0)
            #expect(server.values("switchboard_campaign_agents", ["campaign": "Operations test"]).count == 5)
            #expect(try PrometheusText(scrapes.serverDuringRun).values("switchboard_campaign_agents", ["campaign": "Operations test"]).reduce(0, +) > 0)
            #expect(server.values("switchboard_import_rows_total", ["outcome": "inserted"]) == [Double(people.count)])
            let serverLog = try String(contentsOfFile: folder + "/serve.log", encoding: .utf8)
            let complaints = serverLog.split(separator: "\n").filter { $0.contains("\"level\":\"warning\"") || $0.contains("\"level\":\"error\"") }
            #expect(server.values("switchboard_database_up") == [1], "the server's complaints: \(complaints)")
            #expect(server.values("switchboard_http_requests_total", ["route": "/api/imports", "method": "POST"]).reduce(0, +) == 1)
            for scrape in [scrapes.server, scrapes.dialer] {
                let (parsed, findings) = try await Promtool.checkMetrics(scrape)
                #expect(parsed, "promtool could not parse the scrape: \(findings)")
                // Help texts live in docs/operations.md; every other convention holds.
                #expect(findings.filter { !$0.contains("no help text") }.isEmpty, "\(findings)")
            }

            // Logs: one JSON object a line, debug included, the request id in the server's, no person's data.
            for name in ["serve.log", "simulate.log"] {
                let log = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
                let lines = log.split(separator: "\n")
                #expect(lines.count >= 3, "\(name) has \(lines.count) lines")
                for line in lines {
                    let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                    #expect(object?["time"] is String && object?["level"] is String && object?["label"] is String
                        && object?["message"] is String && object?["metadata"] is [String: Any], "\(name): \(line)")
                }
                #expect(log.contains("\"level\":\"debug\""), "\(name) was written at debug level")
                for person in people {
                    for (what, value) in person.traces where log.contains(value) {
                        Issue.record("\(name) holds a contact's \(what): \(value)")
                    }
                }
                if name == "serve.log" { #expect(log.contains("\"hb.request.id\":\"operations-test-1\"")) }
            }
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    @Test("the dashboard's and the alert rules' queries name only documented metrics, and the dashboard has what operators look for")
    func dashboardAndAlerts() throws {
        let catalogue = try MetricCatalogue.read(Self.root.appending(path: "docs/operations.md"))
        let data = try Data(contentsOf: Self.root.appending(path: "deploy/grafana/switchboard.json"))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        var expressions: [(panel: String, expr: String)] = []
        for panel in panels where panel["type"] as? String != "row" {
            let title = panel["title"] as? String ?? "?"
            let targets = try #require(panel["targets"] as? [[String: Any]], "\(title) has no queries")
            for target in targets { expressions.append((title, try #require(target["expr"] as? String))) }
        }
        #expect(expressions.count > 20)
        let rules = try String(contentsOf: Self.root.appending(path: "deploy/prometheus/alerts.yml"), encoding: .utf8)
        let ruleExpressions = rules.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") && !$0.contains("summary:")
            && !$0.contains("description:") }.joined(separator: "\n")
        for (panel, expr) in expressions + [("alerts.yml", ruleExpressions)] {
            let names = MetricCatalogue.names(in: expr)
            #expect(!names.isEmpty, "\(panel): \(expr)")
            for name in names { #expect(catalogue.knows(name), "\(panel) queries \(name), which docs/operations.md does not list") }
        }
        // Every documented metric is on the dashboard, but for a few a person reads on /metrics.
        let queried = Set(expressions.flatMap { MetricCatalogue.names(in: $0.expr) }.map(catalogue.family))
        let offDashboard = ["process_virtual_memory_bytes", "process_open_fds", "process_start_time_seconds", "switchboard_import_duration_seconds"]
        for metric in catalogue.metrics where !offDashboard.contains(metric.name) {
            #expect(queried.contains(metric.name), "no panel shows \(metric.name)")
        }
        // A campaign variable, used by the campaign's panels.
        let templating = try #require((dashboard["templating"] as? [String: Any])?["list"] as? [[String: Any]])
        #expect(templating.contains { $0["name"] as? String == "campaign" })
        for (panel, expr) in expressions where expr.contains("switchboard_campaign_") || expr.contains("switchboard_calls_") {
            #expect(expr.contains("campaign=\"$campaign\""), "\(panel) ignores the campaign chosen: \(expr)")
        }
        // The abandon rate with the 3 % limit drawn; agents by state stacked.
        let abandon = try #require(panels.first { ($0["title"] as? String)?.hasPrefix("Abandon rate") == true })
        let defaults = try #require((abandon["fieldConfig"] as? [String: Any])?["defaults"] as? [String: Any])
        let steps = try #require((defaults["thresholds"] as? [String: Any])?["steps"] as? [[String: Any]])
        #expect(steps.contains { $0["value"] as? Double == 0.03 })
        #expect(((defaults["custom"] as? [String: Any])?["thresholdsStyle"] as? [String: Any])?["mode"] as? String == "line")
        let agents = try #require(panels.first { $0["title"] as? String == "Agents by state" })
        let stacking = ((agents["fieldConfig"] as? [String: Any])?["defaults"] as? [String: Any]).flatMap { $0["custom"] as? [String: Any] }
        #expect((stacking?["stacking"] as? [String: Any])?["mode"] as? String == "normal")
    }

    // MARK: the run

    /// Scrapes both processes until the dialer has written calls, one of them connected, and
    /// the server has heard its agents and its dial level, or until the dialer ends; the dialer's last scrape and the
    /// server's last scrape of the run.
    static func scrapeWhileDialing(server: HTTPTarget, dialer: HTTPTarget) async throws -> (dialer: String, server: String) {
        try await dialer.waitUntilAnswering("/health/live")
        var last = (dialer: "", server: "")
        while let scrape = try? await dialer.request("/metrics"), scrape.status == .ok {
            last.dialer = scrape.body
            last.server = try await server.request("/metrics").body
            let written = (try? PrometheusText(last.dialer).values("switchboard_dialer_write_duration_seconds_count").reduce(0, +)) ?? 0
            let connected = last.dialer.contains("switchboard_calls_connected_total{")
            let heard = last.server.contains("switchboard_campaign_dial_level{") && last.server.contains("state=\"in_call\"")
            if written > 0 && connected && heard { break }
            try await Task.sleep(for: .milliseconds(300))
        }
        return last
    }

    /// The test database's URL, for another process.
    static func url(of database: Database) async throws -> String {
        let configuration = database.configuration
        let name = try #require(configuration.databaseName)
        var url = configuration.url
        let authority = try #require(url.range(of: "://"))
        let path = url[authority.upperBound...].firstIndex(of: "/") ?? url.endIndex
        let end = url[path...].firstIndex(of: "?") ?? url.endIndex
        url.replaceSubrange(path..<end, with: "/" + name)
        return url
    }
}

/// A local HTTP server under test, reached over a socket.
struct HTTPTarget: Sendable {
    let port: Int

    struct Answer: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
    }

    func request(_ uri: String, method: HTTPRequest.Method = .get, headers: HTTPFields = [:], body: String? = nil) async throws -> Answer {
        try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            let response = try await client.execute(.init(uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }))
            return Answer(status: response.head.status, headers: response.head.headerFields, body: String(buffer: response.body ?? ByteBuffer()))
        }
    }

    /// Waits for the process to answer `uri` with 200: it has just been started.
    func waitUntilAnswering(_ uri: String) async throws {
        for _ in 0..<600 {
            if let answer = try? await request(uri), answer.status == .ok { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw SwitchboardProcess.ProcessError("nothing answered \(uri) on port \(port) within a minute")
    }
}

/// A synthetic person of the kind the demo makes, whose traces the logs must not hold.
struct Person: Sendable {
    let firstName: String
    let lastName: String
    /// The national number, nine digits.
    let number: String
    let email: String

    static func list(count: Int) -> [Person] {
        let first = ["Zofia", "Katarzyna", "Małgorzata", "Agnieszka", "Bożena", "Krzysztof", "Grzegorz", "Przemysław", "Jędrzej", "Mirosław"]
        let last = ["Wiśniewska", "Wójcik", "Kowalczyk", "Kamińska", "Lewandowska", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski"]
        let prefixes = ["601", "662", "695", "721", "733", "784", "797", "503", "517", "535"]
        return (0..<count).map { index in
            let number = prefixes[index % prefixes.count] + String(format: "%06d", (index * 104_729 + 314_159) % 1_000_000)
            let (given, family) = (first[index % first.count], last[(index / first.count + index) % last.count])
            let ascii = (given + "." + family).lowercased().folding(options: .diacriticInsensitive, locale: nil).replacingOccurrences(of: "ł", with: "l")
            return Person(firstName: given, lastName: family, number: number, email: "\(ascii)\(index)@example.pl")
        }
    }

    /// The demo's CSV layout, the numbers typed as people type them.
    static func csv(_ people: [Person]) -> String {
        "imie;nazwisko;telefon;email\n" + people.map { person in
            let typed = "+48 " + person.number.enumerated().map { $0.offset % 3 == 0 && $0.offset > 0 ? " \($0.element)" : "\($0.element)" }.joined()
            return [person.firstName, person.lastName, typed, person.email].joined(separator: ";")
        }.joined(separator: "\n") + "\n"
    }

    /// What would show this person in a log: the surname, the e-mail, the number in any form.
    var traces: [(String, String)] {
        [("surname", lastName), ("e-mail", email), ("number", number)]
    }
}

/// The metrics docs/operations.md lists: name, type, and the process that exports each.
struct MetricCatalogue {
    struct Metric {
        let name: String
        let type: String
        let process: String

        var fromServer: Bool { process == "serve" || process == "every process" }
        var fromDialer: Bool { process == "dialer" || process == "every process" }
        /// Metrics another change brings (the stream's) are documented before they exist.
        var isRequired: Bool { !process.contains("with the stream rework") }
    }

    let metrics: [Metric]

    /// Reads the tables' rows: `| \`name\` | type | labels | process | meaning |`.
    static func read(_ file: URL) throws -> MetricCatalogue {
        let text = try String(contentsOf: file, encoding: .utf8)
        let metrics = text.split(separator: "\n").compactMap { line -> Metric? in
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 7, cells[1].hasPrefix("`"), ["counter", "gauge", "histogram"].contains(cells[2]) else { return nil }
            return Metric(name: cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")), type: cells[2], process: cells[4])
        }
        return MetricCatalogue(metrics: metrics)
    }

    /// The documented family a queried series belongs to (a histogram's `_bucket`, `_sum`, `_count`).
    func family(_ series: String) -> String {
        for suffix in ["_bucket", "_sum", "_count"] where series.hasSuffix(suffix) {
            let base = String(series.dropLast(suffix.count))
            if metrics.contains(where: { $0.name == base && $0.type == "histogram" }) { return base }
        }
        return series
    }

    func knows(_ series: String) -> Bool {
        let name = family(series)
        return metrics.contains { $0.name == name }
    }

    /// The metric names a PromQL expression uses: ours and the process's.
    static func names(in expression: String) -> [String] {
        var names: [String] = []
        var current = ""
        for character in expression + " " {
            if character.isLetter || character.isNumber || character == "_" || character == ":" {
                current.append(character)
            } else {
                if current.hasPrefix("switchboard_") || current.hasPrefix("process_") { names.append(current) }
                current = ""
            }
        }
        return names
    }
}
