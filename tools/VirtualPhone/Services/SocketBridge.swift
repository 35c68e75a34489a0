import NIOCore

/// A TCP socket on the phone bridged to an ADB stream, both ways: adbd's local socket joined to
/// a remote socket (AOSP `sockets.cpp`). It is both the socket's channel handler and the
/// stream's ``PhoneService``; both sides run on the host connection's event loop.
///
/// Two services use it:
/// - `adb reverse` (``ReverseListener``): a listener accepted the socket, and the bridge opens a
///   stream to the host for it (`connect_to_remote`: OPEN("destination\0")), reading nothing from
///   the socket until the host accepts, as adbd enables reading only in `local_socket_ready`.
/// - `adb forward` (``TCPConnectService``): the host opened a `tcp:PORT` stream, and the phone
///   connected the socket for it; reading starts once the stream is accepted.
///
/// Bytes from the socket become WRTEs under flow control; reading pauses while more than
/// ``pauseThreshold`` bytes wait for credit. The host's WRTEs are written to the socket. When
/// the host refuses or closes the stream, the socket closes once written; when the socket
/// closes, the stream closes once its bytes have been sent.
final class SocketBridge: ChannelInboundHandler, PhoneService {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  /// Bytes waiting for flow-control credit above which the socket is no longer read.
  static let pauseThreshold = 1 << 20

  /// For `adb reverse`: the host spec the stream opens to, e.g. `tcp:8080`.
  private let destination: String?
  private weak var transport: (any PhoneTransport)?
  private var output: (any ServiceOutput)?
  private var context: ChannelHandlerContext?
  private var lastWrite: EventLoopFuture<Void>?

  /// A bridge for a socket a reverse forward accepted: it opens a stream to the host.
  /// - Parameters:
  ///   - destination: the forward's host spec, e.g. `tcp:8080`.
  ///   - transport: the connection the stream is opened over.
  init(openingStreamTo destination: String, over transport: any PhoneTransport) {
    self.destination = destination
    self.transport = transport
  }

  /// A bridge for a stream the host opened (`tcp:PORT`), joined to a socket the phone connects.
  /// - Parameter output: the stream.
  init(stream output: any ServiceOutput) {
    self.destination = nil
    self.output = output
  }

  // MARK: - The socket

  func handlerAdded(context: ChannelHandlerContext) { self.context = context }

  func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

  func channelActive(context: ChannelHandlerContext) {
    if let destination {
      let opened =
        transport?.openToHost(destination) { output in
          self.output = output
          return self
        } ?? false
      guard opened else {
        context.close(promise: nil)  // The host connection is gone or not yet online.
        return
      }
    }
    context.fireChannelActive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard let output else { return }
    output.write(unwrapInboundIn(data))
    if output.pendingBytes > Self.pauseThreshold { setReading(false) }
  }

  func channelInactive(context: ChannelHandlerContext) {
    let output = self.output
    self.output = nil
    output?.finish()
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    context.close(promise: nil)
  }

  private func setReading(_ reading: Bool) {
    try? context?.channel.syncOptions?.setOption(.autoRead, value: reading)
  }

  // MARK: - The stream

  func start() { setReading(true) }

  func received(_ bytes: ByteBuffer) {
    guard let context else { return }
    lastWrite = context.writeAndFlush(wrapOutboundOut(bytes))
  }

  func outputDrained() { setReading(true) }

  func closedByHost() {
    output = nil
    guard let context else { return }
    let channel = context.channel
    // Let the host's last bytes reach the socket before it closes.
    if let lastWrite {
      lastWrite.whenComplete { _ in channel.close(promise: nil) }
    } else {
      channel.close(promise: nil)
    }
  }
}
