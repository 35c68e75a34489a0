import ADBWire

/// A link that carries device-protocol packets to one device: a TCP socket (``TCPPacketLink``)
/// or a claimed USB interface (`USBPacketLink`). ``DeviceConnection`` runs the protocol over it
/// and never sees which one it has.
///
/// A link decodes with its own ``PacketDecoder`` limit (the 1 MiB the host offers in CNXN: the
/// negotiated value can only be lower) and closes itself on malformed input.
protocol PacketLink: AnyObject, Sendable {
  /// Packets from the device, in order. Finishes when the link closes; throws an
  /// ``ADBWireError`` (bad magic, oversized length) or an I/O error, after which it is closed.
  /// Read by one task only.
  var inbound: AsyncThrowingStream<ADBPacket, any Error> { get }

  /// Sends one packet. Packets from concurrent callers are never interleaved.
  /// - Parameter checksumVersion: below ``ADBProtocol/versionSkipChecksum`` the payload byte
  ///   sum goes into `data_check`; CNXN and AUTH always use ``ADBProtocol/versionMin``.
  /// - Throws: ``ADBError/Code/connectionLost`` once the link is closed.
  func send(_ packet: ADBPacket, checksumVersion: UInt32) async throws

  /// Closes the link; ``inbound`` finishes. Safe to call more than once.
  func close()

  /// How messages name the device: `127.0.0.1:5555`, `usb:1-1.2`.
  var peerDescription: String { get }
}
