import ADB
import Testing

@testable import DeviceControl

@Suite struct DeviceControlErrorTests {
  @Test func wrapsAnADBErrorKeepingItsWordsAndCode() {
    let error = DeviceControlError(ADBError(.connectionLost, "127.0.0.1:5555 closed the connection"))
    #expect(error.code == .adb)
    #expect(error.adbError?.code == .connectionLost)
    #expect(error.description == "127.0.0.1:5555 closed the connection (connection lost)")
  }
}
