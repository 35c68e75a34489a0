/// `reboot:[target]`: adbd restarts the device, so the transport drops without a reply.
final class RebootService: PhoneService {
  private let phone: VirtualPhone
  private let output: any ServiceOutput

  init(phone: VirtualPhone, output: any ServiceOutput) {
    self.phone = phone
    self.output = output
  }

  func start() {
    // The shell's `reboot` is what the phone does when it restarts; its output goes nowhere.
    _ = phone.runShell("reboot")
    output.dropConnection()
  }
}
