import Campaigns
import Foundation
import HTTPTypes
import Hummingbird
import Persistence
import Supervisor

/// A recording's audio, for supervisors: straight from the API, or through a short-lived
/// signed link that a browser's `<audio>` element can play. Every listen is logged under the
/// member who asked.
struct RecordingPlayback: Sendable {
    let database: Database
    let vault: Vault

    /// `GET /api/recordings/{id}/audio` and `POST /api/recordings/{id}/link` under the API;
    /// `GET /listen/{token}` outside it, where the token is the credential.
    func register(api: RouteGroup, site: RouteGroup) {
        api.get(
            "recordings/:id/audio", .only(.supervisor),
            doc: APIOperation("The recording's audio, whole or the byte range asked for; the listen is logged", responses: [200: .wav, 206: .wav], pathTypes: ["id": .formatted("uuid")])
        ) { request, context in
            let file = try await open(request, context)
            return try await Self.audio(file, range: request.headers[.range].flatMap(ByteRange.init(header:)), context: context)
        }
        api.post(
            "recordings/:id/link", .only(.supervisor),
            doc: APIOperation(
                "A signed 10-minute link a browser's <audio> plays without the token; the listen is logged now",
                responses: [201: .json(.reference("PlaybackLink"))], pathTypes: ["id": .formatted("uuid")])
        ) { request, context in
            _ = try await open(request, context)
            let ticket = PlaybackTicket(
                recordingID: try context.parameters.require("id", as: UUID.self), expires: Date().addingTimeInterval(PlaybackTicket.lifetime))
            return EditedResponse(status: .created, response: Reply(PlaybackLink(audio: "/listen/\(ticket.token(signedBy: vault))", expiresAt: ticket.expires)))
        }
        site.get("listen/:token", .anyone) { request, context in
            guard let ticket = PlaybackTicket(token: try context.parameters.require("token"), vault: vault),
                let file = try await RecordingLibrary(database).audioFile(ticket.recordingID)
            else { throw HTTPError(.notFound, message: "this playback link is unknown or has lapsed") }
            return try await Self.audio(file, range: request.headers[.range].flatMap(ByteRange.init(header:)), context: context)
        }
    }

    /// The recording's file, with the listen logged.
    private func open(_ request: Request, _ context: SwitchboardContext) async throws -> RecordingLibrary.AudioFile {
        let id = try context.parameters.require("id", as: UUID.self)
        guard let file = try await RecordingLibrary(database).open(id, listener: context.actor) else {
            throw NotFound(.recordingFile, id.uuidString)
        }
        return file
    }

    /// The file, or the part of it a player asked for, read off the event loop.
    private static func audio(_ file: RecordingLibrary.AudioFile, range: ByteRange?, context: SwitchboardContext) async throws -> Response {
        var headers: HTTPFields = [.contentType: "audio/wav", .acceptRanges: "bytes", .cacheControl: "private, no-store"]
        guard let range else {
            headers[.contentLength] = String(file.byteSize)
            return Response(status: .ok, headers: headers, body: try await FileIO().loadFile(path: file.url.path, context: context))
        }
        guard let bytes = range.bytes(ofFileSized: file.byteSize) else {
            headers[.contentRange] = "bytes */\(file.byteSize)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        }
        headers[.contentRange] = "bytes \(bytes.lowerBound)-\(bytes.upperBound)/\(file.byteSize)"
        headers[.contentLength] = String(bytes.count)
        let body = try await FileIO().loadFile(path: file.url.path, range: bytes, context: context)
        return Response(status: .partialContent, headers: headers, body: body)
    }
}

/// Where a browser plays a recording, and until when.
private struct PlaybackLink: Encodable, Sendable {
    let audio: String
    let expiresAt: Date
}
