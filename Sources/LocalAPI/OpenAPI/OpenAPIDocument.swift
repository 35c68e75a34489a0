import Hummingbird
import TaskEngine

/// The OpenAPI 3 document of the API, built from ``APIRoutes/all`` so that it lists exactly
/// the routes the router serves.
enum OpenAPIDocument {
  static let json: JSONValue = {
    var paths: [String: JSONValue] = [:]
    for route in APIRoutes.all {
      var item = paths[route.fullPath]?.objectValue ?? [:]
      item[route.method.rawValue.lowercased()] = operation(route)
      paths[route.fullPath] = .object(item)
    }
    return [
      "openapi": "3.0.3",
      "info": [
        "title": "DroidMatrix Local API",
        "version": "1.0.0",
        "description": """
        TikMatrix-compatible Local API. Every response is {code, message, data}; handled errors answer \
        HTTP 200 with the error in code (40001 invalid parameter, 40002 script_name missing, 40301 token \
        missing or wrong, 40401 not found, 50001 internal). Unknown routes answer 404 and unknown methods \
        405 with code 40401; bodies over 1 MiB answer 413 with code 40001.
        """,
      ],
      "servers": [["url": .string("http://127.0.0.1:\(LocalAPIServer.defaultPort)")]],
      "paths": .object(paths),
      "components": [
        "schemas": .object(OpenAPISchemas.all),
        "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
      ],
      "security": [[:], ["bearer": []]],
    ]
  }()

  private static func operation(_ route: RouteSpec) -> JSONValue {
    var parameters: [JSONValue] = route.pathParameters.map { name in
      [
        "name": .string(name), "in": "path", "required": true,
        "schema": name == "id" ? ["type": "integer"] : ["type": "string"],
      ]
    }
    parameters += route.query.map { parameter in
      [
        "name": .string(parameter.name), "in": "query", "required": false, "schema": parameter.schema,
        "description": .string(parameter.description),
      ]
    }
    var operation: [String: JSONValue] = [
      "operationId": .string(route.operation.rawValue),
      "summary": .string(route.summary),
      "tags": [.string(route.path.split(separator: "/").first.map(String.init) ?? "api")],
      "responses": responses(route),
    ]
    if !parameters.isEmpty { operation["parameters"] = .array(parameters) }
    if let body = route.body {
      operation["requestBody"] = [
        "required": true, "content": ["application/json": ["schema": APIRoutes.ref(body)]],
      ]
    }
    return .object(operation)
  }

  private static func responses(_ route: RouteSpec) -> JSONValue {
    let success: JSONValue
    switch route.operation {
    case .streamEvents:
      success = [
        "description": "text/event-stream of task status changes",
        "content": ["text/event-stream": ["schema": ["type": "string"]]],
      ]
    case .openAPI:
      success = ["description": "this document", "content": ["application/json": ["schema": ["type": "object"]]]]
    default:
      let data: JSONValue = route.result.isNull ? ["nullable": true] : route.result
      success = [
        "description": "the envelope: code 0 with data, or an error code with data null",
        "content": [
          "application/json": [
            "schema": [
              "allOf": [APIRoutes.ref("Envelope"), ["type": "object", "properties": ["data": data]]]
            ]
          ]
        ],
      ]
    }
    let envelope: JSONValue = ["application/json": ["schema": APIRoutes.ref("Envelope")]]
    var responses: [String: JSONValue] = [
      "200": success,
      "404": ["description": "no such route (code 40401)", "content": envelope],
      "405": ["description": "the path does not answer this method (code 40401)", "content": envelope],
    ]
    if route.body != nil {
      responses["413"] = ["description": "body over 1 MiB (code 40001)", "content": envelope]
    }
    return .object(responses)
  }

  /// The document as a response.
  static var response: Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json.jsonData)))
  }
}
