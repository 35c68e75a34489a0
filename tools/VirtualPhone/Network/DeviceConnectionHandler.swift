import ADBWire
import NIOCore

/// Carries out ``DeviceConnectionStateMachine``'s actions on one TCP connection: writes packets,
/// starts and feeds services. The only part of the phone's protocol code that does I/O.
final class DeviceConnectionHandler: ChannelInboundHandler {
  typealias InboundIn = ADBPacket
  typealias OutboundOut = ByteBuffer

  private let phone: VirtualPhone
  private let latency: Duration
  private var machine: DeviceConnectionStateMachine
  private var services: [UInt32: (service: any PhoneService, output: StreamOutput)] = [:]
  private var context: ChannelHandlerContext?
  private var isReading = false
  private var delayedPackets: [(deadline: NIODeadline, bytes: ByteBuffer)] = []
  private var delayedFlushScheduled = false

  init(phone: VirtualPhone, machine: DeviceConnectionStateMachine, latency: Duration) {
    self.phone = phone
    self.machine = machine
    self.latency = latency
  }

  func handlerAdded(context: ChannelHandlerContext) { self.context = context }

  func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    isReading = true
    defer { isReading = false }
    perform(machine.packetReceived(unwrapInboundIn(data)))
  }

  func channelReadComplete(context: ChannelHandlerContext) {
    context.flush()
  }

  func channelInactive(context: ChannelHandlerContext) {
    for (_, entry) in services {
      entry.output.isClosed = true
      entry.service.closedByHost()
    }
    services.removeAll()
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    // A malformed packet (bad magic, oversized length) ends this connection only (AOSP closes
    // the transport); the phone and its other connections carry on.
    context.close(promise: nil)
  }

  // MARK: - Actions

  private func perform(_ actions: [DeviceConnectionStateMachine.Action]) {
    for action in actions {
      switch action {
      case .send(let packet, let checksumVersion):
        send(packet, checksumVersion: checksumVersion)
      case .openService(let localID, let name):
        open(localID: localID, name: name)
      case .deliver(let bytes, let localID):
        phone.traffic.recordFromHost(bytes.readableBytes)
        services[localID]?.service.received(bytes)
      case .outputDrained(let localID):
        services[localID]?.service.outputDrained()
      case .closeService(let localID):
        if let entry = services.removeValue(forKey: localID) {
          entry.output.isClosed = true
          entry.service.closedByHost()
        }
      case .closeConnection:
        context?.close(promise: nil)
      }
    }
    if !isReading { context?.flush() }
  }

  private func open(localID: UInt32, name: String) {
    let output = StreamOutput(localID: localID, handler: self)
    guard let service = ServiceRouter.service(named: name, phone: phone, output: output) else {
      perform(machine.serviceRefused(localID: localID))
      return
    }
    services[localID] = (service, output)
    perform(machine.serviceAccepted(localID: localID))
    service.start()
  }

  private func send(_ packet: ADBPacket, checksumVersion: UInt32) {
    guard let context else { return }
    if packet.command == .close { services.removeValue(forKey: packet.arg0)?.output.isClosed = true }
    var bytes = context.channel.allocator.buffer(capacity: ADBProtocol.headerSize + packet.payload.readableBytes)
    packet.write(to: &bytes, version: checksumVersion)
    guard latency > .zero else {
      context.write(wrapOutboundOut(bytes), promise: nil)
      return
    }
    delayedPackets.append((NIODeadline.now() + TimeAmount(latency), bytes))
    scheduleDelayedFlush()
  }

  /// Fault injection: each packet leaves `latency` after it was produced, in order.
  private func scheduleDelayedFlush() {
    guard !delayedFlushScheduled, let context, let first = delayedPackets.first else { return }
    delayedFlushScheduled = true
    context.eventLoop.assumeIsolated().scheduleTask(deadline: first.deadline) { [self] in
      delayedFlushScheduled = false
      guard let context = self.context else { return }
      let now = NIODeadline.now()
      while let next = delayedPackets.first, next.deadline <= now {
        delayedPackets.removeFirst()
        context.write(wrapOutboundOut(next.bytes), promise: nil)
      }
      context.flush()
      scheduleDelayedFlush()
    }
  }

  // MARK: - Service callbacks

  fileprivate func serviceWrote(_ bytes: ByteBuffer, localID: UInt32) {
    perform(machine.serviceWrote(bytes, localID: localID))
  }

  fileprivate func serviceFinished(localID: UInt32) {
    perform(machine.serviceFinished(localID: localID))
  }

  fileprivate func pendingBytes(localID: UInt32) -> Int { machine.pendingOutputBytes(localID: localID) }

  fileprivate var maxPayload: Int { machine.session?.maxPayload ?? ADBProtocol.maxPayloadV1 }

  fileprivate func schedule(after delay: Duration, _ work: @escaping () -> Void) {
    guard let context else { return }
    if delay <= .zero {
      work()
    } else {
      context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(delay)) { work() }
    }
  }

  fileprivate func dropConnection() {
    context?.flush()
    context?.close(promise: nil)
  }
}

/// One stream's ``ServiceOutput``: forwards to the connection handler while the stream is open.
private final class StreamOutput: ServiceOutput {
  let localID: UInt32
  private weak var handler: DeviceConnectionHandler?
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

extension TimeAmount {
  /// Converts a Swift `Duration` to NIO's nanosecond count.
  init(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
  }
}
