import ADB
import Foundation
import InteropSupport
import Testing
import VirtualPhone

/// Each way of failing has its own error, in the server's words.
@Suite(.enabled(if: adbIsInstalled, "Google's adb is not installed; run tools/setup"), .serialized)
struct ServerErrorTests {
  @Test func anUnauthorizedPhoneSaysSo() async throws {
    let authentication = PhoneAuthentication.required(keys: [])
    try await PhoneFixture.with(behaviour: .init(authentication: authentication)) { phones in
      try await AdbServer.with { adb in
        let client = ADBServerClient(address: ADBServerAddress(host: "127.0.0.1", port: adb.port), startsServer: false)
        let serial = phones.addresses[0]
        _ = try? await client.connect(serial)
        try await adb.waitFor(serial, state: "unauthorized")
        do {
          _ = try await client.device(serial).shell("true")
          Issue.record("an unauthorized phone must refuse")
        } catch let error as ADBError {
          #expect(error.code == .deviceUnauthorized)
          #expect(error.message.hasPrefix("device unauthorized"))
        }
      }
    }
  }

  @Test func severalDevicesWithoutASerialIsAmbiguous() async throws {
    try await PhoneFixture.with(count: 2) { phones in
      try await AdbServer.with { adb in
        let client = ADBServerClient(address: ADBServerAddress(host: "127.0.0.1", port: adb.port), startsServer: false)
        for address in phones.addresses {
          try await client.connect(address)
          try await adb.waitFor(address, state: "device")
        }
        do {
          _ = try await client.onlyDevice.shell("true")
          Issue.record("two devices and no serial must be refused")
        } catch let error as ADBError {
          #expect(error.code == .moreThanOneDevice)
          #expect(error.message == "more than one device/emulator")
        }
      }
    }
  }

  @Test func theServerAddressComesFromTheEnvironmentLikeGooglesClient() throws {
    #expect(try ADBServerAddress.fromEnvironment([:]) == ADBServerAddress(host: "127.0.0.1", port: 5037))
    #expect(
      try ADBServerAddress.fromEnvironment(["ADB_SERVER_SOCKET": "tcp:10.0.0.2:6000", "ANDROID_ADB_SERVER_PORT": "7"])
        == ADBServerAddress(host: "10.0.0.2", port: 6000))
    #expect(
      try ADBServerAddress.fromEnvironment(["ANDROID_ADB_SERVER_ADDRESS": "rack1", "ANDROID_ADB_SERVER_PORT": "5038"])
        == ADBServerAddress(host: "rack1", port: 5038))
    #expect(throws: ADBError.self) { try ADBServerAddress.fromEnvironment(["ANDROID_ADB_SERVER_PORT": "99999"]) }
    #expect(throws: ADBError.self) { try ADBServerAddress.fromEnvironment(["ADB_SERVER_SOCKET": "local:/x"]) }
  }

  @Test func devicesLinesWithSpacesInTheStateParse() {
    let text = """
      0123456789ABCDEF       no permissions (user in plugdev group; are your udev rules wrong?); see [http://developer.android.com/tools/device.html] usb:1-1.2 transport_id:3
      127.0.0.1:5555         device product:sdk_phone model:Pixel_7 device:panther transport_id:1
      emulator-5554\toffline
      """
    let devices = ADBDeviceInfo.parseList(text)
    #expect(devices.count == 3)
    #expect(devices[0].state.hasPrefix("no permissions (user in plugdev group"))
    #expect(devices[0].devicePath == "usb:1-1.2" && devices[0].transportID == 3)
    #expect(
      devices[1]
        == ADBDeviceInfo(
          serial: "127.0.0.1:5555", state: "device", product: "sdk_phone", model: "Pixel_7", device: "panther",
          transportID: 1))
    #expect(devices[2] == ADBDeviceInfo(serial: "emulator-5554", state: "offline"))
  }
}
