import Campaigns
import Foundation
import HTTPTypes
import Hummingbird
import Persistence
import ServiceLifecycle
import Supervisor

/// What supervisors read: the pushed stream, figures for any period, the script's funnel,
/// agents, daily reports, and recordings with their audio.
struct SupervisionAPI: Sendable {
    let database: Database
    let hub: SupervisorHub

    func register(on api: RouteGroup) {
        api.get(
            "campaigns/:id/stream", .only(.supervisor, .administrator),
            doc: APIOperation(
                "The live stream of the campaign: events, figures, agents, alerts (server-sent events; resumes with Last-Event-ID)",
                query: [.init("lastEventId", "Resume after this message", schema: .integer)], responses: [200: .eventStream])
        ) { request, context in
            let id = try await campaign(context)
            let last = request.headers[.lastEventID].flatMap(Int.init) ?? request.uri.queryParameters.get("lastEventId", as: Int.self)
            let stream = await hub.viewer(campaignID: id, lastEventID: last)
            return Response(
                status: .ok,
                headers: [.contentType: "text/event-stream", .cacheControl: "no-cache", .accelBuffering: "no"],
                body: ResponseBody { writer in
                    // A server that stops waits for open responses: end the streams then.
                    try await withGracefulShutdownHandler {
                        for await message in stream {
                            try await writer.write(ByteBuffer(string: message.serverSentEvent))
                        }
                    } onGracefulShutdown: {
                        hub.closeViewers()
                    }
                    try await writer.finish(nil)
                })
        }
        api.get("campaigns/:id/figures", .only(.supervisor, .administrator), doc: .read("The campaign's figures for a period", .reference("CampaignFigures"), query: Self.period)) {
            request, context in
            let (id, from, to) = try await period(request, context)
            return Reply(try await StatisticsStore(database).campaignFigures(campaignID: id, from: from, to: to))
        }
        api.get("campaigns/:id/funnel", .only(.supervisor, .administrator), doc: .read("How conversations went through the script", APISchemas.list("FunnelStep"), query: Self.period)) {
            request, context in
            let (id, from, to) = try await period(request, context)
            return Reply(try await StatisticsStore(database).funnel(campaignID: id, from: from, to: to))
        }
        api.get(
            "campaigns/:id/agents/figures", .only(.supervisor, .administrator),
            doc: .read("Each agent's work for a period", APISchemas.list("AgentFigures"), query: Self.period)
        ) { request, context in
            let (id, from, to) = try await period(request, context)
            return Reply(try await StatisticsStore(database).agentFigures(campaignID: id, from: from, to: to))
        }
        api.get(
            "campaigns/:id/reports/daily", .only(.supervisor, .administrator),
            doc: APIOperation(
                "The campaign's daily report: a printable page, CSV, the agents' CSV, or JSON",
                query: [.init("day", "YYYY-MM-DD, default today", schema: .string), .init("format", "Default html", schema: .oneOf(["html", "csv", "agents.csv", "json"]))],
                responses: [200: .json(.reference("DailyReport"))])
        ) { request, context in
            let id = try context.parameters.require("id", as: Int.self)  // the report itself says when there is no such campaign
            let day = try request.uri.queryParameters.get("day").map(Self.day) ?? Date()
            let report = try await DailyReport.make(campaignID: id, containing: day, database: database)
            switch request.uri.queryParameters.get("format") ?? "html" {
            case "csv": return Self.text(report.campaignCSV, type: "text/csv; charset=utf-8")
            case "agents.csv": return Self.text(report.agentCSV, type: "text/csv; charset=utf-8")
            case "json": return try Self.text(JSONCoding.string(report), type: "application/json")
            default: return Self.text(report.html, type: "text/html; charset=utf-8")
            }
        }
        registerRecordings(on: api)
    }

    private func registerRecordings(on api: RouteGroup) {
        api.get(
            "recordings", .only(.supervisor),
            doc: .read(
                "Recordings that match", APISchemas.list("Recording"),
                query: [
                    .init("campaign", "A campaign's name"), .init("agent", "An agent's name"), .init("outcome", "An outcome code"),
                    .init("from", "From", schema: .formatted("date-time")), .init("to", "Until", schema: .formatted("date-time")),
                    .init("minSeconds", "At least this long", schema: .number), .init("maxSeconds", "At most this long", schema: .number),
                    .init("limit", "How many (default 100)", schema: .integer),
                ])
        ) { request, _ in
            let query = request.uri.queryParameters
            return Reply(try await RecordingLibrary(database).search(
                RecordingLibrary.Query(
                    campaign: query.get("campaign"), agent: query.get("agent"), outcome: query.get("outcome"),
                    from: try query.get("from").map(Self.day), to: try query.get("to").map(Self.day),
                    minimumSeconds: query.get("minSeconds", as: Double.self), maximumSeconds: query.get("maxSeconds", as: Double.self),
                    limit: query.get("limit", as: Int.self) ?? 100)))
        }
        api.get("recordings/:id", .only(.supervisor), doc: .read("A recording's metadata", .reference("Recording"), pathTypes: ["id": .formatted("uuid")])) {
            _, context in
            let id = try context.parameters.require("id", as: UUID.self)
            guard let entry = try await RecordingLibrary(database).find(id) else { throw NotFound(.recording, id.uuidString) }
            return Reply(entry)
        }
        api.get(
            "recordings/:id/listens", .only(.supervisor),
            doc: .read("Who listened to the recording, and when", APISchemas.list("Listen"), pathTypes: ["id": .formatted("uuid")])
        ) { _, context in
            let id = try context.parameters.require("id", as: UUID.self)
            guard try await RecordingLibrary(database).find(id) != nil else { throw NotFound(.recording, id.uuidString) }
            return Reply(try await RecordingLibrary(database).listens(id).map { Listen(listener: $0.listener, at: $0.at) })
        }
    }

    /// The campaign a request names; 404 when there is none, rather than a campaign's worth of zeros.
    private func campaign(_ context: SwitchboardContext) async throws -> Int {
        let id = try context.parameters.require("id", as: Int.self)
        guard try await CampaignStore(database).find(id: id) != nil else { throw NotFound(.campaign, id) }
        return id
    }

    /// The campaign and the period of a request: `from` and `to` as days or ISO 8601 times;
    /// by default today, in Warsaw time.
    private func period(_ request: Request, _ context: SwitchboardContext) async throws -> (Int, Date, Date) {
        let id = try await campaign(context)
        let query = request.uri.queryParameters
        let from = try query.get("from").map(Self.day) ?? DayBoundary.startOfDay(Date())
        let to = try query.get("to").map(Self.day) ?? Date()
        return (id, from, to)
    }

    /// The period a figure covers: `from` and `to`, days or ISO 8601 times.
    static let period: [APIOperation.Parameter] = [
        .init("from", "From this day (YYYY-MM-DD) or ISO 8601 time; default: the start of today"),
        .init("to", "Until this day or time; default: now"),
    ]

    static func day(_ text: String) throws -> Date {
        if let time = ISO8601DateFormatter().date(from: text) { return time }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = DayBoundary.timeZone
        guard let day = formatter.date(from: text) else { throw RequestError.badParameter(name: "a day", expected: "YYYY-MM-DD or an ISO 8601 time") }
        return day
    }

    static func text(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Who listened to a recording, and when.
private struct Listen: Encodable, Sendable {
    let listener: String
    let at: Date
}

extension HTTPField.Name {
    static let lastEventID = Self("Last-Event-ID")!
    /// Tells a reverse proxy (nginx) not to buffer the event stream.
    static let accelBuffering = Self("X-Accel-Buffering")!
}
