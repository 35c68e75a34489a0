import Testing

@testable import VirtualPhone

/// `tcp:PORT`, what `adb forward` opens on the phone. The loopback tests with Google's adb are in
/// InteropTests/AdbForwardTests.swift; these check the spec and the refusals.
@Suite struct TCPConnectServiceTests {
  @Test(arguments: [
    ("tcp:8080", 8080), ("tcp:localhost:8080", 8080), ("tcp:[localhost]:1", 1), ("tcp:65535", 65535),
  ])
  func acceptsLocalSpecs(spec: String, port: Int) {
    #expect(TCPConnectService.localPort(in: spec) == port)
  }

  @Test(arguments: [
    "tcp:0", "tcp:65536", "tcp:", "tcp:http", "tcp:example.com:80", "tcp:127.0.0.1:80", "tcp:10.0.0.2:5555",
    "udp:53", "localabstract:x",
  ])
  func refusesWhatAdbdRefuses(spec: String) {
    // adbd's tcp_host_is_local accepts only no host or "localhost": "adbd does not support
    // arbitrary tcp connections".
    #expect(TCPConnectService.localPort(in: spec) == nil)
  }

  @Test func anUnusableSpecIsRefusedWithClose() throws {
    let host = try HostHarness()
    #expect(try host.open("tcp:example.com:80") == nil)
    #expect(try host.open("tcp:0") == nil)
  }

  @Test func aPhoneThatCannotConnectRefusesTheStream() throws {
    // The in-memory harness's event loop has no sockets: the connection fails like a refused one.
    let host = try HostHarness()
    #expect(try host.open("tcp:8080") == nil)
  }
}
