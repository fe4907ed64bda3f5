import CLibPQ
import Logging

/// Where libpq's NOTICE and WARNING messages go: the connection's logger instead of stderr.
final class NoticeSink {
    let logger: Logger

    init(logger: Logger) { self.logger = logger }
}

/// libpq calls this on the connection's queue while it reads a result.
let noticeReceiver: PQnoticeReceiver = { context, result in
    guard let context, let result else { return }
    let sink = Unmanaged<NoticeSink>.fromOpaque(context).takeUnretainedValue()
    let message = String(cString: PQresultErrorMessage(result)).trimmingWhitespace()
    sink.logger.debug("postgres notice", metadata: ["notice": .string(message)])
}
