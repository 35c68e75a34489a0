import ADBWire
import NIOCore
import NIOEmbedded
import Testing

@testable import VirtualPhone

@Suite struct ShellServiceTests {
  static func packets(_ output: ByteBuffer) throws -> [ShellPacket] {
    var buffer = output
    var packets: [ShellPacket] = []
    while let packet = try ShellPacket.read(from: &buffer) { packets.append(packet) }
    #expect(buffer.readableBytes == 0)
    return packets
  }

  @Test func shellV2SplitsStdoutAndStderrAndEndsWithTheExitStatus() throws {
    let host = try HostHarness()
    let stream = try #require(try host.open("shell,v2,raw:echo hi; echo err >&2; exit 4"))
    var closeStdin = ByteBuffer()
    ShellPacket(.closeStdin).write(to: &closeStdin)
    let (output, closed) = try host.exchange(stream, writing: closeStdin)
    #expect(closed)
    #expect(
      try Self.packets(output) == [
        ShellPacket(.stdout, payload: ByteBuffer(string: "hi\n")),
        ShellPacket(.stderr, payload: ByteBuffer(string: "err\n")),
        .exit(status: 4),
      ])
  }

  @Test func shellV1MergesOutputWithoutStatus() throws {
    let host = try HostHarness()
    let stream = try #require(try host.open("shell:echo hi; echo err >&2"))
    let (output, closed) = try host.exchange(stream)
    #expect(closed)
    #expect(String(buffer: output) == "hi\nerr\n")
  }

  @Test func execIsBinarySafe() throws {
    let host = try HostHarness()
    let stream = try #require(try host.open("exec:screencap -p"))
    let (output, _) = try host.exchange(stream)
    #expect(Array(output.readableBytesView.prefix(8)) == [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  }

  @Test func interactiveShellRunsTypedLinesUntilExit() throws {
    let host = try HostHarness()
    let stream = try #require(try host.open("shell:"))
    var (output, closed) = try host.exchange(stream)
    #expect(String(buffer: output) == ShellService.prompt)
    (output, closed) = try host.exchange(stream, writing: ByteBuffer(string: "echo hi\r"))
    #expect(String(buffer: output) == "echo hi\r\nhi\r\n" + ShellService.prompt)
    (output, closed) = try host.exchange(stream, writing: ByteBuffer(string: "exit\r"))
    #expect(closed)
  }

  @Test func unknownServicesAreRefusedWithClose() throws {
    let host = try HostHarness()
    try host.send(ADBPacket(.open, arg0: 7, arg1: 0, payload: "frobnicate:now\0"))
    #expect(try host.received() == [ADBPacket(.close, arg0: 0, arg1: 7)])
  }

  @Test func rebootDropsTheConnection() throws {
    let host = try HostHarness()
    _ = try host.open("reboot:")
    #expect(!host.channel.isActive)
  }

  @Test func aBadMagicClosesOnlyThatConnection() throws {
    let phone = VirtualPhone()
    let first = try HostHarness(phone: phone)
    let second = try HostHarness(phone: phone)
    try? first.sendRaw([UInt8](repeating: 0x41, count: 24))
    #expect(!first.channel.isActive)
    let stream = try #require(try second.open("shell:echo alive"))
    #expect(String(buffer: try second.exchange(stream).output) == "alive\n")
  }
}

@Suite struct ShellStdinTests {
  @Test func aV2CommandReadsTheStdinSentBeforeCloseStdin() throws {
    let host = try HostHarness()
    let stream = try #require(try host.open("shell,v2,raw:cat"))
    var input = ByteBuffer()
    ShellPacket(.stdin, payload: ByteBuffer(string: "piped\n")).write(to: &input)
    ShellPacket(.closeStdin).write(to: &input)
    let (output, closed) = try host.exchange(stream, writing: input)
    #expect(closed)
    #expect(
      try ShellServiceTests.packets(output) == [
        ShellPacket(.stdout, payload: ByteBuffer(string: "piped\n")), .exit(status: 0),
      ])
  }

  @Test func aV2CommandRunsOnceStdinStaysQuiet() throws {
    let host = try HostHarness()
    let stream = try #require(try host.open("shell,v2,raw:echo ran"))
    #expect(try host.exchange(stream).output.readableBytes == 0)  // Still waiting for stdin.
    host.channel.embeddedEventLoop.advanceTime(by: .milliseconds(1010))
    let (output, closed) = try host.exchange(stream)
    #expect(closed)
    #expect(
      try ShellServiceTests.packets(output) == [
        ShellPacket(.stdout, payload: ByteBuffer(string: "ran\n")), .exit(status: 0),
      ])
  }
}
