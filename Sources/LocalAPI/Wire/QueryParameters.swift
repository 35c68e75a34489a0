import Hummingbird
import TaskEngine

extension TaskQuery {
  /// `GET /task`'s query: `status` 0–3, `serial`, `script_name`, `source` api/ui, `page` ≥ 1,
  /// `page_size` ≥ 1 (over 100 is served as 100). Empty values count as absent.
  init(query: [String: String]) throws(APIError) {
    func integer(_ field: String, _ range: ClosedRange<Int>, _ expected: String) throws(APIError) -> Int? {
      guard let text = query[field], !text.isEmpty else { return nil }
      guard let value = Int(text), range.contains(value) else {
        throw .invalid(field, "must be \(expected), got \(text.debugDescription)")
      }
      return value
    }
    let statusText = "0 (pending), 1 (running), 2 (completed) or 3 (failed)"
    let status = try integer("status", 0...3, statusText).flatMap(TaskStatus.init(rawValue:))
    var source: TaskSource?
    if let text = query["source"], !text.isEmpty {
      guard let parsed = TaskSource(rawValue: text) else {
        throw .invalid("source", "must be api or ui, got \(text.debugDescription)")
      }
      source = parsed
    }
    self.init(
      status: status, serial: query["serial"].flatMap { $0.isEmpty ? nil : $0 },
      scriptName: query["script_name"].flatMap { $0.isEmpty ? nil : $0 }, source: source,
      page: try integer("page", 1...Int.max, "a whole number from 1") ?? 1,
      pageSize: try integer("page_size", 1...Int.max, "a whole number from 1 (at most 100 are served)")
        ?? TaskQuery.defaultPageSize)
  }
}

extension Request {
  /// The query's parameters; a repeated one keeps its last value.
  var queryValues: [String: String] {
    var values: [String: String] = [:]
    for (key, value) in uri.queryParameters { values[String(key)] = String(value) }
    return values
  }
}

extension RequestContext {
  /// The `{id}` path parameter as a task id.
  /// - Throws: 40001 naming `id` when it is not a whole number.
  func taskID() throws(APIError) -> Int {
    let text = parameters.get("id") ?? ""
    guard let id = Int(text) else { throw .invalid("id", "\(text.debugDescription) is not a task id (a whole number)") }
    return id
  }
}
