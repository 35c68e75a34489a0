import NIOCore

/// A connection accepted by a reverse forward's listener, bridged to a stream the phone opens
/// to the host: adbd's local socket plus `connect_to_remote` (AOSP `sockets.cpp`).
///
/// It is both the accepted socket's channel handler and the stream's ``PhoneService``; both
/// sides run on the host connection's event loop.
/// - Accepted: the phone sends OPEN("destination\0") and reads nothing from the socket until
///   the host accepts (OKAY), as adbd enables reading only in `local_socket_ready`.
/// - Bytes from the socket become WRTEs under flow control; reading pauses while more than
///   ``pauseThreshold`` bytes wait for credit. The host's WRTEs are written to the socket.
/// - The host refused (CLSE(0, id)) or closed the stream: the socket closes once written.
///   The socket closed: the stream closes once its bytes have been sent.
final class ReverseTunnel: ChannelInboundHandler, PhoneService {
  typealias InboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  /// Bytes waiting for flow-control credit above which the socket is no longer read.
  static let pauseThreshold = 1 << 20

  private let destination: String
  private weak var transport: (any PhoneTransport)?
  private var output: (any ServiceOutput)?
  private var context: ChannelHandlerContext?
  private var lastWrite: EventLoopFuture<Void>?

  /// - Parameters:
  ///   - destination: the forward's host spec, e.g. `tcp:8080`.
  ///   - transport: the connection the stream is opened over.
  init(destination: String, transport: any PhoneTransport) {
    self.destination = destination
    self.transport = transport
  }

  // MARK: - The accepted socket

  func handlerAdded(context: ChannelHandlerContext) { self.context = context }

  func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

  func channelActive(context: ChannelHandlerContext) {
    let opened =
      transport?.openToHost(destination) { output in
        self.output = output
        return self
      } ?? false
    guard opened else {
      context.close(promise: nil)  // The host connection is gone or not yet online.
      return
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
