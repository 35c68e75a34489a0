import ADB
import ADBWire
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// The two ways DroidMatrix reaches a phone. Tests parameterized over it run one body on both,
/// against a virtual phone that requires authentication and trusts one key.
enum DevicePath: String, CaseIterable, CustomTestStringConvertible, Sendable {
  /// Through Google's adb server (a private one, whose HOME holds the trusted key).
  case adbServer
  /// Natively: DroidMatrix speaks the device protocol over TCP itself.
  case direct

  var testDescription: String { rawValue }

  /// What a test body gets.
  struct Connected {
    /// The phone through this path.
    let device: any ADBForwarding
    /// The simulated phone behind it, to check its state directly.
    let phone: VirtualPhone
    /// The device list through this path: the server's, or the connection's own entry.
    let listDevices: @Sendable () async throws -> [ADBDeviceInfo]
    /// The name the path gives the phone.
    let serial: String
  }

  /// The key the phones trust; adb's `adbkey` in the server's HOME, and the direct path's key.
  static let trustedKey: ADBKey = {
    do {
      return try ADBKey.generate()
    } catch {
      fatalError("cannot generate the test key: \(error)")
    }
  }()

  /// Serves a phone that requires `trustedKey`, reaches it through this path, runs `body`.
  func withPhone<T>(
    behaviour: VirtualPhoneServer.Behaviour = .init(), _ body: (Connected) async throws -> T
  ) async throws -> T {
    var behaviour = behaviour
    behaviour.authentication = .required(keys: [try Self.trustedKey.publicKey()])
    return try await PhoneFixture.with(behaviour: behaviour) { phones in
      let phone = phones.phones[0]
      switch self {
      case .adbServer:
        let home = try makeTemporaryDirectory("adb-home")
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(
          at: home.appendingPathComponent(".android"), withIntermediateDirectories: true)
        try Self.trustedKey.write(to: home.appendingPathComponent(".android/adbkey").path)
        return try await AdbServer.with(home: home) { adb in
          let client = ADBServerClientTests.client(adb)
          let serial = phones.addresses[0]
          try await client.connect(serial)
          try await adb.waitFor(serial, state: "device")
          let connected = Connected(
            device: client.device(serial), phone: phone, listDevices: { try await client.devices() }, serial: serial)
          return try await body(connected)
        }
      case .direct:
        let connection = try await DeviceConnection.connect(
          host: phones.host, port: phones.ports[0], options: .init(keys: [Self.trustedKey]))
        let connected = Connected(
          device: connection, phone: phone, listDevices: { [connection.info] }, serial: connection.serial)
        do {
          let result = try await body(connected)
          await connection.close()
          return result
        } catch {
          await connection.close()
          throw error
        }
      }
    }
  }
}
