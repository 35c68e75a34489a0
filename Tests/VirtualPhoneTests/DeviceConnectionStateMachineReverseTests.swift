import ADBWire
import NIOCore
import Testing

@testable import VirtualPhone

/// Streams the phone opens to the host (device-initiated OPEN), as adbd does for `adb reverse`.
@Suite struct DeviceConnectionStateMachineReverseTests {
  typealias Machine = DeviceConnectionStateMachine
  static let version: UInt32 = 0x0100_0001
  static let classicHost = ADBPacket(.connect, arg0: version, arg1: 4096, payload: "host::features=shell_v2\0")
  static let burstHost = ADBPacket(
    .connect, arg0: version, arg1: 4096, payload: "host::features=shell_v2,delayed_ack\0")

  /// A machine connected to `host`, with max payload 4096.
  static func connected(to host: ADBPacket = classicHost) -> Machine {
    var machine = DeviceConnectionStateMachineTests.machine(maxPayload: 4096)
    _ = machine.packetReceived(host)
    return machine
  }

  /// Opens a stream to the host; fails the test when the machine cannot.
  static func open(_ machine: inout Machine, _ service: String) throws -> (localID: UInt32, actions: [Machine.Action]) {
    let opened = machine.openToHost(service: service)
    return try #require(opened)
  }

  static func send(_ packet: ADBPacket) -> Machine.Action { .send(packet, checksumVersion: version) }

  static func int32(_ value: Int32) -> ByteBuffer {
    var buffer = ByteBuffer()
    buffer.writeInteger(value, endianness: .little)
    return buffer
  }

  @Test func opensWithTheHostSpecNulTerminatedAndNoWindowInClassicMode() throws {
    var machine = Self.connected()
    let (localID, actions) = try Self.open(&machine, "tcp:8080")
    #expect(localID == 1)
    #expect(actions == [Self.send(ADBPacket(.open, arg0: 1, arg1: 0, payload: "tcp:8080\0"))])
    #expect(machine.openStreamCount == 1)
  }

  @Test func cannotOpenBeforeTheSessionIsUp() {
    var machine = DeviceConnectionStateMachineTests.machine()
    #expect(machine.openToHost(service: "tcp:8080") == nil)
  }

