import ADB
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// Many clients on many phones at once through one adb server.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct ConcurrencyTests {
  @Test func twentyClientsOnTwentyPhonesRunAHundredCommandsEachWithoutLeaks() async throws {
    try await PhoneFixture.with(count: 20) { phones in
      try await AdbServer.with { adb in
        let client = ADBServerClient(address: ADBServerAddress(host: "127.0.0.1", port: adb.port), startsServer: false)
        for address in phones.addresses {
          try await client.connect(address)
          try await adb.waitFor(address, state: "device")
        }
        let baseline = establishedConnections(toLocalPort: adb.port)

        let failures = try await withThrowingTaskGroup(of: Int.self) { group in
          for (index, address) in phones.addresses.enumerated() {
            group.addTask {
              let phone = client.device(address)
              var wrong = 0
              for command in 0..<100 {
                let output = try await phone.shell("echo \(index)-\(command); exit \(command % 5)")
                if output.standardOutput != "\(index)-\(command)\n" || output.exitStatus != Int32(command % 5) {
                  wrong += 1
                }
              }
              return wrong
            }
          }
          return try await group.reduce(0, +)
        }
        #expect(failures == 0)

        // Every connection the library opened is closed again (the server may take a moment).
        var open = establishedConnections(toLocalPort: adb.port)
        for _ in 0..<50 where open > baseline {
          try await Task.sleep(for: .milliseconds(100))
          open = establishedConnections(toLocalPort: adb.port)
        }
        #expect(open == baseline)
      }
    }
  }
}
