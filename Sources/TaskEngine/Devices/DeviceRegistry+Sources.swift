import ADB

extension DeviceRegistry {
  /// How long to wait before reconnecting to a source that failed.
  static let reconnectDelay = Duration.seconds(2)

  /// How often devices of adb servers are asked for their state: adb 29 does not tell
  /// trackers when a TCP device drops (it shows it offline while it reconnects), so a
  /// vanished phone is found by asking (`host-serial:S:get-state`), within this interval.
  static let serverHealthInterval = Duration.seconds(3)

  /// Runs every source and the connection health checks until cancelled.
  func run(sources: [DeviceSource], options: DeviceConnection.Options, healthInterval: Duration) async {
    await withDiscardingTaskGroup { group in
      group.addTask { await self.checkHealth(every: healthInterval) }
      group.addTask { await self.checkServerDevices(every: max(healthInterval, Self.serverHealthInterval)) }
      for source in sources {
        group.addTask {
          switch source {
          case .adbServer(let address): await self.followServer(address)
          case .direct(let host, let port):
            await self.followDirect(host: host, port: port, options: options, healthInterval: healthInterval)
          case .usb: await self.followUSB(options: options)
          }
        }
      }
    }
  }

  /// Marks native connections that dropped as offline: a vanished phone is seen within one interval.
  private func checkHealth(every interval: Duration) async {
    while !Task.isCancelled {
      for (serial, connection) in onlineConnections where await !connection.isConnected {
        markOffline(serial: serial, ifStill: connection)
      }
      try? await Task.sleep(for: interval)
    }
  }

  /// Asks each adb server about its devices' state: online ones that are not `device` any more
  /// go offline, offline ones that are `device` again come back.
  private func checkServerDevices(every interval: Duration) async {
    while !Task.isCancelled {
      try? await Task.sleep(for: interval)
      for (serial, device, isOnline) in serverDevices {
        let state: String
        do {
          state = try await device.state()
        } catch let error as ADBError where error.code == .serverUnavailable {
          continue  // The tracker handles a server that went away.
        } catch {
          state = DeviceRegistry.offlineState
        }
        if isOnline, state != "device" {
          markOffline(serial: serial, state: state)
        } else if !isOnline, state == "device" {
          markOnline(serial: serial)
        }
      }
    }
  }

  /// Follows an adb server's device list, reconnecting when the server goes away.
  private func followServer(_ address: ADBServerAddress) async {
    let client = ADBServerClient(address: address, startsServer: false)
    let source = DeviceSource.adbServer(address).description
    var listed = Set<String>()
    while !Task.isCancelled {
      do {
        for try await devices in client.trackDevices() {
          var seen = Set<String>()
          for info in devices {
            seen.insert(info.serial)
            if info.isOnline {
              if !isOnline(info.serial) {
                await register(
                  serial: info.serial, device: client.device(info.serial), model: info.model, source: source)
              }
            } else {
              markOffline(serial: info.serial, state: info.state)
            }
          }
          for serial in listed.subtracting(seen) { markOffline(serial: serial) }
          listed = seen
        }
      } catch {
        // No server (yet): try again shortly, as a user may start one.
      }
      for serial in listed { markOffline(serial: serial) }
      listed = []
      try? await Task.sleep(for: Self.reconnectDelay)
    }
  }

  /// Keeps a native TCP connection to one phone, reconnecting after drops.
  private func followDirect(host: String, port: Int, options: DeviceConnection.Options, healthInterval: Duration)
    async
  {
    while !Task.isCancelled {
      if let connection = try? await DeviceConnection.connect(host: host, port: port, options: options) {
        await register(
          serial: connection.serial, device: connection, model: connection.info.model, source: "direct")
        while !Task.isCancelled, await connection.isConnected {
          try? await Task.sleep(for: healthInterval)
        }
        markOffline(serial: connection.serial, ifStill: connection)
        await connection.close()
      }
      try? await Task.sleep(for: Self.reconnectDelay)
    }
  }

  /// Connects to phones as they are plugged in; a phone unplugged goes offline.
  private func followUSB(options: DeviceConnection.Options) async {
    for await event in USBHost.track() {
      switch event {
      case .attached(let info):
        if let problem = info.problem {
          markOffline(serial: info.serial, state: problem.code.description)
          continue
        }
        do {
          let connection = try await DeviceConnection.connectUSB(serial: info.serial, options: options)
          await register(serial: connection.serial, device: connection, model: connection.info.model, source: "usb")
        } catch let error as ADBError {
          markOffline(serial: info.serial, state: error.code.description)
        } catch {
          markOffline(serial: info.serial)
        }
      case .detached(let info):
        markOffline(serial: info.serial)
      }
    }
  }
}
