/// `adb forward`: a listener on this computer whose connections go to a socket on the device.
///
/// Through an adb server the server keeps the listeners (``ADBServerDevice``); a native
/// ``DeviceConnection`` keeps its own, for as long as it is open.
public protocol ADBForwarding: ADBDevice {
  /// Listens on `local` (`tcp:PORT`; `tcp:0` picks a free port) and sends each connection to
  /// `remote` on the device (`tcp:PORT`, `localabstract:NAME`, …).
  /// - Returns: the port listened on, for `tcp:` specs.
  /// - Throws: ``ADBError`` with adb's words ("cannot rebind existing socket").
  @discardableResult
  func forward(local: String, remote: String, noRebind: Bool) async throws -> Int?
  /// This device's forwards.
  func listForwards() async throws -> [ADBForward]
  /// Removes the forward listening on `local`.
  /// - Throws: ``ADBError`` "listener 'LOCAL' not found".
  func removeForward(local: String) async throws
  /// Removes every forward of this device.
  func removeAllForwards() async throws
}

extension ADBServerDevice: ADBForwarding {
  @discardableResult
  public func forward(local: String, remote: String, noRebind: Bool = false) async throws -> Int? {
    try await server.forward(serial: serial, local: local, remote: remote, noRebind: noRebind)
  }

  public func listForwards() async throws -> [ADBForward] {
    try await server.listForwards().filter { $0.serial == serial }
  }

  public func removeForward(local: String) async throws {
    try await server.removeForward(serial: serial, local: local)
  }

  public func removeAllForwards() async throws {
    try await server.removeAllForwards(serial: serial)
  }
}
