import ADBWire
import NIOCore
import Testing

@testable import VirtualPhone

@Suite struct DeviceConnectionStateMachineTests {
  static let token = TestRSAKey.token
  static let deviceBanner = ConnectionBanner(
    systemType: "device", properties: ["ro.product.model": "M"], features: ["shell_v2", "delayed_ack"])
  static let hostCNXN = ADBPacket(.connect, arg0: 0x0100_0001, arg1: 1 << 20, payload: "host::features=shell_v2\0")

  static func machine(
    authentication: PhoneAuthentication = .disabled, maxPayload: Int = 1 << 20
  ) -> DeviceConnectionStateMachine {
    DeviceConnectionStateMachine(
      banner: deviceBanner, maxPayload: maxPayload, authentication: authentication, makeToken: { token })
  }

  static func connected(maxPayload: Int = 1 << 20) -> DeviceConnectionStateMachine {
    var machine = machine(maxPayload: maxPayload)
    _ = machine.packetReceived(hostCNXN)
    return machine
  }

  static func connectReply(version: UInt32 = 0x0100_0001, maxPayload: UInt32 = 1 << 20)
    -> DeviceConnectionStateMachine.Action
  {
    .send(
      ADBPacket(.connect, arg0: version, arg1: maxPayload, payload: ByteBuffer(string: deviceBanner.description)),
      checksumVersion: ADBProtocol.versionMin)
  }

  @Test func answersConnectWithItsBannerWhenAuthIsDisabled() {
    var machine = Self.machine()
    #expect(machine.packetReceived(Self.hostCNXN) == [Self.connectReply()])
    #expect(machine.session == .init(version: 0x0100_0001, maxPayload: 1 << 20, delayedAck: false))
  }

  @Test func negotiatesTheSmallerVersionAndPayload() {
    var machine = Self.machine()
    let old = ADBPacket(.connect, arg0: 0x0100_0000, arg1: 4096, payload: "host::\0")
    #expect(machine.packetReceived(old) == [Self.connectReply(version: 0x0100_0000, maxPayload: 4096)])
  }

  @Test func ignoresEverythingBeforeConnect() {
    var machine = Self.machine()
    #expect(machine.packetReceived(ADBPacket(.open, arg0: 1, arg1: 0, payload: "shell:ls\0")) == [])
    #expect(machine.packetReceived(ADBPacket(.close, arg0: 1, arg1: 9)) == [])
    #expect(machine.session == nil)
  }

  @Test func closesOnAMalformedBanner() {
    var machine = Self.machine()
    let actions = machine.packetReceived(ADBPacket(.connect, arg0: 0x0100_0001, arg1: 4096, payload: ":\u{1}"))
    guard case .closeConnection(let error) = actions.first else {
      Issue.record("expected closeConnection, got \(actions)")
      return
    }
    #expect(error.code == .malformedBanner)
  }

  @Test func sendsATokenThenAcceptsAValidSignature() {
    var machine = Self.machine(authentication: .required(keys: [TestRSAKey.publicKey]))
    let tokenPacket = ADBPacket(.auth, arg0: 1, arg1: 0, payload: ByteBuffer(bytes: Self.token))
    #expect(machine.packetReceived(Self.hostCNXN) == [.send(tokenPacket, checksumVersion: ADBProtocol.versionMin)])
    #expect(machine.session == nil)
    let signature = ADBPacket(.auth, arg0: 2, arg1: 0, payload: ByteBuffer(bytes: TestRSAKey.tokenSignature))
    #expect(machine.packetReceived(signature) == [Self.connectReply()])
  }

  @Test func answersABadSignatureWithANewTokenAndAnUnknownKeyWithSilence() {
    var machine = Self.machine(authentication: .required(keys: []))
    _ = machine.packetReceived(Self.hostCNXN)
    let signature = ADBPacket(.auth, arg0: 2, arg1: 0, payload: ByteBuffer(bytes: TestRSAKey.tokenSignature))
    let tokenPacket = ADBPacket(.auth, arg0: 1, arg1: 0, payload: ByteBuffer(bytes: Self.token))
    #expect(machine.packetReceived(signature) == [.send(tokenPacket, checksumVersion: ADBProtocol.versionMin)])
    let offer = ADBPacket(.auth, arg0: 3, arg1: 0, payload: ByteBuffer(string: TestRSAKey.publicKey.line + "\0"))
    #expect(machine.packetReceived(offer) == [])
    #expect(machine.session == nil)
    // Streams stay closed while unauthorized.
    #expect(machine.packetReceived(ADBPacket(.open, arg0: 1, arg1: 0, payload: "shell:ls\0")) == [])
  }

  @Test func acceptsAnOfferedKeyWhenNewKeysAreAllowed() {
    let authentication = PhoneAuthentication.required(keys: [], acceptNewKeys: true)
    var machine = Self.machine(authentication: authentication)
    _ = machine.packetReceived(Self.hostCNXN)
    let offer = ADBPacket(.auth, arg0: 3, arg1: 0, payload: ByteBuffer(string: TestRSAKey.publicKey.line + "\0"))
    #expect(machine.packetReceived(offer) == [Self.connectReply()])
    #expect(authentication.trustedKeys == [TestRSAKey.publicKey])
  }

