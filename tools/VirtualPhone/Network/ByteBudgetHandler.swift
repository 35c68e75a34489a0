import NIOCore

/// Fault injection: drops the connection once it has carried `limit` bytes in either direction,
/// like a phone unplugged mid-transfer.
final class ByteBudgetHandler: ChannelDuplexHandler {
  typealias InboundIn = ByteBuffer
  typealias InboundOut = ByteBuffer
  typealias OutboundIn = ByteBuffer
  typealias OutboundOut = ByteBuffer

  private let limit: Int
  private var carried = 0

  init(limit: Int) { self.limit = limit }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    carried += unwrapInboundIn(data).readableBytes
    guard carried < limit else {
      context.close(promise: nil)
      return
    }
    context.fireChannelRead(data)
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    carried += unwrapOutboundIn(data).readableBytes
    guard carried < limit else {
      promise?.fail(ChannelError.ioOnClosedChannel)
      context.close(promise: nil)
      return
    }
    context.write(data, promise: promise)
  }
}
