// swift-tools-version:6.1
import PackageDescription

/// Settings every target shares: Swift 6 language mode (complete concurrency checking) plus
/// the upcoming features the house style adopts (see ../shared/docs/STYLE.md, Hummingbird 2).
let strictSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
  name: "DroidMatrix",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "ADBWire", targets: ["ADBWire"]),
    .library(name: "ADB", targets: ["ADB"]),
    .library(name: "DeviceControl", targets: ["DeviceControl"]),
    .library(name: "TikTok", targets: ["TikTok"]),
    .library(name: "TaskEngine", targets: ["TaskEngine"]),
    .library(name: "LocalAPI", targets: ["LocalAPI"]),
    .library(name: "VirtualPhone", targets: ["VirtualPhone"]),
    .executable(name: "virtual-phone", targets: ["virtual-phone"]),
    .executable(name: "droidmatrix", targets: ["droidmatrix"]),
    .executable(name: "droidmatrix-bench", targets: ["droidmatrix-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/attaswift/BigInt.git", from: "6.0.1"),
    .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
  ],
  targets: [
    // Pure codecs and state machines of the ADB protocols: no sockets, no threads.
    .target(
      name: "ADBWire",
      dependencies: [.product(name: "NIOCore", package: "swift-nio")],
      swiftSettings: strictSettings
    ),
    // Transports and clients: the adb server's smart-socket protocol, one device interface.
    .target(
      name: "ADB",
      dependencies: [
        "ADBWire",
        "ChildProcess",
        "CLibUSB",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "_CryptoExtras", package: "swift-crypto"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "BigInt", package: "BigInt"),
      ],
      swiftSettings: strictSettings
    ),
    // UI automation over plain ADB: hierarchy dumps, selectors, actions, waits, watchers.
    .target(
      name: "DeviceControl",
      dependencies: [
        "ADB",
        "ADBWire",
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      swiftSettings: strictSettings
    ),
    // Tasks in SQLite, fan-out, per-device scheduling, recovery, the device registry: no TikTok, no HTTP.
    .target(
      name: "TaskEngine",
      dependencies: ["ADB", .product(name: "GRDB", package: "GRDB.swift")],
      swiftSettings: strictSettings
    ),
    // The TikMatrix-compatible REST facade over the task engine (Hummingbird 2): HTTP concerns only.
    .target(
      name: "LocalAPI",
      dependencies: [
        "TaskEngine",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strictSettings
    ),
    // The TikTok scripts as flows over DeviceControl: screen detection, typed configs, flows.
    .target(
      name: "TikTok",
      dependencies: ["DeviceControl", "ADB", "TaskEngine"],
      swiftSettings: strictSettings
    ),
    // libusb-1.0, for the native USB transport (Debian libusb-1.0-0-dev; installed by tools/setup).
    .systemLibrary(
      name: "CLibUSB",
      pkgConfig: "libusb-1.0",
      providers: [.apt(["libusb-1.0-0-dev"])]
    ),
    // Runs helper programs (adb, python3) to completion without being held up by daemons.
    .target(
      name: "ChildProcess",
      swiftSettings: strictSettings
    ),
    // The simulated phone: an adbd-compatible device with a file system, a shell and screens.
    .target(
      name: "VirtualPhone",
      dependencies: [
        "ADBWire",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "BigInt", package: "BigInt"),
      ],
      path: "tools/VirtualPhone",
      swiftSettings: strictSettings
    ),
    .executableTarget(
      name: "virtual-phone",
      dependencies: [
        "VirtualPhone",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      path: "tools/virtual-phone",
      swiftSettings: strictSettings
    ),
    // The command line: device commands now, `serve` later.
    .executableTarget(
      name: "droidmatrix",
      dependencies: [
        "ADB",
        "ADBWire",
        "DeviceControl",
        "TikTok",
        "TaskEngine",
        "LocalAPI",
        "VirtualPhone",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strictSettings
    ),
    // The hardware test bench: measures real phones on a rack, or virtual ones.
    .executableTarget(
      name: "droidmatrix-bench",
      dependencies: [
        "ADB",
        "DeviceControl",
        "VirtualPhone",
        "ChildProcess",
        "TaskEngine",
        "LocalAPI",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      path: "hardware/droidmatrix-bench",
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "ADBWireTests",
      dependencies: [
        "ADBWire",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOTestUtils", package: "swift-nio"),
      ],
      swiftSettings: strictSettings
    ),
    .testTarget(
      name: "VirtualPhoneTests",
      dependencies: [
        "VirtualPhone",
        "ADBWire",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOEmbedded", package: "swift-nio"),
        .product(name: "BigInt", package: "BigInt"),
      ],
      swiftSettings: strictSettings
    ),
    // What the interop tests share: private adb servers, served phones, independent decoders.
    .target(
      name: "InteropSupport",
      dependencies: ["VirtualPhone", "ChildProcess"],
      path: "Tests/InteropSupport",
      swiftSettings: strictSettings
    ),
    // Google's adb (Debian package `adb`) against the virtual phone.
    .testTarget(
      name: "InteropTests",
      dependencies: ["VirtualPhone", "ADBWire", "ChildProcess", "InteropSupport"],
      swiftSettings: strictSettings
    ),
    // The command line's argument parsing, without running anything.
    .testTarget(
      name: "DroidMatrixCLITests",
      dependencies: ["droidmatrix", "ADB", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: strictSettings
    ),
    // The ADB library against a real adb server and virtual phones.
    .testTarget(
      name: "ADBTests",
      dependencies: ["ADB", "ADBWire", "VirtualPhone", "ChildProcess", "InteropSupport"],
      swiftSettings: strictSettings
    ),
    // UI automation: parser, selectors and fuzzing; the device layer against virtual phones.
    .testTarget(
      name: "DeviceControlTests",
      dependencies: ["DeviceControl", "ADB", "VirtualPhone", "ChildProcess", "InteropSupport"],
      swiftSettings: strictSettings
    ),
    // The task engine against an in-memory database, test scripts and virtual phones.
    .testTarget(
      name: "TaskEngineTests",
      dependencies: ["TaskEngine", "ADB", "VirtualPhone", "InteropSupport"],
      swiftSettings: strictSettings
    ),
    // The REST API in-process (HummingbirdTesting) and over real HTTP on loopback.
    .testTarget(
      name: "LocalAPITests",
      dependencies: [
        "LocalAPI",
        "TaskEngine",
        "ADB",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ],
      swiftSettings: strictSettings
    ),
    // TikTok: screen detection on real dumps, configs, and every flow against the virtual phone's model.
    .testTarget(
      name: "TikTokTests",
      dependencies: ["TikTok", "DeviceControl", "ADB", "TaskEngine", "VirtualPhone", "ChildProcess", "InteropSupport"],
      swiftSettings: strictSettings
    ),
    // Across the stack: `droidmatrix serve` with virtual phones, over real HTTP.
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["TaskEngine", "ChildProcess", "InteropSupport"],
      swiftSettings: strictSettings
    ),
  ]
)
