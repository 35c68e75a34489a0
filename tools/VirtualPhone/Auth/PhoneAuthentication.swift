import ADBWire
import Foundation
import Synchronization

/// How a virtual phone treats AUTH, like adbd with `ro.adb.secure`.
///
/// Disabled (the default) answers the host's CNXN at once. Required sends a token, accepts only
/// signatures that verify with a trusted key, and answers a public key the host offers by staying
/// unauthorized — or, with `acceptNewKeys`, by trusting it, as a user tapping "Allow" would.
public final class PhoneAuthentication: Sendable {
  /// Whether AUTH is required at all.
  public let isRequired: Bool
  /// Whether an offered public key is trusted without asking.
  public let acceptsNewKeys: Bool
  private let trusted: Mutex<[AndroidPublicKey]>

  private init(isRequired: Bool, acceptsNewKeys: Bool, keys: [AndroidPublicKey]) {
    self.isRequired = isRequired
    self.acceptsNewKeys = acceptsNewKeys
    self.trusted = Mutex(keys)
  }

  /// No authentication: the phone behaves like a debug build (`ro.adb.secure=0`).
  public static var disabled: PhoneAuthentication {
    PhoneAuthentication(isRequired: false, acceptsNewKeys: false, keys: [])
  }

  /// Authentication with the keys given.
  public static func required(keys: [AndroidPublicKey], acceptNewKeys: Bool = false) -> PhoneAuthentication {
    PhoneAuthentication(isRequired: true, acceptsNewKeys: acceptNewKeys, keys: keys)
  }

  /// Authentication with the keys of an `adb_keys` file (one public key per line; blank lines
  /// and lines starting with `#` are skipped).
  /// - Throws: the file's read error, or ``ADBWireError`` naming the line that is not a key.
  public static func required(keysFile path: String, acceptNewKeys: Bool = false) throws -> PhoneAuthentication {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var keys: [AndroidPublicKey] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      do {
        keys.append(try AndroidPublicKey(parsing: trimmed))
      } catch {
        throw ADBWireError(.protocolViolation, "line \(number + 1) of \(path): \(error.context)")
      }
    }
    return .required(keys: keys, acceptNewKeys: acceptNewKeys)
  }

  /// The keys trusted now.
  public var trustedKeys: [AndroidPublicKey] { trusted.withLock { $0 } }

  /// Whether `signature` is `token` signed, as adb signs AUTH tokens, by a trusted key: what the
  /// phone checks for AUTH(SIGNATURE), exposed for tests of signers.
  public func acceptsSignature(_ signature: [UInt8], for token: [UInt8]) -> Bool {
    verifies(signature: signature, token: token)
  }

  /// Whether `signature` is `token` signed by a trusted key.
  func verifies(signature: [UInt8], token: [UInt8]) -> Bool {
    let expected = AuthSignature.encodedMessage(token: token)
    return trustedKeys.contains { RSAVerifier.recover(signature: signature, with: $0) == expected }
  }

  /// Handles a public key the host offers; returns whether it is now trusted.
  func offered(_ key: AndroidPublicKey) -> Bool {
    guard acceptsNewKeys else { return false }
    trusted.withLock { keys in
      if !keys.contains(where: { $0.modulus == key.modulus }) { keys.append(key) }
    }
    return true
  }
}
