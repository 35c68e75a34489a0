import ServiceLifecycle
import TaskEngine

/// The engine as a ServiceLifecycle service: runs it until graceful shutdown or cancellation.
public struct TaskEngineService: Service {
  /// The engine to run.
  public let engine: TaskEngine

  /// Wraps `engine`.
  public init(engine: TaskEngine) {
    self.engine = engine
  }

  /// Runs the engine until graceful shutdown (or cancellation) of the service group.
  public func run() async throws {
    let engine = self.engine
    await cancelWhenGracefulShutdown { await engine.run() }
  }
}
