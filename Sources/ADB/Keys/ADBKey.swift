import ADBWire
import BigInt
import Crypto
import Foundation
import _CryptoExtras

/// An RSA key pair as Google's adb keeps it: `~/.android/adbkey` (PEM private key, PKCS#8 or
/// PKCS#1) and `adbkey.pub` (Android's public-key format, base64 + ` user@host`).
///
/// ```swift
/// let key = try ADBKey.generate()
/// try key.write(to: "/home/me/.android/adbkey")          // and adbkey.pub beside it
/// let signature = try key.sign(token: tokenFromDevice)   // AUTH(SIGNATURE)
/// ```
public struct ADBKey: Sendable {
  /// adbd accepts only 2048-bit moduli (`ADB-PROTOCOL.md` §2, "Signing").
  public static let modulusBits = 2048

  private let signingKey: _RSA.Signing.PrivateKey
  private let pem: String

  /// Reads a PEM private key (`BEGIN PRIVATE KEY` or `BEGIN RSA PRIVATE KEY`).
  /// - Throws: ``ADBError/Code/localFileError`` when the text is not a 2048-bit RSA key.
  public init(pemRepresentation pem: String) throws(ADBError) {
    do {
      signingKey = try _RSA.Signing.PrivateKey(pemRepresentation: pem)
    } catch {
      throw ADBError(.localFileError, "not an RSA private key in PEM form", underlying: error)
    }
    guard signingKey.keySizeInBits == Self.modulusBits else {
      throw ADBError(
        .localFileError, "adbd accepts only 2048-bit keys; this one has \(signingKey.keySizeInBits) bits")
    }
    self.pem = pem
  }

  /// Reads the private key in `path`.
  /// - Throws: ``ADBError/Code/localFileError`` naming the file.
  public init(contentsOf path: String) throws(ADBError) {
    let text: String
    do {
      text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw ADBError(.localFileError, "cannot read \(path)", underlying: error)
    }
    do {
      try self.init(pemRepresentation: text)
    } catch {
      throw ADBError(.localFileError, "\(path): \(error.message)", underlying: error.underlying.map { Failure($0) })
    }
  }

  /// A new 2048-bit key with exponent 65537.
  public static func generate() throws(ADBError) -> ADBKey {
    do {
      let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
      return try ADBKey(pemRepresentation: key.pkcs8PEMRepresentation)
    } catch {
      throw ADBError(.localFileError, "cannot generate an RSA key", underlying: error)
    }
  }

  /// The private key as PKCS#8 PEM, as current adb writes `adbkey`.
  public var pkcs8PEMRepresentation: String { signingKey.pkcs8PEMRepresentation }

  /// The public key in Android's format, with `comment` (adb uses `user@host`).
  public func publicKey(comment: String = ADBKey.defaultComment) throws(ADBError) -> AndroidPublicKey {
    let primitives: _RSA.Signing.PublicKey.Primitives
    do {
      primitives = try signingKey.publicKey.getKeyPrimitives()
    } catch {
      throw ADBError(.localFileError, "cannot read the public key", underlying: error)
    }
    let modulus = BigUInt(primitives.modulus)
    let exponent = BigUInt(primitives.publicExponent)
    // n0inv = -1 / n mod 2^32 and rr = (2^2048)^2 mod n, as mincrypt's RSAPublicKey stores them
    // (`android_pubkey.cpp` `android_pubkey_encode`).
    let word = modulus & BigUInt(0xFFFF_FFFF)
    guard let inverse = word.inverse(BigUInt(1) << 32) else {
      throw ADBError(.localFileError, "the modulus is even, not an RSA modulus")
    }
    let n0inv = UInt32((BigUInt(1) << 32) - inverse)
    let rr = (BigUInt(1) << (2 * Self.modulusBits)) % modulus
    return AndroidPublicKey(
      modulus: Self.bytes(modulus, count: AndroidPublicKey.modulusByteCount),
      exponent: UInt32(exponent), n0inv: n0inv, rr: Self.bytes(rr, count: AndroidPublicKey.modulusByteCount),
      comment: comment)
  }

  /// Signs an AUTH token as adbd expects: PKCS#1 v1.5 with the SHA-1 DigestInfo over the raw
  /// 20-byte token (AOSP `RSA_sign(NID_sha1, token, 20, …)`).
  ///
  /// swift-crypto offers no call that signs a digest it did not compute, so the PKCS#1 block is
  /// built by hand and raised to the private exponent with the raw RSA operation that
  /// `_RSA.BlindSigning` exposes (`ARCHITECTURE.md`, "Dependencies").
  /// - Throws: ``ADBError/Code/protocolError`` when the token is not 20 bytes.
  public func sign(token: [UInt8]) throws(ADBError) -> [UInt8] {
    guard token.count == AuthType.tokenLength else {
      throw ADBError(.protocolError, "an AUTH token has 20 bytes, this one \(token.count)")
    }
    do {
      let raw = try _RSA.BlindSigning.PrivateKey<SHA384>(pemRepresentation: pem)
      let signature = try raw.blindSignature(for: AuthSignature.encodedMessage(token: token))
      return Array(signature.rawRepresentation)
    } catch {
      throw ADBError(.localFileError, "cannot sign with this key", underlying: error)
    }
  }

  /// Writes the private key to `path` (mode 0600) and the public key to `path.pub`, as
  /// `adb keygen` does (the `.pub` line has no trailing newline).
  /// - Throws: ``ADBError/Code/localFileError`` naming the file.
  public func write(to path: String, comment: String = ADBKey.defaultComment) throws(ADBError) {
    let line = try publicKey(comment: comment).line
    do {
      try Self.writeFile(path, contents: Data(pkcs8PEMRepresentation.utf8), permissions: 0o600)
      try Self.writeFile(path + ".pub", contents: Data(line.utf8), permissions: 0o644)
    } catch {
      throw ADBError(.localFileError, "cannot write \(path)", underlying: error)
    }
  }

  /// `user@host` exactly as adb 29 appends it to public keys (AOSP `client/auth.cpp`
  /// `get_user_info`): the host from `$HOSTNAME`, else `gethostname`; the user from `$LOGNAME`,
  /// else `getlogin()`. When no user is found AOSP sets the *host* to "unknown" and leaves the
  /// user empty (giving `@unknown`); that quirk is kept so keys match adb's byte for byte.
  public static var defaultComment: String {
    let environment = ProcessInfo.processInfo.environment
    var host = environment["HOSTNAME"] ?? ""
    if host.isEmpty {
      var name = [CChar](repeating: 0, count: 64)
      if gethostname(&name, name.count) != -1 {
        host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      }
    }
    if host.isEmpty { host = "unknown" }
    var user = environment["LOGNAME"] ?? ""
    if user.isEmpty, let login = getlogin() {
      user = String(
        decoding: UnsafeBufferPointer(start: login, count: strlen(login)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    if user.isEmpty { host = "unknown" }
    return "\(user)@\(host)"
  }

  /// Replaces `path`, created with `permissions` from the start: a private key is never
  /// readable by others, not even for a moment.
  private static func writeFile(_ path: String, contents: Data, permissions: Int) throws {
    try? FileManager.default.removeItem(atPath: path)
    guard FileManager.default.createFile(atPath: path, contents: contents, attributes: [.posixPermissions: permissions])
    else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
  }

  private static func bytes(_ value: BigUInt, count: Int) -> [UInt8] {
    let raw = [UInt8](value.serialize())
    return [UInt8](repeating: 0, count: max(0, count - raw.count)) + raw
  }
}

/// An error carried as text, to keep an ``ADBError``'s `underlying` when rewrapping it.
private struct Failure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
