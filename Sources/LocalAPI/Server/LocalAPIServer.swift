import Hummingbird
import NIOCore
import ServiceLifecycle
import TaskEngine

/// The Local API: TikMatrix's REST contract over a ``TaskEngine``, served by Hummingbird.
///
/// ```swift
/// let engine = try TaskEngine(configuration: .init(storage: .file(path)), scripts: scripts)
/// let server = LocalAPIServer(engine: engine, port: 50809, token: nil)
/// try await server.run()   // serves and runs the engine until SIGINT or SIGTERM
/// ```
public struct LocalAPIServer: Sendable {
  /// TikMatrix's port.
  public static let defaultPort = 50809
  /// Loopback only, unless told otherwise.
  public static let defaultHost = "127.0.0.1"
  /// Every route lives below this path.
  public static let basePath = "/api/v1"
  /// The largest request body accepted (1 MiB); larger ones get HTTP 413 with code 40001.
  public static let maxBodySize = 1 << 20

  /// The engine behind the API.
  public let engine: TaskEngine
  /// The address to bind.
  public var host: String
  /// The port to bind; 0 picks a free one (see `onServerRunning` of ``buildApplication(runsEngine:onServerRunning:)``).
  public var port: Int
  /// When set, every request must carry `Authorization: Bearer TOKEN` (else code 40301).
  public var token: String?
  /// How often an idle event stream sends a comment line.
  public var keepAliveInterval: Duration

  /// Creates a server.
  /// - Parameters:
  ///   - engine: the task engine to serve.
  ///   - host: the bind address (loopback by default).
  ///   - port: the port (50809 by default).
  ///   - token: the API token, or nil for none.
  public init(
    engine: TaskEngine, host: String = LocalAPIServer.defaultHost, port: Int = LocalAPIServer.defaultPort,
    token: String? = nil
  ) {
    self.engine = engine
    self.host = host
    self.port = port
    self.token = token.flatMap { $0.isEmpty ? nil : $0 }
    self.keepAliveInterval = .seconds(15)
  }

  /// The router with every route and the envelope and token middleware; for in-process
  /// tests (`app.test(.router)`) or a caller's own application.
  public func buildRouter() -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: EnvelopeMiddleware(routes: APIRoutes.all))
    if let token { router.add(middleware: TokenMiddleware(token: token)) }
    let handlers = APIHandlers(engine: engine, keepAlive: keepAliveInterval)
    for route in APIRoutes.all {
      let operation = route.operation
      router.on(RouterPath(route.fullPath), method: route.method) { request, context in
        try await handlers.respond(to: operation, request: request, context: context)
      }
    }
    return router
  }

  /// The HTTP application, bound to ``host``:``port``.
  /// - Parameters:
  ///   - runsEngine: also run the engine (``TaskEngine/run()``) as a service of the application.
  ///   - onServerRunning: called with the bound port once the server listens.
  public func buildApplication(
    runsEngine: Bool = true, onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
  ) -> some ApplicationProtocol {
    Application(
      router: buildRouter(),
      configuration: .init(address: .hostname(host, port: port), serverName: "DroidMatrix"),
      services: runsEngine ? [TaskEngineService(engine: engine)] : [],
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) })
  }

  /// Serves, and runs the engine, until SIGINT or SIGTERM; then shuts down gracefully (event
  /// streams end, in-flight requests finish, running flows are cancelled).
  public func run() async throws {
    try await buildApplication().runService()
  }
}
