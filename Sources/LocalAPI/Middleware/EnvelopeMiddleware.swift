import Hummingbird
import Logging
import NIOCore
import TaskEngine

/// Turns every error into the envelope: handled errors as HTTP 200 with their code, unknown
/// routes 404 and unknown methods 405 (code 40401), bodies over the limit 413 (code 40001),
/// anything unexpected 50001.
struct EnvelopeMiddleware<Context: RequestContext>: RouterMiddleware {
  /// The API's routes, to tell an unknown method on a known path (405) from an unknown path.
  let routes: [RouteSpec]

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    do {
      return try await next(request, context)
    } catch let error as APIError {
      return try Envelope(error).response(from: request, context: context)
    } catch let error as TaskEngineError {
      return try Envelope(APIError(error)).response(from: request, context: context)
    } catch let error as HTTPError where error.status == .notFound {
      return try Envelope(unrouted(request)).response(from: request, context: context)
    } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
      return try Envelope(Self.tooLarge).response(from: request, context: context)
    } catch is NIOTooManyBytesError {
      return try Envelope(Self.tooLarge).response(from: request, context: context)
    } catch {
      context.logger.error("internal error on \(request.method) \(request.uri.path): \(error)")
      let failure = APIError(code: .internalError, message: "internal error while answering \(request.uri.path)")
      return try Envelope(failure).response(from: request, context: context)
    }
  }

  /// The answer to a request that matched no route: 405 listing the allowed methods when the
  /// path exists, else 404.
  private func unrouted(_ request: Request) -> APIError {
    let path = request.uri.path
    let matching = routes.filter { $0.matches(path: path) }
    // The router prefers a fixed segment to a parameter (`/task/stats` over `/task/{id}`), so
    // only the routes of the most specific matching pattern would have answered.
    guard let chosen = matching.map(\.specificity).min(by: { $0.lexicographicallyPrecedes($1) }) else {
      return .noRoute(request.method, path)
    }
    let allowed = matching.filter { $0.specificity == chosen }.map(\.method.rawValue)
    var headers = HTTPFields()
    headers[.allow] = Set(allowed).sorted().joined(separator: ", ")
    return APIError(
      code: .notFound,
      message: "\(path) does not answer \(request.method); it answers \(headers[.allow] ?? "")",
      status: .methodNotAllowed, headers: headers)
  }

  /// A body over ``LocalAPIServer/maxBodySize``: HTTP 413, code 40001.
  static var tooLarge: APIError {
    APIError(
      code: .invalidParameter, message: "request body is larger than \(LocalAPIServer.maxBodySize) bytes (1 MiB)",
      status: .contentTooLarge)
  }
}
