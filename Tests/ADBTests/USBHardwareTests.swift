import ADB
import Foundation
import Testing

/// The USB transport against a real phone: enabled only when `DROIDMATRIX_TEST_USB_SERIAL` names
/// one that is attached, has USB debugging on, trusts `~/.android/adbkey` (or will, within a
/// minute of tapping "Allow") and is not held by an adb server (`adb kill-server`).
@Suite(.enabled(if: hardwareUSBSerial != nil, "set DROIDMATRIX_TEST_USB_SERIAL to test a real phone"), .serialized)
struct USBHardwareTests {
  static let serial = hardwareUSBSerial

  @Test func listsThePhone() throws {
    let phones = try USBHost.devices()
    #expect(phones.contains { $0.serial == Self.serial }, "USB phones: \(phones)")
  }

  @Test func runsShellAndTransfersFilesOverUSB() async throws {
    let options = DeviceConnection.Options(keys: try ADBKeyStore.allKeys(), authTimeout: .seconds(60))
    let phone = try await DeviceConnection.connectUSB(serial: Self.serial, options: options)
    let echo = try await phone.shell("echo hi")
    #expect(echo.standardOutput == "hi\n")

    // 8 MiB and 1 byte: full 1 MiB WRTEs (each followed by a zero-length packet) and a runt.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("usb-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var generator = SystemRandomNumberGenerator()
    let original = Data((0..<(8 << 20) + 1).map { _ in UInt8.random(in: 0...255, using: &generator) })
    let local = directory.appendingPathComponent("up.bin").path
    try original.write(to: URL(fileURLWithPath: local))
    let remote = "/data/local/tmp/droidmatrix-usb-test.bin"
    _ = try await phone.push(local, to: remote)
    _ = try await phone.pull(remote, to: directory.appendingPathComponent("down.bin").path)
    _ = try await phone.shell("rm -f \(remote)")
    #expect(try Data(contentsOf: directory.appendingPathComponent("down.bin")) == original)
    await phone.close()
  }
}

/// The serial of the phone the hardware tests use.
let hardwareUSBSerial = ProcessInfo.processInfo.environment["DROIDMATRIX_TEST_USB_SERIAL"]
