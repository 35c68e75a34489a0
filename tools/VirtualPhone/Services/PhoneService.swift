import NIOCore

/// A device service behind one stream (`shell:`, `sync:`, …), as adbd runs it.
///
/// Services live on their connection's event loop and are driven by ``DeviceConnectionHandler``;
/// they never block. They talk back through a ``ServiceOutput``.
protocol PhoneService: AnyObject {
  /// The stream is open: start working (run the command, wait for requests, …).
  func start()
  /// Bytes the host wrote to the stream.
  func received(_ bytes: ByteBuffer)
  /// Everything written so far has been sent: a service that streams a large output writes more.
  func outputDrained()
  /// The host closed the stream or the connection dropped: stop, write nothing more.
  func closedByHost()
}

extension PhoneService {
  func received(_ bytes: ByteBuffer) {}
  func outputDrained() {}
  func closedByHost() {}
}

/// A service that must get ready before its stream is accepted: adbd connects a `tcp:` socket
/// before it answers the OPEN, and refuses the stream when it cannot.
protocol PreparingPhoneService: PhoneService {
  /// Gets ready, then calls `completion` on the connection's event loop: true accepts the stream
  /// (OKAY, then ``PhoneService/start()``), false refuses it (CLSE). The host may close the
  /// stream meanwhile (``PhoneService/closedByHost()``); the completion is then ignored.
  func prepare(_ completion: @escaping (Bool) -> Void)
}

/// What a service can do to its stream and connection.
protocol ServiceOutput: AnyObject {
  /// Queues bytes for the host; flow control decides when they go.
  func write(_ bytes: ByteBuffer)
  /// Closes the stream once everything queued has been sent.
  func finish()
  /// Bytes queued but not yet sent.
  var pendingBytes: Int { get }
  /// The negotiated largest WRTE: output written in multiples of it travels in full packets.
  var maxPayload: Int { get }
  /// Runs `work` on the connection's event loop after `delay`, unless the stream closed meanwhile.
  func after(_ delay: Duration, _ work: @escaping () -> Void)
  /// Drops the whole connection, as adbd does on `reboot:`.
  func dropConnection()
}
