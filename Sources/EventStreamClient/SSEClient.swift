import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small client for the server's event stream, on SwiftNIO: many viewers share a couple
/// of event-loop threads, as the stream benchmark needs. Tests use it too.
public final class SSEClient: Sendable {
    /// One event of the stream.
    public struct Event: Sendable, Hashable {
        public let id: Int?
        public let name: String
        public let data: String
    }

    private let group: any EventLoopGroup

    public init(group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.group = group
    }

    /// Opens `path` on the server and calls `receive` for every event, on an event loop, until
    /// the returned channel is closed.
    public func connect(
        host: String, port: Int, path: String, headers: [(String, String)] = [], receive: @escaping @Sendable (Event) -> Void
    ) async throws -> any Channel {
        let channel = try await ClientBootstrap(group: group)
            .channelOption(.socketOption(.so_reuseaddr), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(EventStreamHandler(receive: receive))
                }
            }
            .connect(host: host, port: port).get()
        var head = HTTPRequestHead(version: .http1_1, method: .GET, uri: path)
        head.headers.add(name: "Host", value: "\(host):\(port)")
        head.headers.add(name: "Accept", value: "text/event-stream")
        for (name, value) in headers { head.headers.add(name: name, value: value) }
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        try await channel.writeAndFlush(HTTPClientRequestPart.end(nil)).get()
        return channel
    }
}

/// Splits the response body into events: `field: value` lines, a blank line ends an event.
private final class EventStreamHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let receive: @Sendable (SSEClient.Event) -> Void
    private var buffer = ByteBuffer()
    private var id: Int?
    private var name = "message"
    private var data: [String] = []

    init(receive: @escaping @Sendable (SSEClient.Event) -> Void) {
        self.receive = receive
    }

    func channelRead(context: ChannelHandlerContext, data part: NIOAny) {
        guard case .body(var bytes) = unwrapInboundIn(part) else { return }
        buffer.writeBuffer(&bytes)
        // Lines end in LF (or CR LF); the view's indices count from the buffer's start.
        while let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            var line = buffer.readString(length: newline - buffer.readerIndex) ?? ""
            buffer.moveReaderIndex(forwardBy: 1)
            if line.utf8.last == UInt8(ascii: "\r") { line.removeLast() }
            handle(line)
        }
        buffer.discardReadBytes()
    }

    private func handle(_ line: String) {
        if line.isEmpty {
            if !data.isEmpty { receive(SSEClient.Event(id: id, name: name, data: data.joined(separator: "\n"))) }
            (id, name, data) = (nil, "message", [])
            return
        }
        if line.hasPrefix(":") { return }
        let field = line.prefix { $0 != ":" }
        var value = line.dropFirst(field.count + 1)
        if value.first == " " { value = value.dropFirst() }
        switch field {
        case "id": id = Int(value)
        case "event": name = String(value)
        case "data": data.append(String(value))
        default: break
        }
    }
}
