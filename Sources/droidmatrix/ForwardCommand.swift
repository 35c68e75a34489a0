import ADB
import ArgumentParser

/// `droidmatrix forward`: connections to a listener on this computer go to a socket on the
/// device, like `adb forward`.
struct ForwardCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "forward",
    abstract: "Forward a port or socket on this computer to the device.",
    discussion: "Examples: forward tcp:8080 tcp:8080 · forward tcp:0 localabstract:app · forward --list")

  @OptionGroup var target: DeviceOptions
  @OptionGroup var options: ForwardOptions

  func validate() throws {
    guard target.isNative else { return }
    guard case .add = options.action else {
      throw ValidationError(
        "a forward made with --direct or --usb lives in the `droidmatrix forward --direct/--usb` process that made it; "
          + "stop that process to remove it")
    }
  }

  func run() async throws {
    if target.isNative, case .add(let local, let remote, let noRebind) = options.action {
      try await Terminal.reportingErrors {
        try await withNativeConnection(target.native, serial: target.explicitSerial) { connection in
          let port = try await connection.forward(local: local, remote: remote, noRebind: noRebind)
          if local == "tcp:0", let port { Terminal.write("\(port)\n") }
          Terminal.write(
            "droidmatrix: forwarding \(local) to \(remote) on \(connection.serial) until interrupted\n",
            to: Terminal.standardError)
          try await Terminal.waitUntilInterrupted()
        }
      }
      return
    }
    try await Terminal.reportingErrors {
      let client = try target.server.client()
      switch options.action {
      case .list:
        var forwards = try await client.listForwards()
        if let serial = target.explicitSerial { forwards = forwards.filter { $0.serial == serial } }
        for forward in forwards { Terminal.write("\(forward.serial) \(forward.local) \(forward.remote)\n") }
      case .remove(let local):
        try await client.removeForward(serial: try await target.resolveSerial(client), local: local)
      case .removeAll:
        try await client.removeAllForwards(serial: try await target.resolveSerial(client))
      case .add(let local, let remote, let noRebind):
        let serial = try await target.resolveSerial(client)
        let port = try await client.forward(serial: serial, local: local, remote: remote, noRebind: noRebind)
        // Like adb: print the port only when the server chose it.
        if local == "tcp:0", let port { Terminal.write("\(port)\n") }
      }
    }
  }
}
