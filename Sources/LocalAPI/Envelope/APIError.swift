import Hummingbird
import TaskEngine

/// A refused or failed request as the API answers it: a TikMatrix code, a message naming the
/// field or id, and the HTTP status (200 for handled errors: API.md says clients read `code`).
struct APIError: Error, Hashable, Sendable {
  /// The envelope's `code`.
  var code: APICode
  /// The envelope's `message`.
  var message: String
  /// The HTTP status; 200 except for unknown routes (404), methods (405) and bodies too large (413).
  var status: HTTPResponse.Status = .ok
  /// Extra response headers (`Allow` on a 405).
  var headers: HTTPFields = [:]

  /// 40001 naming `field`.
  static func invalid(_ field: String, _ message: String) -> APIError {
    APIError(code: .invalidParameter, message: "\(field): \(message)")
  }

  /// 40401 for an unknown route.
  static func noRoute(_ method: HTTPRequest.Method, _ path: String) -> APIError {
    APIError(code: .notFound, message: "no route \(method) \(path)", status: .notFound)
  }

  /// The engine's error as the API reports it.
  init(_ error: TaskEngineError) {
    switch error.code {
    case .missingScriptName: self.init(code: .missingScriptName, message: error.message)
    case .notFound: self.init(code: .notFound, message: error.message)
    case .storageFailure: self.init(code: .internalError, message: error.message)
    default: self.init(code: .invalidParameter, message: error.message)
    }
  }

  init(code: APICode, message: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) {
    self.code = code
    self.message = message
    self.status = status
    self.headers = headers
  }
}

/// The envelope's `code` values (API.md "Codes").
enum APICode: Int, Sendable {
  /// Success.
  case success = 0
  /// Invalid parameters: the message names the field.
  case invalidParameter = 40001
  /// `script_name` missing.
  case missingScriptName = 40002
  /// Script not supported through the API (never used: DroidMatrix accepts every script).
  case scriptNotSupported = 40003
  /// A token is configured and the request lacks it.
  case forbidden = 40301
  /// Unknown id, route or method.
  case notFound = 40401
  /// Internal error.
  case internalError = 50001
}
