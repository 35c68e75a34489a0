import ADBWire
import Foundation
import InteropSupport
import NIOCore
import Testing
import VirtualPhone

@testable import ADB

/// The native connection's rules, against a scripted device (for what a good phone never does)
/// and virtual phones.
@Suite(.timeLimit(.minutes(2))) struct DeviceConnectionTests {
  static let untrustedKey: ADBKey = {
    do {
      return try ADBKey.generate()
    } catch {
      fatalError("cannot generate a key: \(error)")
    }
  }()

  static func token(_ seed: UInt8) -> ADBPacket {
    ADBPacket(.auth, arg0: AuthType.token.rawValue, arg1: 0, payload: ByteBuffer(bytes: (0..<20).map { seed &+ $0 }))
  }

  @Test func ignoresStalePacketsThenSignsWithEachKeyThenOffersThePublicKey() async throws {
    let keys = [Self.untrustedKey, DevicePath.trustedKey]
    let link = ScriptedLink()
    let connecting = Task {
      try await DeviceConnection.connect(over: link, serial: "scripted", options: .init(keys: keys))
    }
    let hello = try #require(await link.nextSent())
    #expect(hello.command == .connect && hello.arg0 == ADBProtocol.currentVersion && hello.arg1 == 1 << 20)
    #expect(String(buffer: hello.payload).hasPrefix("host::features="))
    // Stale packets from an earlier session come first and must be ignored.
    link.deliver(ADBPacket(.close, arg0: 5, arg1: 6))
    link.deliver(ADBPacket(.write, arg0: 5, arg1: 6, payload: "stale"))
    for (index, key) in keys.enumerated() {
      let token = Self.token(UInt8(index))
      link.deliver(token)
      let answer = try #require(await link.nextSent())
      #expect(answer.command == .auth && answer.arg0 == AuthType.signature.rawValue)
      let verifier = PhoneAuthentication.required(keys: [try key.publicKey()])
      #expect(
        verifier.acceptsSignature(Array(answer.payload.readableBytesView), for: Array(token.payload.readableBytesView)))
    }
    link.deliver(Self.token(9))
    let offer = try #require(await link.nextSent())
    #expect(offer.command == .auth && offer.arg0 == AuthType.rsaPublicKey.rawValue)
    #expect(String(buffer: offer.payload) == (try keys[0].publicKey().line) + "\0")
    link.deliver(ScriptedLink.deviceConnect(features: [ADBFeature.shellV2, ADBFeature.delayedAck]))
    let connection = try await connecting.value
    #expect(connection.banner.properties[ConnectionBanner.PropertyKey.productModel] == "Scripted")
    #expect(connection.delayedAck)
    await connection.close()
  }

  @Test func anUnknownKeyIsUnauthorizedWithinTheAuthTimeout() async throws {
    let behaviour = VirtualPhoneServer.Behaviour(
      authentication: .required(keys: [try DevicePath.trustedKey.publicKey()]))
    try await PhoneFixture.with(behaviour: behaviour) { phones in
      let clock = ContinuousClock()
      let start = clock.now
      do {
        _ = try await DeviceConnection.connect(
          host: phones.host, port: phones.ports[0],
          options: .init(keys: [Self.untrustedKey], authTimeout: .seconds(1)))
        Issue.record("an untrusted key must not connect")
      } catch let error as ADBError {
        #expect(error.code == .deviceUnauthorized)
        #expect(error.message.contains("Allow USB debugging"))
      }
      #expect(clock.now - start < .seconds(6))
    }
  }

  @Test func aStreamIDNeverOpenedClosesTheConnectionWithAProtocolError() async throws {
    let (connection, link) = try await ScriptedLink.connected()
    let reading = Task { try await connection.withStream("shell:cat") { try await $0.readAll() } }
    let open = try #require(await link.nextSent())
    #expect(open.command == .open && String(buffer: open.payload) == "shell:cat\0")
    link.deliver(ADBPacket(.okay, arg0: 100, arg1: open.arg0))
    link.deliver(ADBPacket(.write, arg0: 100, arg1: open.arg0 + 41, payload: "who?"))
    do {
      _ = try await reading.value
      Issue.record("the reader must see the connection fail")
    } catch let error as ADBError {
      #expect(error.code == .protocolError)
      #expect(error.message.contains("never opened"))
    }
    #expect(await !connection.isConnected)
    #expect(link.isClosed)
  }

  @Test func packetsForStreamsAlreadyClosedAreIgnored() async throws {
    let (connection, link) = try await ScriptedLink.connected()
    let first = Task { try await connection.withStream("shell:true") { try await $0.readAll() } }
    let open = try #require(await link.nextSent())
    link.deliver(ADBPacket(.okay, arg0: 100, arg1: open.arg0))
    link.deliver(ADBPacket(.close, arg0: 100, arg1: open.arg0))
    #expect(try await first.value.isEmpty)
    // Late packets for the closed stream, and AOSP's duplicate CLSE.
    link.deliver(ADBPacket(.write, arg0: 100, arg1: open.arg0, payload: "late"))
    link.deliver(ADBPacket(.close, arg0: 100, arg1: open.arg0))
    let second = Task { try await connection.withStream("shell:echo") { try await $0.readAll() } }
    let reopen = try #require(await link.nextSent())
    #expect(reopen.command == .open && reopen.arg0 != open.arg0)
    link.deliver(ADBPacket(.okay, arg0: 101, arg1: reopen.arg0))
    link.deliver(ADBPacket(.write, arg0: 101, arg1: reopen.arg0, payload: "hi"))
    link.deliver(ADBPacket(.close, arg0: 101, arg1: reopen.arg0))
    #expect(try await second.value == Array("hi".utf8))
    #expect(await connection.isConnected)
    await connection.close()
  }

  @Test func aDeviceOpenIsAcceptedOnlyForAConfiguredReverseTarget() async throws {
    try await EchoServer.with { echo in
      let (connection, link) = try await ScriptedLink.connected()
      link.deliver(ADBPacket(.open, arg0: 50, arg1: 0, payload: "tcp:\(echo.port)\0"))
      let refusal = try #require(await link.nextSent())
      #expect(refusal.command == .close && refusal.arg0 == 0 && refusal.arg1 == 50)

      let configuring = Task { try await connection.reverse(device: "tcp:7000", host: "tcp:\(echo.port)") }
      let open = try #require(await link.nextSent())
      #expect(String(buffer: open.payload) == "reverse:forward:tcp:7000;tcp:\(echo.port)\0")
      link.deliver(ADBPacket(.okay, arg0: 60, arg1: open.arg0))
      link.deliver(ADBPacket(.write, arg0: 60, arg1: open.arg0, payload: "OKAY"))
      link.deliver(ADBPacket(.close, arg0: 60, arg1: open.arg0))
      #expect(try await configuring.value == 7000)
      #expect(await connection.reverseTargets == ["tcp:\(echo.port)"])

      link.deliver(ADBPacket(.open, arg0: 51, arg1: 0, payload: "tcp:\(echo.port)\0"))
      let accepted = try #require(await link.nextSent(skippingAcknowledgements: false))
      #expect(accepted.command == .okay && accepted.arg1 == 51)
      link.deliver(ADBPacket(.write, arg0: 51, arg1: accepted.arg0, payload: "ping"))
      let echoed = try #require(await link.nextSent(skippingAcknowledgements: true))
      #expect(echoed.command == .write && echoed.arg0 == accepted.arg0 && echoed.arg1 == 51)
      #expect(String(buffer: echoed.payload) == "ping")
      await connection.close()
    }
  }

  @Test func aDelayedAckOKAYWithoutFourBytesIsMalformed() async throws {
    let (connection, link) = try await ScriptedLink.connected(features: [ADBFeature.delayedAck])
    let reading = Task { try await connection.withStream("shell:cat") { try await $0.readAll() } }
    let open = try #require(await link.nextSent())
    #expect(open.arg1 == UInt32(DeviceConnection.Options().receiveWindow))
    link.deliver(ADBPacket(.okay, arg0: 100, arg1: open.arg0))
    await #expect(throws: ADBError.self) { try await reading.value }
    #expect(await !connection.isConnected)
  }

  @Test func aPhoneThatVanishesMidPushFailsTypedAndOthersCarryOn() async throws {
    let data = try randomBytes(count: 16 << 20)
    let directory = try makeTemporaryDirectory("vanish")
    defer { try? FileManager.default.removeItem(at: directory) }
    let source = directory.appendingPathComponent("big.bin")
    try data.write(to: source)
    try await PhoneFixture.with(behaviour: .init(vanishAfterBytes: 4 << 20)) { vanishing in
      try await PhoneFixture.with { steady in
        let doomed = try await DeviceConnection.connect(host: vanishing.host, port: vanishing.ports[0])
        let healthy = try await DeviceConnection.connect(host: steady.host, port: steady.ports[0])
        async let healthyPush = healthy.push(source.path, to: "/sdcard/big.bin")
        do {
          _ = try await doomed.push(source.path, to: "/sdcard/big.bin")
          Issue.record("a push to a vanished phone must fail")
        } catch let error as ADBError {
          #expect(error.code == .connectionLost)
        }
        #expect(try await healthyPush.bytes == UInt64(data.count))
        #expect(try steady.phones[0].fileSystem.readFile("/sdcard/big.bin").elementsEqual(data))
        #expect(try await healthy.shell("echo still here").standardOutput == "still here\n")
        await healthy.close()
      }
    }
  }
}