  @Test func queuesOutputUntilTheHostAcceptsThenStartsTheService() throws {
    var machine = Self.connected()
    let (localID, _) = try Self.open(&machine, "tcp:8080")
    let hello = ByteBuffer(string: "hello")
    #expect(machine.serviceWrote(hello, localID: localID) == [])
    #expect(machine.pendingOutputBytes(localID: localID) == 5)
    #expect(
      machine.packetReceived(ADBPacket(.okay, arg0: 7, arg1: localID))
        == [Self.send(ADBPacket(.write, arg0: localID, arg1: 7, payload: hello)), .startService(localID: localID)])
    // The host's data is acknowledged and delivered; its OKAY for ours lets the service write more.
    let pong = ByteBuffer(string: "pong")
    #expect(
      machine.packetReceived(ADBPacket(.write, arg0: 7, arg1: localID, payload: pong))
        == [Self.send(ADBPacket(.okay, arg0: localID, arg1: 7)), .deliver(pong, localID: localID)])
    #expect(machine.packetReceived(ADBPacket(.okay, arg0: 7, arg1: localID)) == [.outputDrained(localID: localID)])
  }

  @Test func aRefusedOpenClosesTheService() throws {
    var machine = Self.connected()
    let (localID, _) = try Self.open(&machine, "tcp:1")
    #expect(machine.packetReceived(ADBPacket(.close, arg0: 0, arg1: localID)) == [.closeService(localID: localID)])
    #expect(machine.openStreamCount == 0)
    #expect(machine.packetReceived(ADBPacket(.okay, arg0: 7, arg1: localID)) == [])
  }

  @Test func staleOkaysAreIgnored() throws {
    var machine = Self.connected()
    let (localID, _) = try Self.open(&machine, "tcp:8080")
    #expect(machine.packetReceived(ADBPacket(.okay, arg0: 7, arg1: 99)) == [])
    #expect(machine.packetReceived(ADBPacket(.okay, arg0: 0, arg1: localID)) == [])
    #expect(machine.packetReceived(ADBPacket(.okay, arg0: 7, arg1: localID)) == [.startService(localID: localID)])
    // Once open, an OKAY naming another host stream, or data from it, is not for this stream.
    #expect(machine.packetReceived(ADBPacket(.okay, arg0: 8, arg1: localID)) == [])
    #expect(machine.packetReceived(ADBPacket(.write, arg0: 8, arg1: localID, payload: "x")) == [])
    #expect(machine.packetReceived(ADBPacket(.close, arg0: 8, arg1: localID)) == [])
    #expect(machine.openStreamCount == 1)
  }

  @Test func aServiceThatFinishesBeforeTheHostAnswersClosesTheHostsEndLater() throws {
    var machine = Self.connected()
    let (localID, _) = try Self.open(&machine, "tcp:8080")
    #expect(machine.serviceFinished(localID: localID) == [])
    #expect(machine.openStreamCount == 0)
    // AOSP answers an OKAY for a socket it no longer has with CLSE(local, remote).
    #expect(
      machine.packetReceived(ADBPacket(.okay, arg0: 7, arg1: localID))
        == [Self.send(ADBPacket(.close, arg0: localID, arg1: 7))])
    #expect(machine.packetReceived(ADBPacket(.okay, arg0: 7, arg1: localID)) == [])
  }

  @Test func outputWrittenBeforeFinishingStillReachesTheHost() throws {
    var machine = Self.connected()
    let (localID, _) = try Self.open(&machine, "tcp:8080")
    let bye = ByteBuffer(string: "bye")
    _ = machine.serviceWrote(bye, localID: localID)
    #expect(machine.serviceFinished(localID: localID) == [])
    #expect(
      machine.packetReceived(ADBPacket(.okay, arg0: 7, arg1: localID))
        == [
          Self.send(ADBPacket(.write, arg0: localID, arg1: 7, payload: bye)),
          Self.send(ADBPacket(.close, arg0: localID, arg1: 7)),
        ])
  }

  @Test func offersItsWindowAndTakesTheHostsWindowInDelayedAckMode() throws {
    var machine = Self.connected(to: Self.burstHost)
    let (localID, actions) = try Self.open(&machine, "tcp:8080")
    let window = UInt32(Machine.receiveWindow)
    #expect(actions == [Self.send(ADBPacket(.open, arg0: localID, arg1: window, payload: "tcp:8080\0"))])
    #expect(
      machine.packetReceived(ADBPacket(.okay, arg0: 7, arg1: localID, payload: Self.int32(10_000)))
        == [.startService(localID: localID)])
    // 10,000 bytes of credit let three 4096-byte writes go without waiting.
    #expect(machine.serviceWrote(ByteBuffer(repeating: 1, count: 20_000), localID: localID).count == 3)
    // The host's data is acknowledged with its byte count.
    #expect(
      machine.packetReceived(ADBPacket(.write, arg0: 7, arg1: localID, payload: "abc")).first
        == Self.send(ADBPacket(.okay, arg0: localID, arg1: 7, payload: Self.int32(3))))
  }

  @Test func anOkayWithoutAWindowClosesTheConnectionInDelayedAckMode() throws {
    var machine = Self.connected(to: Self.burstHost)
    let (localID, _) = try Self.open(&machine, "tcp:8080")
    let actions = machine.packetReceived(ADBPacket(.okay, arg0: 7, arg1: localID))
    guard case .closeConnection(let error) = actions.first else {
      Issue.record("expected closeConnection, got \(actions)")
      return
    }
    #expect(error.code == .protocolViolation)
  }

  @Test func aNewConnectDropsOpeningStreamsAndResetsTheTransport() throws {
    var machine = Self.connected()
    let (localID, _) = try Self.open(&machine, "tcp:8080")
    let actions = machine.packetReceived(Self.classicHost)
    #expect(actions.prefix(2) == [.closeService(localID: localID), .resetTransport])
    #expect(machine.openStreamCount == 0)
    #expect(machine.packetReceived(ADBPacket(.okay, arg0: 7, arg1: localID)) == [])
  }
}
