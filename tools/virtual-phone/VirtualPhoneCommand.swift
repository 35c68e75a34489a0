import ArgumentParser
import Foundation
import VirtualPhone

/// `virtual-phone`: serves simulated Android phones that Google's adb accepts
/// (`adb connect 127.0.0.1:PORT`), from one process however many there are.
@main
struct VirtualPhoneCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "virtual-phone",
    abstract: "Serve simulated Android phones over the ADB device protocol (like adbd after `adb tcpip`).",
    discussion: """
      Phone N listens on PORT+N-1. Connect with `adb connect 127.0.0.1:PORT`.
      Example: virtual-phone --port 5600 --count 3 --model "Pixel 7"

      Every phone has TikTok (com.zhiliaoapp.musically) unless --app says otherwise
      (--app testapp for the test app, --app none for no app). Start it with
      monkey -p com.zhiliaoapp.musically 1, read the screen with
      adb exec-out uiautomator dump /dev/tty, and what the accounts did with
      adb shell vphone state.

      As on real phones, each dump takes --dump-latency-ms and fails at
      --dump-failure-rate, and apps show pop-ups at --popup-chance. Failures and
      pop-ups are seeded (--seed and the serial): a run can be repeated exactly.
      """
  )

  @Option(help: "TCP port of the first phone.")
  var port: Int = 5555

  @Option(help: "Address to listen on.")
  var host: String = "127.0.0.1"

  @Option(help: "How many phones to serve, on consecutive ports.")
  var count: Int = 1

  @Option(help: "Serial (ro.serialno) of the first phone; later phones get -2, -3, …")
  var serial: String = "vphone"

  @Option(help: "Model name (ro.product.model).")
  var model: String = "Virtual Phone"

  @Option(help: "Product name (ro.product.name).")
  var product: String = "vphone"

  @Option(help: "Device name (ro.product.device).")
  var device: String = "vphone"

  @Option(name: .customLong("prop"), help: "An extra system property KEY=VALUE for every phone (repeatable).")
  var properties: [String] = []

  @Option(
    name: .customLong("phone-prop"),
    help: "A system property for one phone, N:KEY=VALUE with N counted from 1 (repeatable).")
  var phoneProperties: [String] = []

  @Option(help: "adb_keys file (one public key per line): require authentication with these keys.")
  var authKeys: String?

  @Flag(help: "With --auth-keys: accept a public key the host offers, as a user tapping \"Allow\" would.")
  var acceptNewKeys = false

  @Option(help: "Delay, in milliseconds, before each reply packet (fault injection).")
  var latencyMs: Int = 0

  @Option(help: "Drop a connection after it has carried this many bytes (fault injection).")
  var vanishAfterBytes: Int?

  @Option(help: "Largest payload the phone offers in its CNXN (default 1 MiB).")
  var maxPayload: Int = 1024 * 1024

  @Option(
    name: .customLong("app"),
    help: "An app model to install on every phone (repeatable): \(Self.appNames.joined(separator: ", ")), or none.")
  var apps: [String] = ["tiktok"]

  @Option(help: "TikTok's versionName; its obfuscated resource ids change with it.")
  var tiktokVersion: String = TikTok.defaultVersion

  @Option(help: "TikTok accounts logged in on every phone, comma-separated (default: one named after the phone).")
  var tiktokAccounts: String?

  @Option(help: "How long a TikTok upload takes, in seconds.")
  var tiktokUploadSeconds: Double = 4

  @Option(help: "How long each `uiautomator dump` takes, in milliseconds.")
  var dumpLatencyMs: Int = 300

  @Option(help: "The share of `uiautomator dump` calls that fail, from 0 to 1 (\"could not get idle state\", …).")
  var dumpFailureRate: Double = 0.02

  @Option(help: "The probability that an app shows a pop-up (update prompt, permission request, …) at a screen change.")
  var popupChance: Double = 0.05

  @Option(help: "Seed of the failed dumps and pop-ups (each phone also mixes in its serial).")
  var seed: UInt64 = 1

  func validate() throws {
    guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    guard count >= 1, port + count - 1 <= 65535 else {
      throw ValidationError("--count must be at least 1 and the last port at most 65535")
    }
    guard (4096...(1024 * 1024)).contains(maxPayload) else {
      throw ValidationError("--max-payload must be between 4096 and 1048576")
    }
    guard latencyMs >= 0 else { throw ValidationError("--latency-ms cannot be negative") }
    for property in properties where Self.keyValue(property) == nil {
      throw ValidationError("--prop takes KEY=VALUE, got \(property.debugDescription)")
    }
    for property in phoneProperties {
      guard let (index, _, _) = Self.indexedKeyValue(property), (1...count).contains(index) else {
        throw ValidationError(
          "--phone-prop takes N:KEY=VALUE with N from 1 to \(count), got \(property.debugDescription)")
      }
    }
    guard authKeys != nil || !acceptNewKeys else { throw ValidationError("--accept-new-keys needs --auth-keys") }
    guard dumpLatencyMs >= 0 else { throw ValidationError("--dump-latency-ms cannot be negative") }
    guard (0...1).contains(dumpFailureRate) else {
      throw ValidationError("--dump-failure-rate must be between 0 and 1")
    }
    guard (0...1).contains(popupChance) else { throw ValidationError("--popup-chance must be between 0 and 1") }
    guard !tiktokVersion.isEmpty, tiktokVersion.allSatisfy({ $0.isNumber || $0 == "." }) else {
      throw ValidationError("--tiktok-version takes a version like 37.5.4, got \(tiktokVersion.debugDescription)")
    }
    for account in tiktokAccountList where !TikTokWorld.isValidHandle(account) {
      throw ValidationError(
        "--tiktok-accounts takes handles (letters, digits, . and _), got \(account.debugDescription)")
    }
    guard tiktokUploadSeconds >= 0 else { throw ValidationError("--tiktok-upload-seconds cannot be negative") }
    for app in apps where app != "none" && !Self.appNames.contains(app) {
      throw ValidationError("--app takes \(Self.appNames.joined(separator: ", ")) or none, got \(app.debugDescription)")
    }
  }

  /// The app models `--app` can name.
  static let appNames = ["tiktok", "testapp"]

  /// The handles `--tiktok-accounts` names.
  var tiktokAccountList: [String] {
    (tiktokAccounts ?? "").split(separator: ",").map {
      TikTokWorld.normalized(String($0).trimmingCharacters(in: .whitespaces))
    }
  }

  /// The models `--app` asks for.
  func appModels() -> [AppModel] {
    apps.compactMap { name in
      switch name {
      case "testapp": TestApp.model(popupChance: popupChance, seed: seed)
      case "tiktok":
        .tiktok(
          version: tiktokVersion, accounts: tiktokAccountList, popupChance: popupChance, seed: seed,
          uploadDuration: .milliseconds(Int64((tiktokUploadSeconds * 1000).rounded())))
      default: nil
      }
    }
  }

  func run() async throws {
    let authentication: PhoneAuthentication
    if let authKeys {
      do {
        authentication = try PhoneAuthentication.required(keysFile: authKeys, acceptNewKeys: acceptNewKeys)
      } catch {
        throw ValidationError("cannot use --auth-keys \(authKeys): \(error)")
      }
    } else {
      authentication = .disabled
    }
    var shared: [String: String] = [:]
    for (key, value) in properties.compactMap(Self.keyValue) { shared[key] = value }
    let behaviour = VirtualPhoneServer.Behaviour(
      authentication: authentication, maxPayload: maxPayload, latency: .milliseconds(latencyMs),
      vanishAfterBytes: vanishAfterBytes)
    let phones = (1...count).map { index in
      var extra = shared
      for (phone, key, value) in phoneProperties.compactMap(Self.indexedKeyValue) where phone == index {
        extra[key] = value
      }
      return VirtualPhone(
        configuration: .init(
          serial: count == 1 ? serial : "\(serial)-\(index)", model: model, product: product, device: device,
          extraProperties: extra,
          uiautomatorDump: .init(
            latency: .milliseconds(dumpLatencyMs), failureRate: dumpFailureRate, seed: seed),
          apps: appModels()))
    }
    let server = try await VirtualPhoneServer.start(phones: phones, host: host, firstPort: port, behaviour: behaviour)
    // Written straight to stdout, unbuffered: scripts read these lines to know the phones are up,
    // and a pipe would otherwise hold them until exit.
    let lines = zip(phones, server.addresses).map { "virtual-phone \($0.configuration.serial) listening on \($1)\n" }
    FileHandle.standardOutput.write(Data(lines.joined().utf8))
    try await server.waitUntilStopped()
  }

  /// Splits `KEY=VALUE`; nil when there is no `=` or the key is empty.
  static func keyValue(_ text: String) -> (String, String)? {
    let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty else { return nil }
    return (String(parts[0]), String(parts[1]))
  }

  /// Splits `N:KEY=VALUE`.
  static func indexedKeyValue(_ text: String) -> (Int, String, String)? {
    guard let colon = text.firstIndex(of: ":"), let index = Int(text[..<colon]),
      let (key, value) = keyValue(String(text[text.index(after: colon)...]))
    else { return nil }
    return (index, key, value)
  }
}
