import ADB
import ADBWire
import ArgumentParser

/// `droidmatrix keygen FILE`: writes a new key pair like `adb keygen` (FILE and FILE.pub).
struct KeygenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "keygen", abstract: "Write a new adb key pair: FILE (private, mode 0600) and FILE.pub.")

  @Argument(help: "Where to write the private key; the public key goes to FILE.pub.")
  var file: String

  func run() async throws {
    try await Terminal.reportingErrors { try ADBKey.generate().write(to: file) }
  }
}

/// `droidmatrix pubkey FILE`: prints the public key of a private key file, as in `adbkey.pub`.
struct PubkeyCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pubkey", abstract: "Print the Android-format public key of a PEM private key (like adbkey.pub).")

  @Argument(help: "A PEM private key (PKCS#8 or PKCS#1), such as ~/.android/adbkey.")
  var file: String

  func run() async throws {
    let line = try await Terminal.reportingErrors { try ADBKey(contentsOf: file).publicKey().line }
    Terminal.write(line + "\n", to: Terminal.standardOutput)
  }
}
