import ADBWire
import NIOCore
import NIOEmbedded
import Testing

@testable import VirtualPhone

/// `reverse:` requests over the in-memory harness. Its event loop cannot listen, so these tests
/// use local-socket forwards, which the phone only records; the interop tests bind real ports.
@Suite struct ReverseServiceTests {
  /// Runs `reverse:COMMAND` and returns the phone's whole reply.
  static func reverse(_ command: String, on host: HostHarness) throws -> String {
    let stream = try #require(try host.open("reverse:" + command))
    let (output, closed) = try host.exchange(stream)
    #expect(closed)
    return String(buffer: output)
  }

  @Test(arguments: [
    ("forward:tcp:0;tcp:8080", ReverseRequest.forward(device: "tcp:0", host: "tcp:8080", noRebind: false)),
    ("forward:norebind:localabstract:a;tcp:1", .forward(device: "localabstract:a", host: "tcp:1", noRebind: true)),
    ("forward:tcp:70000;tcp:1", .invalid("cannot bind listener: bad socket spec: tcp:70000;tcp:1")),
    ("killforward:tcp:5", .remove(device: "tcp:5")),
    ("killforward-all", .removeAll),
    ("list-forward", .list),
    ("frobnicate", .invalid("unknown reverse request: frobnicate")),
  ])
  func parsesRequestsAsAdbdDoes(command: String, request: ReverseRequest) {
    #expect(ReverseRequest(parsing: command) == request)
  }

  @Test func recordsListsRebindsAndRemovesLocalSocketForwards() throws {
    let host = try HostHarness()
    #expect(try Self.reverse("forward:localabstract:app;tcp:7001", on: host) == "OKAY")
    #expect(try Self.reverse("forward:localfilesystem:/x;tcp:7002", on: host) == "OKAY")
    #expect(
      try Self.reverse("list-forward", on: host)
        == "0041host localabstract:app tcp:7001\nhost localfilesystem:/x tcp:7002\n")
    #expect(
      try Self.reverse("forward:norebind:localabstract:app;tcp:1", on: host) == "FAIL001dcannot rebind existing socket")
    #expect(try Self.reverse("forward:localabstract:app;tcp:7003", on: host) == "OKAY")
    #expect(host.phone.reverseForwards.rule(device: "localabstract:app")?.host == "tcp:7003")
    #expect(try Self.reverse("killforward:localabstract:app", on: host) == "OKAY")
    #expect(
      try Self.reverse("killforward:localabstract:app", on: host) == "FAIL0026listener 'localabstract:app' not found")
    #expect(try Self.reverse("killforward-all", on: host) == "OKAY")
    #expect(try Self.reverse("list-forward", on: host) == "0000")
  }

  @Test func aTCPForwardThatCannotListenFailsAsABindError() throws {
    let host = try HostHarness()
    #expect(try Self.reverse("forward:tcp:0;tcp:8080", on: host).hasPrefix("FAIL"))
    #expect(try Self.reverse("forward:tcp:0;tcp:8080", on: host).contains("cannot bind listener: "))
    #expect(host.phone.reverseForwards.all.isEmpty)
  }

  @Test func forwardsGoAwayWithTheConnectionThatCreatedThem() throws {
    let phone = VirtualPhone()
    let first = try HostHarness(phone: phone)
    let second = try HostHarness(phone: phone)
    _ = try Self.reverse("forward:localabstract:first;tcp:1", on: first)
    _ = try Self.reverse("forward:localabstract:second;tcp:2", on: second)
    try first.channel.close().wait()
    #expect(phone.reverseForwards.all.map(\.device) == ["localabstract:second"])
  }

  @Test func aNewConnectDropsTheConnectionsForwards() throws {
    let host = try HostHarness()
    _ = try Self.reverse("forward:localabstract:app;tcp:1", on: host)
    try host.send(ADBPacket(.connect, arg0: ADBProtocol.currentVersion, arg1: 1 << 20, payload: "host::\0"))
    _ = try host.received()
    #expect(host.phone.reverseForwards.all.isEmpty)
  }
}
