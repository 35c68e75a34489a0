import Hummingbird
import NIOCore
import ServiceLifecycle
import TaskEngine

/// `GET /events`: Server-Sent Events, one `data: {"serial":…,"status":…,"task_id":…}` line pair
/// per task status change, in commit order, until the client goes away, the engine stops or
/// the server shuts down.
struct EventStream: Sendable {
  let engine: TaskEngine
  let keepAlive: Duration

  func response() -> Response {
    // Subscribe now, before the response starts: a client that has read the first comment
    // line sees every change made after it.
    let events = engine.events()
    let keepAlive = self.keepAlive
    var headers = HTTPFields()
    headers[.contentType] = "text/event-stream"
    headers[.cacheControl] = "no-cache"
    return Response(
      status: .ok, headers: headers,
      body: ResponseBody { writer in
        try await writer.write(ByteBuffer(string: ": task status changes\n\n"))
        let (lines, output) = AsyncStream.makeStream(of: ByteBuffer.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask {
            await cancelWhenGracefulShutdown {
              for await event in events { output.yield(ByteBuffer(string: "data: \(event.json.jsonText)\n\n")) }
            }
            output.finish()
          }
          group.addTask {
            while !Task.isCancelled {
              try await Task.sleep(for: keepAlive)
              output.yield(ByteBuffer(string: ": keep-alive\n\n"))
            }
          }
          // A write to a client that went away throws, which ends the group and the subscription.
          for await line in lines { try await writer.write(line) }
          group.cancelAll()
        }
        try await writer.finish(nil)
      })
  }
}
