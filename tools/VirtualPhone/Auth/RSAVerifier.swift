import ADBWire
import BigInt
import Foundation

/// The RSA public-key operation, `s^e mod n`, as adbd runs it to check an AUTH signature.
enum RSAVerifier {
  /// Raises `signature` (big-endian) to the key's exponent modulo its modulus and returns the
  /// result as big-endian bytes of the modulus's length; nil when the signature has the wrong
  /// length or is not below the modulus (RFC 8017 §5.2.2).
  static func recover(signature: [UInt8], with key: AndroidPublicKey) -> [UInt8]? {
    guard signature.count == key.modulus.count else { return nil }
    let modulus = BigUInt(Data(key.modulus))
    let value = BigUInt(Data(signature))
    guard value < modulus else { return nil }
    let recovered = value.power(BigUInt(key.exponent), modulus: modulus).serialize()
    guard recovered.count <= key.modulus.count else { return nil }
    return [UInt8](repeating: 0, count: key.modulus.count - recovered.count) + recovered
  }
}
