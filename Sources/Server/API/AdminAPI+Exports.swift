import Campaigns
import Foundation
import Hummingbird
import NIOPosix

extension AdminAPI {
    /// `POST /api/exports` with a filter as JSON; answers with the CSV, and logs the export.
    func registerExports(on api: RouteGroup) {
        api.post(
            "exports", .only(.administrator),
            doc: APIOperation("Exports the contacts the filter selects, as CSV; logged", body: .json(.reference("ExportFilter")), responses: [200: .csv])
        ) { request, context in
            let filter = try await request.json(ExportFilter.self, context: context)
            let path = FileManager.default.temporaryDirectory.appending(path: "switchboard-export-\(UUID().uuidString).csv").path
            try await ContactExporter(database: database, vault: vault).export(filter, to: path, actor: context.actor)
            // The file holds personal data: read off the event loop, and gone before the answer leaves.
            let data = try await NIOThreadPool.singleton.runIfActive {
                defer { try? FileManager.default.removeItem(atPath: path) }
                return try Data(contentsOf: URL(fileURLWithPath: path))
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"contacts.csv\""],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