  @Test func opensAStreamAfterTheServiceAccepts() {
    var machine = Self.connected()
    #expect(
      machine.packetReceived(ADBPacket(.open, arg0: 5, arg1: 0, payload: "shell:ls\0"))
        == [.openService(localID: 1, service: "shell:ls")])
    #expect(
      machine.serviceAccepted(localID: 1)
        == [.send(ADBPacket(.okay, arg0: 1, arg1: 5), checksumVersion: 0x0100_0001)])
  }

  @Test func refusesAnUnknownServiceWithClose() {
    var machine = Self.connected()
    _ = machine.packetReceived(ADBPacket(.open, arg0: 5, arg1: 0, payload: "frobnicate:\0"))
    #expect(
      machine.serviceRefused(localID: 1) == [.send(ADBPacket(.close, arg0: 0, arg1: 5), checksumVersion: 0x0100_0001)])
    #expect(machine.openStreamCount == 0)
  }

  @Test func keepsOneWriteOutstandingInClassicFlowControl() {
    var machine = Self.connected(maxPayload: 4096)
    _ = machine.packetReceived(ADBPacket(.open, arg0: 5, arg1: 0, payload: "shell:ls\0"))
    _ = machine.serviceAccepted(localID: 1)
    let output = ByteBuffer(repeating: 0x41, count: 6000)
    let first = machine.serviceWrote(output, localID: 1)
    #expect(first.count == 1)
    #expect(machine.pendingOutputBytes(localID: 1) == 6000 - 4096)
    #expect(machine.serviceFinished(localID: 1) == [])
    let afterAck = machine.packetReceived(ADBPacket(.okay, arg0: 5, arg1: 1))
    #expect(afterAck.count == 2)  // The last WRTE, then CLSE once everything was sent.
    #expect(afterAck.last == .send(ADBPacket(.close, arg0: 1, arg1: 5), checksumVersion: 0x0100_0001))
  }

  @Test func acknowledgesEveryWriteAndDeliversIt() {
    var machine = Self.connected()
    _ = machine.packetReceived(ADBPacket(.open, arg0: 5, arg1: 0, payload: "sync:\0"))
    _ = machine.serviceAccepted(localID: 1)
    let data = ByteBuffer(string: "QUIT\0\0\0\0")
    #expect(
      machine.packetReceived(ADBPacket(.write, arg0: 5, arg1: 1, payload: data))
        == [.send(ADBPacket(.okay, arg0: 1, arg1: 5), checksumVersion: 0x0100_0001), .deliver(data, localID: 1)])
    #expect(machine.packetReceived(ADBPacket(.write, arg0: 5, arg1: 99, payload: data)) == [])
  }

  @Test func usesWindowsWhenBothSidesListDelayedAck() {
    var machine = Self.machine(maxPayload: 4096)
    let host = ADBPacket(.connect, arg0: 0x0100_0001, arg1: 4096, payload: "host::features=shell_v2,delayed_ack\0")
    _ = machine.packetReceived(host)
    #expect(machine.session?.delayedAck == true)
    // An OPEN without a window is refused when delayed-ack is on.
    #expect(
      machine.packetReceived(ADBPacket(.open, arg0: 4, arg1: 0, payload: "shell:ls\0"))
        == [.send(ADBPacket(.close, arg0: 0, arg1: 4), checksumVersion: 0x0100_0001)])
    _ = machine.packetReceived(ADBPacket(.open, arg0: 5, arg1: 10_000, payload: "shell:ls\0"))
    var window = ByteBuffer()
    window.writeInteger(DeviceConnectionStateMachine.receiveWindow, endianness: .little)
    #expect(
      machine.serviceAccepted(localID: 1)
        == [.send(ADBPacket(.okay, arg0: 1, arg1: 5, payload: window), checksumVersion: 0x0100_0001)])
    // 10,000 bytes of credit let three 4096-byte writes go without waiting.
    #expect(machine.serviceWrote(ByteBuffer(repeating: 1, count: 20_000), localID: 1).count == 3)
    var acknowledged = ByteBuffer()
    acknowledged.writeInteger(Int32(8192), endianness: .little)
    // 5904 bytes of credit again: the remaining 7712 bytes go as two writes, and the service may write more.
    let resumed = machine.packetReceived(ADBPacket(.okay, arg0: 5, arg1: 1, payload: acknowledged))
    #expect(resumed.count == 3)
    #expect(resumed.last == .outputDrained(localID: 1))
  }

  @Test func aSecondConnectDropsEveryStream() {
    var machine = Self.connected()
    _ = machine.packetReceived(ADBPacket(.open, arg0: 5, arg1: 0, payload: "shell:ls\0"))
    _ = machine.serviceAccepted(localID: 1)
    #expect(
      machine.packetReceived(Self.hostCNXN) == [.closeService(localID: 1), .resetTransport, Self.connectReply()])
    #expect(machine.openStreamCount == 0)
  }
}
