/// Maps a service name from an OPEN to the service that answers it, like adbd's
/// `daemon_service_to_fd` (AOSP `daemon/services.cpp`).
enum ServiceRouter {
  /// The service for `name`, or nil when the phone does not offer it (the stream is refused).
  /// - Parameters:
  ///   - name: the service name from the host's OPEN.
  ///   - phone: the phone the service acts on.
  ///   - output: the stream.
  ///   - transport: the connection the stream runs on (reverse forwards belong to it).
  static func service(
    named name: String, phone: VirtualPhone, output: any ServiceOutput, transport: any PhoneTransport
  ) -> (any PhoneService)? {
    if name.hasPrefix("shell,") || name.hasPrefix("shell:") {
      guard let request = ShellRequest(service: name) else { return nil }
      return ShellService(request: request, phone: phone, output: output)
    }
    if name.hasPrefix("exec:") {
      return ShellService(
        request: ShellRequest(exec: String(name.dropFirst("exec:".count))), phone: phone, output: output)
    }
    if name == "sync:" {
      return SyncService(phone: phone, output: output)
    }
    if name.hasPrefix("reverse:") {
      return ReverseService(
        command: String(name.dropFirst("reverse:".count)), phone: phone, output: output, transport: transport)
    }
    if name.hasPrefix("tcp:") {
      return TCPConnectService(spec: name, output: output, eventLoop: transport.eventLoop)
    }
    if name.hasPrefix("reboot:") {
      return RebootService(phone: phone, output: output)
    }
    return nil
  }
}
