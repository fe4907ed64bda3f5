import Campaigns
import Foundation
import Hummingbird

extension AdminAPI {
    /// `POST /api/exports` with a filter as JSON; answers with the CSV, and logs the export.
    func registerExports(on api: RouterGroup<BasicRequestContext>) {
        api.post("exports") { request, context in
            let filter = try await request.json(ExportFilter.self, context: context)
            let path = FileManager.default.temporaryDirectory.appending(path: "switchboard-export-\(UUID().uuidString).csv").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await ContactExporter(database: database, vault: vault).export(filter, to: path, actor: actor)
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"contacts.csv\""],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
