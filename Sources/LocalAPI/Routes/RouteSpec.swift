import Hummingbird
import TaskEngine

/// One route of the API: what the router registers, what the OpenAPI document describes,
/// and what tells a 405 from a 404. One list feeds all three, so they cannot disagree.
struct RouteSpec: Sendable {
  /// What a route does; each has one handler.
  enum Operation: String, CaseIterable, Sendable {
    case checkLicense, createTasks, listTasks, taskStats, retryAllTasks, deleteTasks, getTask, deleteTask, stopTask
    case retryTask, listDevices, listAccounts, addAccount, updateAccount, deleteAccount, streamEvents, openAPI
  }

  /// A query parameter.
  struct QueryParameter: Sendable {
    var name: String
    var schema: JSONValue
    var description: String
  }

  var method: HTTPRequest.Method
  /// Below ``LocalAPIServer/basePath``, with `{name}` for path parameters.
  var path: String
  var operation: Operation
  var summary: String
  var query: [QueryParameter] = []
  /// The request body's schema name in the OpenAPI components, if any.
  var body: String?
  /// The schema of the envelope's `data` on success.
  var result: JSONValue = .null

  /// The full path, `/api/v1/...`.
  var fullPath: String { LocalAPIServer.basePath + path }

  /// The path parameters' names.
  var pathParameters: [String] {
    path.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map {
      String($0.dropFirst().dropLast())
    }
  }

  /// For each segment, 0 when fixed and 1 when a parameter: the smallest sequence is the
  /// pattern the router picks among several that match.
  var specificity: [Int] {
    fullPath.split(separator: "/").map { $0.hasPrefix("{") ? 1 : 0 }
  }

  /// Whether a request path matches this route's path (any value for a parameter).
  func matches(path requestPath: String) -> Bool {
    let pattern = fullPath.split(separator: "/")
    let components = requestPath.split(separator: "/")
    guard pattern.count == components.count else { return false }
    return zip(pattern, components).allSatisfy { pattern, component in
      pattern.hasPrefix("{") || pattern == component
    }
  }
}
