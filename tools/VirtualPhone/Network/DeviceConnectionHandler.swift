import ADBWire
import NIOCore

/// Carries out ``DeviceConnectionStateMachine``'s actions on one TCP connection: writes packets,
/// starts and feeds services, opens streams to the host for reverse forwards. The only part of
/// the phone's protocol code that does I/O.
final class DeviceConnectionHandler: ChannelInboundHandler, PhoneTransport {
  typealias InboundIn = ADBPacket
  typealias OutboundOut = ByteBuffer

  private let phone: VirtualPhone
  private let latency: Duration
  /// The address the phone's server listens on (``PhoneTransport/listenAddress``).
  let listenAddress: String
  private var machine: DeviceConnectionStateMachine
  private var services: [UInt32: (service: any PhoneService, output: StreamOutput)] = [:]
  private var context: ChannelHandlerContext?
  /// The connection's event loop, kept once the handler joined a pipeline (even after it left,
  /// so late callbacks such as a finished bind can still hop to it).
  private var loop: (any EventLoop)?
  private var isReading = false
  private var delayedPackets: [(deadline: NIODeadline, bytes: ByteBuffer)] = []
  private var delayedFlushScheduled = false

  /// - Parameters:
  ///   - phone: the phone the connection reaches.
  ///   - machine: the connection's protocol state.
  ///   - latency: fault injection: the delay before each packet the phone sends.
  ///   - listenAddress: the address the phone's server listens on; reverse listeners bind it.
  init(phone: VirtualPhone, machine: DeviceConnectionStateMachine, latency: Duration, listenAddress: String) {
    self.phone = phone
    self.machine = machine
    self.latency = latency
    self.listenAddress = listenAddress
  }

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
    loop = context.eventLoop
  }

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
    // adbd's transport disconnect hooks: the connection's reverse listeners close with it.
    phone.reverseForwards.removeAll(ownedBy: connectionID)
    let open = services
    services.removeAll()
    for (_, entry) in open {
      entry.output.isClosed = true
      entry.service.closedByHost()
    }
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    // A malformed packet (bad magic, oversized length) ends this connection only (AOSP closes
    // the transport); the phone and its other connections carry on.
    context.close(promise: nil)
  }

  // MARK: - PhoneTransport

  var connectionID: ObjectIdentifier { ObjectIdentifier(self) }

  var eventLoop: any EventLoop {
    guard let loop else { preconditionFailure("the connection handler is used before it joined a pipeline") }
    return loop
  }

  func openToHost(_ destination: String, makeService: (any ServiceOutput) -> any PhoneService) -> Bool {
    guard context != nil, let (localID, actions) = machine.openToHost(service: destination) else { return false }
    let output = StreamOutput(localID: localID, handler: self)
    services[localID] = (makeService(output), output)
    perform(actions)
    return true
  }

  // MARK: - Actions

  private func perform(_ actions: [DeviceConnectionStateMachine.Action]) {
    for action in actions {
      switch action {
      case .send(let packet, let checksumVersion):
        send(packet, checksumVersion: checksumVersion)
      case .openService(let localID, let name):
        open(localID: localID, name: name)
      case .startService(let localID):
        services[localID]?.service.start()
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
      case .resetTransport:
        phone.reverseForwards.removeAll(ownedBy: connectionID)
      case .closeConnection:
        context?.close(promise: nil)
      }
    }
    if !isReading { context?.flush() }
  }

  private func open(localID: UInt32, name: String) {
    let output = StreamOutput(localID: localID, handler: self)
    guard let service = ServiceRouter.service(named: name, phone: phone, output: output, transport: self) else {
      perform(machine.serviceRefused(localID: localID))
      return
    }
    services[localID] = (service, output)
    if let preparing = service as? any PreparingPhoneService {
      let identity = ObjectIdentifier(service)
      preparing.prepare { [weak self] ready in self?.servicePrepared(localID: localID, identity: identity, ready: ready)
      }
      return
    }
    perform(machine.serviceAccepted(localID: localID))
    service.start()
  }

  /// A service that had to get ready first (``PreparingPhoneService``) is ready, or failed:
  /// accept or refuse its stream, unless the host closed the stream meanwhile.
  private func servicePrepared(localID: UInt32, identity: ObjectIdentifier, ready: Bool) {
    guard let entry = services[localID], ObjectIdentifier(entry.service) == identity else { return }
    guard ready else {
      services[localID] = nil
      entry.output.isClosed = true
      perform(machine.serviceRefused(localID: localID))
      return
    }
    perform(machine.serviceAccepted(localID: localID))
    entry.service.start()
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

  // MARK: - Service callbacks (from StreamOutput)

  func serviceWrote(_ bytes: ByteBuffer, localID: UInt32) {
    perform(machine.serviceWrote(bytes, localID: localID))
  }

  func serviceFinished(localID: UInt32) {
    perform(machine.serviceFinished(localID: localID))
  }

  func pendingBytes(localID: UInt32) -> Int { machine.pendingOutputBytes(localID: localID) }

  var maxPayload: Int { machine.session?.maxPayload ?? ADBProtocol.maxPayloadV1 }

  func schedule(after delay: Duration, _ work: @escaping () -> Void) {
    guard let context else { return }
    if delay <= .zero {
      work()
    } else {
      context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(delay)) { work() }
    }
  }

  func dropConnection() {
    context?.flush()
    context?.close(promise: nil)
  }
}

extension TimeAmount {
  /// Converts a Swift `Duration` to NIO's nanosecond count.
  init(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
  }
}
