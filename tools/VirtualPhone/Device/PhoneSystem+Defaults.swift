extension PhoneSystem {
  /// The Pixel launcher, resumed after boot and after HOME.
  public static let launcherActivity = ComponentName(
    package: "com.google.android.apps.nexuslauncher", className: ".NexusLauncherActivity")
  /// The AOSP keyboard, the default input method.
  public static let defaultInputMethod = "com.android.inputmethod.latin/.LatinIME"

  /// Properties an Android 13 phone reports (`getprop`), with the configuration's identity.
  static func defaultProperties(for configuration: VirtualPhone.Configuration) -> [String: String] {
    [
      "ro.product.model": configuration.model,
      "ro.product.name": configuration.product,
      "ro.product.device": configuration.device,
      "ro.product.brand": "google",
      "ro.product.manufacturer": "Google",
      "ro.product.board": configuration.device,
      "ro.product.cpu.abi": "arm64-v8a",
      "ro.product.cpu.abilist": "arm64-v8a,armeabi-v7a,armeabi",
      "ro.product.locale": "en-US",
      "ro.serialno": configuration.serial,
      "ro.boot.serialno": configuration.serial,
      "ro.build.version.sdk": "33",
      "ro.build.version.release": "13",
      "ro.build.version.release_or_codename": "13",
      "ro.build.version.security_patch": "2023-10-05",
      "ro.build.version.incremental": "10754064",
      "ro.build.id": "TQ3A.230901.001",
      "ro.build.display.id": "TQ3A.230901.001",
      "ro.build.type": "user",
      "ro.build.tags": "release-keys",
      "ro.build.fingerprint":
        "google/\(configuration.product)/\(configuration.device):13/TQ3A.230901.001/10754064:user/release-keys",
      "ro.build.characteristics": "nosdcard",
      "ro.hardware": configuration.device,
      "ro.secure": "1",
      "ro.debuggable": "0",
      "ro.adb.secure": "1",
      "ro.sf.lcd_density": String(configuration.density),
      "ro.kernel.qemu": "0",
      "persist.sys.locale": "en-US",
      "persist.sys.timezone": "UTC",
      "persist.sys.usb.config": "adb",
      "sys.boot_completed": "1",
      "dev.bootcomplete": "1",
      "init.svc.adbd": "running",
      "service.adb.tcp.port": "5555",
      "gsm.operator.alpha": "",
      "net.hostname": "Android_\(configuration.serial)",
    ]
  }

  /// Settings a freshly set-up phone has.
  static let defaultSettings: [SettingsNamespace: [String: String]] = [
    .system: [
      "screen_brightness": "102", "screen_off_timeout": "600000", "accelerometer_rotation": "0",
      "font_scale": "1.0", "haptic_feedback_enabled": "1",
    ],
    .secure: [
      "default_input_method": defaultInputMethod,
      "enabled_input_methods": defaultInputMethod,
      "android_id": "a1b2c3d4e5f60718",
      "bluetooth_name": "Virtual Phone",
      "location_mode": "3",
      "show_ime_with_hard_keyboard": "0",
    ],
    .global: [
      "adb_enabled": "1", "development_settings_enabled": "1", "airplane_mode_on": "0", "wifi_on": "1",
      "stay_on_while_plugged_in": "0", "window_animation_scale": "1.0", "transition_animation_scale": "1.0",
      "animator_duration_scale": "1.0", "device_provisioned": "1", "auto_time": "1",
    ],
  ]

  /// The apps a stock Android 13 phone ships with.
  static let stockPackages: [InstalledPackage] = [
    InstalledPackage(name: "android", label: "Android System", isSystem: true, launchActivity: nil),
    InstalledPackage(name: "com.android.systemui", label: "System UI", isSystem: true, launchActivity: nil),
    InstalledPackage(name: "com.android.shell", label: "Shell", isSystem: true, launchActivity: nil),
    InstalledPackage(
      name: "com.google.android.apps.nexuslauncher", label: "Pixel Launcher", versionName: "13",
      isSystem: true, launchActivity: ".NexusLauncherActivity"),
    InstalledPackage(
      name: "com.android.settings", label: "Settings", versionName: "13", isSystem: true,
      launchActivity: ".Settings", otherActivities: [".SubSettings", ".wifi.WifiSettings"]),
    InstalledPackage(
      name: "com.android.chrome", label: "Chrome", versionName: "119.0.6045.163", versionCode: 604516333,
      isSystem: true, launchActivity: "com.google.android.apps.chrome.Main",
      otherActivities: ["org.chromium.chrome.browser.ChromeTabbedActivity"],
      viewURLPrefixes: ["http://", "https://"]),
    InstalledPackage(
      name: "com.android.vending", label: "Play Store", versionName: "38.5.24-21", versionCode: 83852410,
      isSystem: true, launchActivity: "com.google.android.finsky.activities.MainActivity",
      viewURLPrefixes: ["market://"]),
    InstalledPackage(
      name: "com.google.android.gms", label: "Google Play services", versionName: "23.45.23", isSystem: true,
      launchActivity: nil),
    InstalledPackage(
      name: "com.google.android.youtube", label: "YouTube", versionName: "18.45.43", isSystem: true,
      launchActivity: "com.google.android.apps.youtube.app.watchwhile.WatchWhileActivity",
      viewURLPrefixes: ["https://www.youtube.com/", "vnd.youtube:"]),
    InstalledPackage(
      name: "com.google.android.apps.photos", label: "Photos", versionName: "6.60.0", isSystem: true,
      launchActivity: ".home.HomeActivity"),
    InstalledPackage(
      name: "com.google.android.apps.messaging", label: "Messages", versionName: "20231110", isSystem: true,
      launchActivity: ".ui.ConversationListActivity", viewURLPrefixes: ["sms:", "smsto:"]),
    InstalledPackage(
      name: "com.google.android.dialer", label: "Phone", versionName: "115.0", isSystem: true,
      launchActivity: ".extensions.GoogleDialtactsActivity", viewURLPrefixes: ["tel:"]),
    InstalledPackage(
      name: "com.google.android.GoogleCamera", label: "Camera", versionName: "9.1.098", isSystem: true,
      launchActivity: "com.android.camera.CameraLauncher"),
    InstalledPackage(
      name: "com.android.inputmethod.latin", label: "Android Keyboard (AOSP)", versionName: "13", isSystem: true,
      launchActivity: nil, inputMethods: [".LatinIME"]),
  ]

  /// The ADB keyboard IME (github.com/senzhk/ADBKeyBoard), for Unicode text over broadcasts.
  public static let adbKeyboardPackage = InstalledPackage(
    name: "com.android.adbkeyboard", label: "ADB Keyboard", versionName: "2.4-dev", versionCode: 24,
    isSystem: false, launchActivity: nil, inputMethods: [".AdbIME"])
}
