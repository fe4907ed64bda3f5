import Dispatch
import Hummingbird
import Logging
import Metrics

/// Counts requests by route (the pattern, such as `/api/campaigns/:id`, never the path a
/// caller typed), method and status, times them until the last byte of the answer is
/// written, and logs each one at info level with its request id. An HTTP error thrown past
/// it (a route not found) becomes its answer here, so it is counted like any other.
struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = DispatchTime.now().uptimeNanoseconds
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        } catch {
            record(request, context: context, status: 500, since: started)
            throw error
        }
        let status = response.status.code
        let body = response.body
        response.body = ResponseBody(contentLength: body.contentLength) { writer in
            defer { record(request, context: context, status: status, since: started) }
            try await body.write(writer)
        }
        return response
    }

    private func record(_ request: Request, context: Context, status: Int, since started: UInt64) {
        let route = context.endpointPath ?? "unmatched"
        let dimensions = [("route", route), ("method", request.method.rawValue), ("status", String(status))]
        let nanoseconds = DispatchTime.now().uptimeNanoseconds - started
        Counter(label: "switchboard_http_requests_total", dimensions: dimensions).increment()
        Metrics.Timer(label: "switchboard_http_request_duration_seconds", dimensions: dimensions).recordNanoseconds(Int64(nanoseconds))
        context.logger.info(
            "request",
            metadata: ["method": "\(request.method)", "route": "\(route)", "status": "\(status)",
                       "milliseconds": "\(Double(nanoseconds / 1000) / 1000)"])
    }
}
