import NIOCore

/// `reverse:forward:…`, `reverse:list-forward`, `reverse:killforward:…`, `reverse:killforward-all`:
/// adbd's side of `adb reverse` (AOSP `adb.cpp` `handle_forward_request`).
///
/// The stream is open (OKAY) once the router accepted it; the service then writes a status:
/// `OKAY` (+ hex4 port when it resolved `tcp:0`), or `FAIL` + hex4 message, and closes. The
/// list is hex4 + lines of `transport device host`.
///
/// A `tcp:PORT` forward binds a real listener on the phone's address (``ReverseListener``);
/// `tcp:0` reports the port the kernel chose, and a port in use fails with adbd's
/// "cannot bind listener: Address already in use". Each connection it accepts is bridged to a
/// stream the phone opens to the host (``SocketBridge``). Local-socket forwards
/// (`localabstract:…`, `localreserved:…`, `localfilesystem:…`) are only recorded: nothing on the
/// virtual phone can connect to them. Forwards belong to the connection that created them
/// (``ReverseForwards``).
final class ReverseService: PhoneService {
  /// What the service answers.
  enum Reply: Equatable {
    case okay(port: Int?)
    case list(String)
    case fail(String)
  }

  private let command: String
  private let phone: VirtualPhone
  private let output: any ServiceOutput
  private let transport: any PhoneTransport
  /// Whether the stream closed while a bind was in flight: the new listener is then dropped.
  private var isClosed = false

  /// - Parameters:
  ///   - command: the service name without `reverse:`.
  ///   - phone: the phone whose forwards change.
  ///   - output: the stream.
  ///   - transport: the connection that owns the forwards this request creates.
  init(command: String, phone: VirtualPhone, output: any ServiceOutput, transport: any PhoneTransport) {
    self.command = command
    self.phone = phone
    self.output = output
    self.transport = transport
  }

  func start() {
    let forwards = phone.reverseForwards
    switch ReverseRequest(parsing: command) {
    case .list:
      reply(.list(forwards.listing))
    case .removeAll:
      forwards.removeAll()
      reply(.okay(port: nil))
    case .remove(let device):
      reply(forwards.remove(device: device) == nil ? .fail("listener '\(device)' not found") : .okay(port: nil))
    case .forward(let device, let host, let noRebind):
      forward(device: device, host: host, noRebind: noRebind)
    case .invalid(let message):
      reply(.fail(message))
    }
  }

  func closedByHost() { isClosed = true }

  // MARK: - forward

  /// adbd's `install_listener`: an existing forward on `device` is repointed (unless `norebind`),
  /// a new one is bound.
  private func forward(device: String, host: String, noRebind: Bool) {
    let forwards = phone.reverseForwards
    let owner = transport.connectionID
    if var existing = forwards.rule(device: device) {
      guard !noRebind else { return reply(.fail("cannot rebind existing socket")) }
      guard let listener = existing.listener, existing.owner != owner else {
        existing.host = host
        existing.owner = owner
        forwards.insert(existing)
        return reply(.okay(port: nil))
      }
      // adbd moves the listener to the new transport. Here a listener accepts on its owner's
      // event loop, so it is closed and bound again for this connection.
      forwards.remove(device: device)
      listener.closeFuture.hop(to: transport.eventLoop).assumeIsolated().whenComplete { _ in
        self.bind(device: device, host: host)
      }
      return
    }
    bind(device: device, host: host)
  }

  private func bind(device: String, host: String) {
    let owner = transport.connectionID
    guard let port = ReverseRequest.tcpPort(device) else {
      phone.reverseForwards.insert(.init(device: device, host: host, owner: owner, listener: nil))
      return reply(.okay(port: nil))
    }
    ReverseListener.bind(port: port, phone: phone, transport: transport).assumeIsolated().whenComplete { result in
      switch result {
      case .success(let listener):
        guard !self.isClosed else {
          listener.close(promise: nil)  // The connection went away while binding.
          return
        }
        let bound = listener.localAddress?.port ?? port
        let rule = ReverseForwards.Rule(device: "tcp:\(bound)", host: host, owner: owner, listener: listener)
        self.phone.reverseForwards.insert(rule)
        self.reply(.okay(port: port == 0 ? bound : nil))
      case .failure(let error):
        self.reply(.fail("cannot bind listener: \(ReverseListener.describe(error))"))
      }
    }
  }

  // MARK: - Reply

  private func reply(_ reply: Reply) {
    var bytes = ByteBuffer()
    switch reply {
    case .okay(let port):
      bytes.writeString("OKAY")
      if let port { Self.writeHexPrefixed(String(port), to: &bytes) }
    case .list(let text):
      Self.writeHexPrefixed(text, to: &bytes)
    case .fail(let message):
      bytes.writeString("FAIL")
      Self.writeHexPrefixed(message, to: &bytes)
    }
    output.write(bytes)
    output.finish()
  }

  private static func writeHexPrefixed(_ text: String, to buffer: inout ByteBuffer) {
    let length = String(text.utf8.count, radix: 16)
    buffer.writeString(String(repeating: "0", count: max(0, 4 - length.count)) + length)
    buffer.writeString(text)
  }
}
