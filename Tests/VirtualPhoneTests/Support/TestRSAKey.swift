import ADBWire
import BigInt
import Foundation

/// A fixed 2048-bit RSA key for tests (made once with `openssl genrsa 2048`; used nowhere else),
/// with one AUTH token signed as adb would sign it.
enum TestRSAKey {
  static let modulusHex =
    "b534747deb54cf8a75d63150f56c8ce9d0742ce07cc15e2116be77f9bcea7316"
    + "0aaa89a27e4eab198b0549b88653e58292ab2ff11037a17588f5f6c759f989f0"
    + "5099a0ae7376f1d4bd5ab74cacfffb8dc456642a528e67a54d3506852b53ac1a"
    + "4d3f725d1863bd71cb432bb59ef9409a4fdae3273627dba5b488cc52fd40bce6"
    + "4ea7b23ed0e24f2a6a87f9d381f3b8ac2824f5172fc3a24fad5bef4942e3c477"
    + "1d8f1c21e8f018e938573123417ebc035b18ca9329fb61dd3784b6f03cc62d23"
    + "484551828e88165635e1a0ab5496701b98b5ccf316cf5bc5f3a4008534d9b121"
    + "70b20688a07d24422e41e68983f4cfea7162418923a0ce9f793232c63e9a9a2b"
  /// The token every test uses, and its signature, made once with Python's `pow(em, d, n)`:
  /// signing with BigInt in a debug build takes minutes.
  static let token = [UInt8](repeating: 7, count: 20)
  static let tokenSignatureHex =
    "28b9ac5a2069cdb5438ae6fb09851b408fb247fc2e4403738cabe538ff2cc5d1"
    + "55b4e678607a934438aaaa4895be0ca895c6bb05e9cda46f22add77a01de5ae1"
    + "48a2d102dc4c06c728cb158266a1a48faf32546bf870d5337b32429417c0c423"
    + "246d0bb242681e613108e265d5f9448abbf97bb9db6140ecdadafcaf7b96100e"
    + "558a4f0cb632e0825e529f9652240fea41ebcd49acace7f013be7877944ff3e9"
    + "b7c70053d27da757b8e86bb90f948400c246e50fb9c677e4dbd8562d0be11a71"
    + "3c1449cb49b0f9a7e772cebe4845296ae0cf3ea68a84748d6f530875d3acc4a7"
    + "c845a49f28cf5e0a4a439f9579a44bdd246559aafd6ad8c72684c91e5c6e5c99"

  static let modulus = BigUInt(modulusHex, radix: 16)!

  /// The key in Android's public-key format (n0inv and R² mod n computed here).
  static var publicKey: AndroidPublicKey {
    let modulusBytes = bytes(modulus, count: 256)
    let word = modulus & BigUInt(0xFFFF_FFFF)
    let inverse = word.inverse(BigUInt(1) << 32)!
    let n0inv = UInt32((BigUInt(1) << 32) - inverse)
    let rr = (BigUInt(1) << 4096) % modulus
    return AndroidPublicKey(
      modulus: modulusBytes, exponent: 65537, n0inv: n0inv, rr: bytes(rr, count: 256), comment: "test@droidmatrix")
  }

  /// The signature of ``token``: PKCS#1 v1.5 with the SHA-1 DigestInfo over the raw token.
  static var tokenSignature: [UInt8] { bytes(BigUInt(tokenSignatureHex, radix: 16)!, count: 256) }

  static func bytes(_ value: BigUInt, count: Int) -> [UInt8] {
    let raw = [UInt8](value.serialize())
    return [UInt8](repeating: 0, count: count - raw.count) + raw
  }
}
