import Hummingbird
import NIOCore
import TaskEngine

/// The handlers of every ``RouteSpec/Operation``, over one engine.
struct APIHandlers: Sendable {
  let engine: TaskEngine
  /// How often the event stream sends a comment line while idle, so dead clients are noticed.
  let keepAlive: Duration

  func respond(to operation: RouteSpec.Operation, request: Request, context: some RequestContext) async throws
    -> Response
  {
    let data: JSONValue
    switch operation {
    case .checkLicense: data = license
    case .createTasks: data = try await createTasks(request)
    case .listTasks: data = try await engine.tasks(matching: TaskQuery(query: request.queryValues)).json
    case .taskStats: data = try await engine.stats().json
    case .retryAllTasks: data = ["retried": .int(try await engine.retryAll())]
    case .deleteTasks: data = try await deleteTasks(request)
    case .getTask: data = try await engine.task(id: context.taskID()).json
    case .deleteTask:
      try await engine.delete(id: context.taskID())
      data = ["deleted": 1]
    case .stopTask: data = try await engine.stop(id: context.taskID()).json
    case .retryTask: data = try await engine.retry(id: context.taskID()).json
    case .listDevices: data = ["devices": .array(try await engine.deviceStatuses().map(\.json))]
    case .listAccounts: data = try await listAccounts(request)
    case .addAccount: data = try await addAccount(request)
    case .updateAccount: data = try await updateAccount(request, context: context)
    case .deleteAccount:
      try await engine.deleteAccount(username: context.parameters.get("username") ?? "")
      data = ["deleted": 1]
    case .streamEvents: return EventStream(engine: engine, keepAlive: keepAlive).response()
    case .openAPI: return OpenAPIDocument.response
    }
    return try Envelope(data).response(from: request, context: context)
  }

  /// API.md: no paid plan; `device_limit` is the cap on devices running at once (0 = none).
  private var license: JSONValue {
    [
      "plan_name": "Community", "api_enabled": true, "device_limit": .int(engine.configuration.maxConcurrent),
      "message": "API access enabled",
    ]
  }

  // MARK: - Tasks

  private func createTasks(_ request: Request) async throws -> JSONValue {
    let ids = try await engine.create(CreateRequest(body: try await jsonBody(request)))
    return ["task_ids": .array(ids.map { .int($0) }), "created_count": .int(ids.count)]
  }

  private func deleteTasks(_ request: Request) async throws -> JSONValue {
    let fields = try BodyFields(try await jsonBody(request))
    guard let ids = try fields.ints("task_ids"), !ids.isEmpty else {
      throw APIError.invalid("task_ids", "give the ids to delete, e.g. {\"task_ids\": [1, 2]}")
    }
    return ["deleted": .int(try await engine.delete(ids: ids))]
  }

  // MARK: - Accounts

  private func listAccounts(_ request: Request) async throws -> JSONValue {
    let serial = request.queryValues["serial"].flatMap { $0.isEmpty ? nil : $0 }
    return ["accounts": .array(try await engine.accounts(serial: serial).map(\.json))]
  }

  private func addAccount(_ request: Request) async throws -> JSONValue {
    let fields = try BodyFields(try await jsonBody(request))
    guard let username = try fields.string("username") else {
      throw APIError.invalid("username", "is required (the account's TikTok username)")
    }
    return try await engine.addAccount(
      username: username, serial: try fields.string("serial"), enabled: try fields.bool("enabled") ?? true
    ).json
  }

  private func updateAccount(_ request: Request, context: some RequestContext) async throws -> JSONValue {
    let fields = try BodyFields(try await jsonBody(request))
    var update = AccountUpdate(enabled: try fields.bool("enabled"))
    if fields.members.keys.contains("serial") {
      update.serial = .some(try fields.string("serial").flatMap { $0.isEmpty ? nil : $0 })
    }
    return try await engine.updateAccount(username: context.parameters.get("username") ?? "", update).json
  }

  // MARK: - Bodies

  /// The request's JSON body, at most ``LocalAPIServer/maxBodySize`` bytes.
  /// - Throws: 40001 for an empty or malformed body; 413 (code 40001) for one too large.
  private func jsonBody(_ request: Request) async throws -> JSONValue {
    let limit = LocalAPIServer.maxBodySize
    if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
      throw EnvelopeMiddleware<BasicRequestContext>.tooLarge
    }
    let buffer = try await request.body.collect(upTo: limit)
    guard buffer.readableBytes > 0 else {
      throw APIError(code: .invalidParameter, message: "request body is empty: send a JSON object")
    }
    do {
      return try JSONValue(jsonBytes: buffer.readableBytesView)
    } catch {
      throw APIError(
        code: .invalidParameter,
        message: "request body is not valid JSON: check its quotes, commas and brackets")
    }
  }
}
