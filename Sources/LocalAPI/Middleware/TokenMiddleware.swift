import Hummingbird

/// Requires `Authorization: Bearer TOKEN` on every request; answers 40301 otherwise.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
  let token: String

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    let expected = Array("Bearer \(token)".utf8)
    let given = Array((request.headers[.authorization] ?? "").utf8)
    guard Self.constantTimeEqual(given, expected) else {
      throw APIError(
        code: .forbidden,
        message: request.headers[.authorization] == nil
          ? "this server requires an API token: send the header Authorization: Bearer TOKEN"
          : "the API token is wrong")
    }
    return try await next(request, context)
  }

  /// Compares without stopping at the first difference, so timing does not reveal the token.
  static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    return zip(lhs, rhs).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
  }
}
