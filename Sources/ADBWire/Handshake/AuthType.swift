/// The kind of an AUTH packet, carried in its `arg0` (`adb_auth.h`).
public enum AuthType: UInt32, Hashable, Sendable {
  /// Device to host: 20 random bytes to sign.
  case token = 1
  /// Host to device: the token signed with one private key.
  case signature = 2
  /// Host to device: a public key (`<base64> user@host\0`) for the user to accept.
  case rsaPublicKey = 3

  /// Length of the random token adbd sends (`adb_auth.h` TOKEN_SIZE).
  public static let tokenLength = 20
}
