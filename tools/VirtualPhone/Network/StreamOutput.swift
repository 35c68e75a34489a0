import ADBWire
import NIOCore

/// One stream's ``ServiceOutput``: forwards to the connection handler while the stream is open.
final class StreamOutput: ServiceOutput {
  let localID: UInt32
  private weak var handler: DeviceConnectionHandler?
  /// Set once the stream has closed: the service's later calls do nothing.
  var isClosed = false

  init(localID: UInt32, handler: DeviceConnectionHandler) {
    self.localID = localID
    self.handler = handler
  }

  func write(_ bytes: ByteBuffer) {
    guard !isClosed else { return }
    handler?.serviceWrote(bytes, localID: localID)
  }

  func finish() {
    guard !isClosed else { return }
    handler?.serviceFinished(localID: localID)
  }

  var pendingBytes: Int { handler?.pendingBytes(localID: localID) ?? 0 }

  var maxPayload: Int { handler?.maxPayload ?? ADBProtocol.maxPayloadV1 }

  func after(_ delay: Duration, _ work: @escaping () -> Void) {
    handler?.schedule(after: delay) { [weak self] in
      guard let self, !self.isClosed else { return }
      work()
    }
  }

  func dropConnection() { handler?.dropConnection() }
}
