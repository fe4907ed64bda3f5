import Foundation
import HTTPTypes
import Hummingbird

/// The pages' stylesheet and scripts, served from the server's own bundle (no CDN): only the
/// files shipped in `Static/`, by exact name, so no path reaches anything else.
struct StaticAssets: Sendable {
    private let files: [String: (type: String, bytes: ByteBuffer)]

    static func bundled() throws -> StaticAssets {
        guard let folder = Bundle.module.url(forResource: "Static", withExtension: nil) else { throw PageError.missingResource("Static") }
        var files: [String: (String, ByteBuffer)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            guard let type = Self.types[(name as NSString).pathExtension] else { continue }
            files[name] = (type, ByteBuffer(bytes: try Data(contentsOf: folder.appending(path: name))))
        }
        return StaticAssets(files: files)
    }

    private static let types = [
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
    ]

    func register(on site: RouteGroup) {
        site.get("static/:file", .anyone) { _, context in
            guard let file = files[try context.parameters.require("file")] else { throw HTTPError(.notFound) }
            return Response(
                status: .ok,
                headers: [.contentType: file.type, .cacheControl: "public, max-age=300", HTTPField.Name("X-Content-Type-Options")!: "nosniff"],
                body: .init(byteBuffer: file.bytes))
        }
    }
}
