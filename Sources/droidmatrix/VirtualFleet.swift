import ADB
import TaskEngine
import VirtualPhone

/// The simulated phones of `serve --virtual-phones N`: each runs TikTok logged in to one account
/// (`vphone1`, `vphone2`, …), is served on a loopback port (so `adb connect` reaches it too), and
/// is registered with the task engine through a native connection under a stable serial
/// (`vphone-1`, …), so tasks of one run find their phone again after a restart.
struct VirtualFleet {
  let server: VirtualPhoneServer?
  let connections: [DeviceConnection]
  /// Lines for the console: one per phone.
  let summary: [String]

  /// Starts `count` phones and registers them with `engine`.
  static func start(count: Int, engine: TaskEngine) async throws -> VirtualFleet {
    guard count > 0 else { return VirtualFleet(server: nil, connections: [], summary: []) }
    let phones = (1...count).map { index in
      VirtualPhone(
        configuration: .init(
          serial: "vphone-\(index)", model: "Virtual Phone \(index)", apps: [.tiktok(accounts: ["vphone\(index)"])]))
    }
    let server = try await VirtualPhoneServer.start(phones: phones)
    var connections: [DeviceConnection] = []
    var summary: [String] = []
    for (index, phone) in phones.enumerated() {
      let serial = phone.configuration.serial
      let connection = try await DeviceConnection.connect(host: server.host, port: server.ports[index])
      connections.append(connection)
      await engine.devices.register(
        serial: serial, device: connection, model: phone.configuration.model, source: "virtual")
      let account = "vphone\(index + 1)"
      // Accounts persist in the database: on a restart they are already there.
      if try await engine.accounts().contains(where: { $0.username == account }) == false {
        try await engine.addAccount(username: account, serial: serial)
      }
      summary.append("  virtual phone \(serial) (TikTok account @\(account)) on \(server.addresses[index])")
    }
    return VirtualFleet(server: server, connections: connections, summary: summary)
  }

  /// Closes the connections and stops the phones.
  func stop() async {
    for connection in connections { await connection.close() }
    await server?.stop()
  }
}
