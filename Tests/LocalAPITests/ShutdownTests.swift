import Foundation
import Hummingbird
import LocalAPI
import Logging
import ServiceLifecycle
import TaskEngine
import Testing

@Suite(.timeLimit(.minutes(1))) struct ShutdownTests {
  @Test func gracefulShutdownEndsOpenEventStreamsAndTheEngine() async throws {
    let engine = try TaskEngine(configuration: .init(storage: .inMemory), scripts: APIFixture.scripts)
    await engine.devices.register(serial: "phone-1", device: FakeDevice(serial: "phone-1"))
    let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
    let app = LocalAPIServer(engine: engine, port: 0).buildApplication(onServerRunning: { portSink.yield($0) })
    let group = ServiceGroup(configuration: .init(services: [app], logger: Logger(label: "test")))
    try await withThrowingTaskGroup(of: Void.self) { tasks in
      tasks.addTask { try await group.run() }
      var iterator = ports.makeAsyncIterator()
      let client = RawHTTPClient(port: try #require(await iterator.next()))
      let created = try await client.send(
        "POST", "/api/v1/task", json: #"{"serials":["phone-1"],"script_name":"sleep"}"#)
      let id = try #require(created.data["task_ids"]?.arrayValue?.first?.intValue)
      #expect(try await eventually { try await engine.task(id: id).task.status == .running })
      // A client holds an event stream open; shutdown must not wait for it.
      tasks.addTask {
        _ = try? await client.exchange("GET", "/api/v1/events") { _ in nil as Int? }
      }
      try await Task.sleep(for: .milliseconds(300))
      let started = ContinuousClock.now
      await group.triggerGracefulShutdown()
      try await tasks.waitForAll()
      #expect(ContinuousClock.now - started < .seconds(5))
    }
    // The running flow was cancelled; the next start marks its task interrupted.
    #expect(try await engine.task(id: 1).task.status == .running)
  }
}
