/// The message adbd expects to be signed in AUTH: a PKCS#1 v1.5 block with the SHA-1
/// DigestInfo prefix, over the 20-byte token used as the digest as-is — not hashed again (AOSP
/// `adb_auth_sign` calls `RSA_sign(NID_sha1, token, 20, …)`).
///
/// A signer raises this block to the private exponent; a verifier raises the signature to the
/// public exponent and compares with it.
public enum AuthSignature {
  /// DER of `DigestInfo { AlgorithmIdentifier sha1, NULL }` followed by the OCTET STRING tag
  /// of a 20-byte digest (RFC 8017 §9.2, note 1).
  public static let sha1DigestInfoPrefix: [UInt8] = [
    0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14,
  ]

  /// The encoded message `00 01 FF…FF 00 ‖ DigestInfo ‖ token` of `modulusByteCount` bytes.
  /// - Precondition: `token` is 20 bytes and the modulus at least 62 bytes (RFC 8017 §9.2).
  public static func encodedMessage(token: [UInt8], modulusByteCount: Int = AndroidPublicKey.modulusByteCount)
    -> [UInt8]
  {
    precondition(token.count == AuthType.tokenLength, "an AUTH token is 20 bytes")
    let digestInfoLength = sha1DigestInfoPrefix.count + token.count
    precondition(modulusByteCount >= digestInfoLength + 11, "modulus too small for PKCS#1 v1.5")
    let padding = modulusByteCount - digestInfoLength - 3
    return [0x00, 0x01] + [UInt8](repeating: 0xFF, count: padding) + [0x00] + sha1DigestInfoPrefix + token
  }
}
