import ADBWire
import NIOCore
import NIOPosix

/// Port forwarding on a native connection (`adb forward` without a server): the connection
/// itself listens on this computer's loopback address and opens a stream to the device socket
/// for each accepted connection. Forwards live as long as the connection.
extension DeviceConnection: ADBForwarding {
  /// One listener of ``forward(local:remote:noRebind:)``.
  struct ForwardListener {
    var remote: String
    var channel: any Channel
  }

  /// Listens on `local` (`tcp:PORT`, `tcp:0` for any free port) on 127.0.0.1 and sends each
  /// accepted connection to `remote` on the device (`tcp:PORT`, `localabstract:NAME`, …).
  /// - Returns: the port for `tcp:0`, else the port of `local`.
  /// - Throws: ``ADBError/Code/serviceRefused`` with adb's words ("cannot rebind existing
  ///   socket", "cannot bind listener: …").
  @discardableResult
  public func forward(local: String, remote: String, noRebind: Bool = false) async throws -> Int? {
    if let failure { throw failure }
    guard local.hasPrefix("tcp:"), let port = Int(local.dropFirst("tcp:".count)), (0...65535).contains(port) else {
      throw ADBError(.serviceRefused, "cannot bind listener: only tcp:PORT is supported on this computer, not \(local)")
    }
    if forwards[local] != nil {
      guard !noRebind else { throw ADBError(.serviceRefused, "cannot rebind existing socket") }
      forwards[local]?.remote = remote
      return port
    }
    let channel: any Channel
    do {
      channel = try await ServerBootstrap(group: group)
        .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
        .childChannelInitializer { [weak self] child in
          guard let self else { return child.close() }
          // Keyed by the port really bound, which `tcp:0` learns only after binding.
          let key = "tcp:\(child.localAddress?.port ?? port)"
          return child.eventLoop.makeCompletedFuture {
            let accepted = try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child)
            Task { await self.serveForwarded(accepted, local: key) }
          }
        }
        .bind(host: "127.0.0.1", port: port).get()
    } catch {
      throw ADBError(.serviceRefused, "cannot bind listener: \(error)", underlying: error)
    }
    let bound = channel.localAddress?.port ?? port
    let key = port == 0 ? "tcp:\(bound)" : local
    forwards[key] = ForwardListener(remote: remote, channel: channel)
    return bound
  }

  /// This connection's forwards, as `adb forward --list` shows them.
  public func listForwards() async -> [ADBForward] {
    forwards.sorted { $0.key < $1.key }.map { ADBForward(serial: serial, local: $0.key, remote: $0.value.remote) }
  }

  /// Stops the listener on `local`.
  /// - Throws: ``ADBError/Code/serviceRefused`` "listener 'LOCAL' not found".
  public func removeForward(local: String) async throws {
    guard let listener = forwards.removeValue(forKey: local) else {
      throw ADBError(.serviceRefused, "listener '\(local)' not found")
    }
    listener.channel.close(promise: nil)
  }

  /// Stops every listener.
  public func removeAllForwards() async {
    closeForwardListeners()
  }

  /// Stops every listener (also when the connection ends).
  func closeForwardListeners() {
    for listener in forwards.values { listener.channel.close(promise: nil) }
    forwards.removeAll()
  }

  /// Opens the device socket for one accepted connection and bridges the two.
  private func serveForwarded(_ accepted: NIOAsyncChannel<ByteBuffer, ByteBuffer>, local: String) async {
    guard let remote = forwards[local]?.remote else {
      try? await accepted.executeThenClose { _, _ in }
      return
    }
    let localID: UInt32
    do {
      localID = try await openStream(remote)
    } catch {
      try? await accepted.executeThenClose { _, _ in }
      return
    }
    await bridge(localID: localID, accepted)
  }

  /// Copies bytes between a stream and a socket until either side closes, then closes both.
  nonisolated func bridge(localID: UInt32, _ socket: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
    try? await socket.executeThenClose { inbound, outbound in
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          while let chunk = try await self.receive(localID: localID) { try await outbound.write(chunk) }
        }
        group.addTask {
          for try await chunk in inbound { try await self.send(chunk, localID: localID) }
        }
        _ = try await group.next()
        group.cancelAll()
      }
    }
    await closeStream(localID)
  }
}
