import NIOCore
import Testing

@testable import ADBWire

@Suite struct ConnectionBannerTests {
  /// What adbd of an Android 14 emulator sends (ADB-PROTOCOL.md §2, "CNXN banners").
  static let emulatorBanner =
    "device::ro.product.name=sdk_gphone64_x86_64;ro.product.model=sdk_gphone64_x86_64;"
    + "ro.product.device=emu64x;features=sendrecv_v2_brotli,remount_shell,sendrecv_v2,abb_exec,"
    + "fixed_push_mkdir,fixed_push_symlink_timestamp,abb,shell_v2,cmd,ls_v2,apex,stat_v2,"
    + "sendrecv_v2_lz4,sendrecv_v2_zstd,sendrecv_v2_dry_run_send,openscreen_mdns,delayed_ack"

  /// What the AOSP host sends.
  static let hostBanner =
    "host::features=shell_v2,cmd,stat_v2,ls_v2,fixed_push_mkdir,apex,abb,fixed_push_symlink_timestamp,"
    + "abb_exec,remount_shell,track_app,sendrecv_v2,sendrecv_v2_brotli,sendrecv_v2_lz4,sendrecv_v2_zstd,"
    + "sendrecv_v2_dry_run_send,openscreen_mdns"

  @Test func parsesRealDeviceBanner() throws {
    let banner = try ConnectionBanner(parsing: ByteBuffer(string: Self.emulatorBanner))
    #expect(banner.systemType == "device")
    #expect(banner.serial == "")
    #expect(
      banner.properties == [
        ConnectionBanner.PropertyKey.productName: "sdk_gphone64_x86_64",
        ConnectionBanner.PropertyKey.productModel: "sdk_gphone64_x86_64",
        ConnectionBanner.PropertyKey.productDevice: "emu64x",
      ])
    #expect(banner.features.count == 17)
    #expect(banner.features.first == "sendrecv_v2_brotli" && banner.features.last == "delayed_ack")
    #expect(banner.supports(ADBFeature.shellV2) && banner.supports(ADBFeature.delayedAck))
    #expect(!banner.supports("track_app"))
  }

  @Test func parsesAOSPHostBanner() throws {
    let banner = try ConnectionBanner(parsing: Self.hostBanner)
    #expect(banner.systemType == "host" && banner.serial == "" && banner.properties.isEmpty)
    #expect(banner.features.count == 17)
    for feature in [
      ADBFeature.shellV2, ADBFeature.cmd, ADBFeature.statV2, ADBFeature.listV2,
      ADBFeature.fixedPushMkdir, ADBFeature.sendReceiveV2, ADBFeature.abbExec, ADBFeature.fixedPushSymlinkTimestamp,
    ] {
      #expect(banner.supports(feature), "\(feature)")
    }
    // The host lists delayed_ack only with ADB_BURST_MODE=1.
    #expect(!banner.supports(ADBFeature.delayedAck))
  }

  // Android 4–6 devices list properties ending with ';' and no features.
  @Test func parsesOldBannerEndingInSemicolonWithoutFeatures() throws {
    let banner = try ConnectionBanner(
      parsing: "device::ro.product.name=occam;ro.product.model=Nexus 4;ro.product.device=mako;")
    #expect(banner.properties["ro.product.model"] == "Nexus 4")
    #expect(banner.properties.count == 3)
    #expect(banner.features.isEmpty)
  }

  @Test func parsesFeatureListFollowedBySemicolon() throws {
    let banner = try ConnectionBanner(parsing: "device::ro.product.name=a;features=shell_v2,cmd;")
    #expect(banner.features == ["shell_v2", "cmd"])
    #expect(banner.properties == ["ro.product.name": "a"])
  }

  @Test(arguments: ["device::", "device:", "device", "recovery::", "sideload::", "bootloader::", "rescue::"])
  func parsesBannerWithNothingAfterTheType(text: String) throws {
    let banner = try ConnectionBanner(parsing: text)
    #expect(banner.systemType == String(text.prefix { $0 != ":" }))
    #expect(banner.properties.isEmpty && banner.features.isEmpty && banner.serial.isEmpty)
  }

  @Test func keepsSerialAndColonsInsideProperties() throws {
    let banner = try ConnectionBanner(parsing: "device:0123456789ABCDEF:ro.x=a:b=c;flag")
    #expect(banner.serial == "0123456789ABCDEF")
    #expect(banner.properties == ["ro.x": "a:b=c", "flag": ""])
  }

  @Test func ignoresTrailingNULInPayload() throws {
    let withNUL = try ConnectionBanner(parsing: ByteBuffer(string: Self.hostBanner + "\0"))
    #expect(withNUL == (try ConnectionBanner(parsing: Self.hostBanner)))
    #expect(try ConnectionBanner(parsing: ByteBuffer(string: "host::\0")) == ConnectionBanner(systemType: "host"))
  }

  @Test(arguments: [emulatorBanner, hostBanner, "device::", "device:serial:ro.product.name=x"])
  func descriptionReproducesAOSPOrder(text: String) throws {
    let banner = try ConnectionBanner(parsing: text)
    #expect(banner.description == text)
    #expect(try ConnectionBanner(parsing: banner.description) == banner)
  }

  @Test func descriptionRoundTripsAnyBanner() throws {
    let banner = ConnectionBanner(
      systemType: "device", serial: "emulator-5554",
      properties: ["zeta": "1", "ro.product.device": "d", "alpha": "", "ro.product.name": "n"],
      features: ["b", "a"])
    #expect(
      banner.description == "device:emulator-5554:ro.product.name=n;ro.product.device=d;alpha=;zeta=1;features=b,a")
    #expect(try ConnectionBanner(parsing: banner.description) == banner)
  }

  // MARK: - Malformed

  @Test(arguments: ["", ":", "::features=shell_v2", "device::ro.product.name=a\nb", "device::\u{7f}", "device\t::"])
  func rejectsMalformedText(text: String) {
    expectWireError(.malformedBanner) { () throws(ADBWireError) in try ConnectionBanner(parsing: text) }
  }

  @Test(arguments: [
    [UInt8]([0x64, 0x65, 0x76, 0xff, 0x3a, 0x3a]),  // "dev", an invalid UTF-8 byte, "::"
    [0x68, 0x6f, 0x73, 0x74, 0x3a, 0x3a, 0xc3],  // "host::" and a truncated 2-byte sequence
    [0x68, 0x6f, 0x73, 0x74, 0x00, 0x3a, 0x3a],  // NUL inside the text, not trailing
    [0x00],  // only a NUL: nothing left
  ])
  func rejectsMalformedPayload(bytes: [UInt8]) {
    expectWireError(.malformedBanner) { () throws(ADBWireError) in
      try ConnectionBanner(parsing: ByteBuffer(bytes: bytes))
    }
  }
}
