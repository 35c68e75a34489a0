import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Asks the kernel for a free loopback TCP port: bind port 0, read the port, close.
public func freeLoopbackPort() throws -> Int {
  guard let port = bindLoopback(port: 0) else { throw POSIXError(.EADDRINUSE) }
  return port
}

/// `count` consecutive free loopback ports, for a program that serves on `base`, `base + 1`, ….
///
/// The base is drawn below Linux's ephemeral range (32768–60999), which every outgoing
/// connection of a busy test run takes its local ports from, and each port is checked by binding it.
public func freeConsecutiveLoopbackPorts(count: Int) throws -> Int {
  for _ in 0..<200 {
    let base = Int.random(in: 20_000...(32_000 - count))
    if (base..<(base + count)).allSatisfy(isFreeLoopbackPort) { return base }
  }
  throw POSIXError(.EADDRINUSE)
}

/// Whether 127.0.0.1:`port` can be bound now.
func isFreeLoopbackPort(_ port: Int) -> Bool {
  bindLoopback(port: port) != nil
}

/// Binds a TCP socket to 127.0.0.1:`port` (0: any free port), closes it, and returns the port
/// it was bound to; nil when the bind failed.
private func bindLoopback(port: Int) -> Int? {
  let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard socket >= 0 else { return nil }
  defer { close(socket) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  address.sin_port = UInt16(port).bigEndian
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) { pointer in
    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 }
  }
  guard bound else { return nil }
  _ = withUnsafeMutablePointer(to: &address) { pointer in
    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
  }
  return Int(UInt16(bigEndian: address.sin_port))
}
