import Foundation

/// Established TCP connections whose local port is `port`, from the kernel's `/proc/net/tcp`
/// (and `tcp6`): how many clients a server on this machine holds open right now.
public func establishedConnections(toLocalPort port: Int) -> Int {
  let established = "01"  // TCP_ESTABLISHED in include/net/tcp_states.h
  var count = 0
  for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
    guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count > 3, fields[3] == established,
        let colon = fields[1].lastIndex(of: ":"),
        Int(fields[1][fields[1].index(after: colon)...], radix: 16) == port
      else { continue }
      count += 1
    }
  }
  return count
}
