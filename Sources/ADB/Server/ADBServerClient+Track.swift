extension ADBServerClient {
  /// How long ``trackDevices(retry:)`` waits before reconnecting to a server that went away.
  public struct RetryPolicy: Hashable, Sendable {
    /// The first wait after the connection drops.
    public var initialDelay: Duration
    /// The longest wait: the delay doubles after each failed attempt up to this.
    public var maximumDelay: Duration

    /// Creates a policy.
    public init(initialDelay: Duration = .milliseconds(100), maximumDelay: Duration = .milliseconds(500)) {
      self.initialDelay = initialDelay
      self.maximumDelay = maximumDelay
    }
  }

  /// `host:track-devices-l`: the full device list now, then again on every change, until the
  /// consuming task is cancelled or stops iterating.
  ///
  /// The stream survives the server: when the connection drops (`adb kill-server`, a restart)
  /// it reconnects with ``RetryPolicy`` backoff and yields the new server's list. It does not
  /// start a server itself after the first connection, so a server the user stopped stays stopped.
  /// When the first connection fails the stream ends with ``ADBError/Code/serverUnavailable``.
  ///
  /// ```swift
  /// for try await devices in server.trackDevices() {
  ///   print(devices.map { "\($0.serial) \($0.state)" })
  /// }
  /// ```
  /// - Parameter retry: the reconnection backoff.
  /// - Returns: a stream of device lists in `host:devices-l` form. It ends with an error only
  ///   when the server refuses the request or breaks the protocol.
  public func trackDevices(retry: RetryPolicy = RetryPolicy()) -> AsyncThrowingStream<[ADBDeviceInfo], any Error> {
    let (stream, continuation) = AsyncThrowingStream.makeStream(of: [ADBDeviceInfo].self)
    let producer = Task {
      do {
        try await track(retry: retry) { continuation.yield($0) }
        continuation.finish()
      } catch {
        continuation.finish(throwing: error)
      }
    }
    continuation.onTermination = { _ in producer.cancel() }
    return stream
  }

  /// Reads track-devices frames into `deliver`, reconnecting after drops, until cancelled.
  private func track(retry: RetryPolicy, deliver: ([ADBDeviceInfo]) -> Void) async throws {
    var delay = retry.initialDelay
    var connected = false
    while !Task.isCancelled {
      do {
        try await withConnection(startingServer: !connected) { stream in
          try await stream.request("host:track-devices-l")
          connected = true
          delay = retry.initialDelay
          // OKAY, then hex4 + the full list: one frame at once, one on every change.
          while true {
            deliver(ADBDeviceInfo.parseList(try await stream.readHexPrefixedString()))
          }
        }
      } catch let error as ADBError where error.code == .serverUnavailable || error.code == .connectionLost {
        guard !Task.isCancelled else { return }
        // Never reached: there is no server to track (say so rather than wait in silence).
        guard connected else { throw error }
        // The server went away (or is restarting): try again shortly.
        try? await Task.sleep(for: delay)
        delay = min(delay * 2, retry.maximumDelay)
      } catch {
        guard !Task.isCancelled else { return }
        throw error
      }
    }
  }
}
