import ADB
import ADBWire
import Foundation
import InteropSupport
import Testing

@Suite struct KeyStoreTests {
  @Test func generatesTheUserKeyWhenMissingAndReadsItBack() throws {
    let home = try makeTemporaryDirectory("home")
    let environment = ["HOME": home.path]
    let created = try ADBKeyStore.userKey(environment: environment)
    let path = home.appendingPathComponent(".android/adbkey").path
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let publicLine = try String(contentsOfFile: path + ".pub", encoding: .utf8)
    #expect(!publicLine.hasSuffix("\n"))
    let again = try ADBKeyStore.userKey(environment: environment)
    #expect(try again.publicKey().blob == created.publicKey().blob)
    #expect(try AndroidPublicKey(parsing: publicLine).blob == created.publicKey().blob)
  }

  @Test func vendorKeysComeFromFilesAndFoldersInOrder() throws {
    let folder = try makeTemporaryDirectory("vendor")
    let single = folder.appendingPathComponent("single.pem").path
    try ADBKey.generate().write(to: single)
    let keysFolder = folder.appendingPathComponent("more")
    try FileManager.default.createDirectory(at: keysFolder, withIntermediateDirectories: true)
    try ADBKey.generate().write(to: keysFolder.appendingPathComponent("a.adb_key").path)
    try ADBKey.generate().write(to: keysFolder.appendingPathComponent("ignored.txt").path)
    let keys = try ADBKeyStore.vendorKeys(environment: ["ADB_VENDOR_KEYS": "\(single):\(keysFolder.path)"])
    #expect(keys.count == 2)
    #expect(try keys[0].publicKey().blob == ADBKey(contentsOf: single).publicKey().blob)
  }

  @Test func aMissingVendorKeyIsAnError() {
    #expect(throws: ADBError.self) {
      try ADBKeyStore.vendorKeys(environment: ["ADB_VENDOR_KEYS": "/nonexistent/key"])
    }
  }
}
