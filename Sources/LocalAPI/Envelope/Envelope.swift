import Hummingbird
import TaskEngine

/// The body of every response: `{"code": Int, "message": String, "data": …}`.
struct Envelope: ResponseGenerator, Sendable {
  var code: APICode
  var message: String
  var data: JSONValue
  var status: HTTPResponse.Status
  var headers: HTTPFields

  /// Success with `data`.
  init(_ data: JSONValue) {
    self.init(code: .success, message: "success", data: data, status: .ok, headers: [:])
  }

  /// An error, with `data` null.
  init(_ error: APIError) {
    self.init(code: error.code, message: error.message, data: .null, status: error.status, headers: error.headers)
  }

  init(code: APICode, message: String, data: JSONValue, status: HTTPResponse.Status, headers: HTTPFields) {
    self.code = code
    self.message = message
    self.data = data
    self.status = status
    self.headers = headers
  }

  var json: JSONValue {
    ["code": .int(code.rawValue), "message": .string(message), "data": data]
  }

  func response(from request: Request, context: some RequestContext) throws -> Response {
    var headers = self.headers
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json.jsonData)))
  }
}
