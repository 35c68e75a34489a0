import CLibUSB
import NIOPosix
import Synchronization

/// A change on the USB buses, as ``USBHost/track(pollInterval:)`` reports it.
public enum USBDeviceEvent: Hashable, Sendable {
  /// A phone with an ADB interface appeared (or was there when tracking started).
  case attached(USBDeviceInfo)
  /// A phone reported earlier went away.
  case detached(USBDeviceInfo)
}

extension USBHost {
  /// Phones with an ADB interface as they come and go: first an `attached` event for each phone
  /// present, then one event per change, until the consuming task stops iterating.
  ///
  /// libusb hotplug callbacks (`LIBUSB_CAP_HAS_HOTPLUG`: udev on Linux) trigger a new scan;
  /// without them the buses are scanned every `pollInterval`. Either way the events come from
  /// comparing scans, so a phone replugged between two scans is reported as detached and
  /// attached again. A new phone this user may not open yet is held back for up to 1 s while
  /// udev fixes the permissions of its device node (AOSP waits as long), then reported with
  /// its ``USBDeviceInfo/problem``.
  ///
  /// ```swift
  /// for await event in USBHost.track() {
  ///   if case .attached(let phone) = event { print("plugged in:", phone.serial) }
  /// }
  /// ```
  /// - Parameter pollInterval: how often to scan without hotplug support.
  public static func track(pollInterval: Duration = .seconds(1)) -> AsyncStream<USBDeviceEvent> {
    track(pollInterval: pollInterval, usesHotplug: USBContext.hasHotplug)
  }

  /// ``track(pollInterval:)`` with the hotplug choice made by the caller (tests poll on purpose).
  static func track(pollInterval: Duration, usesHotplug: Bool) -> AsyncStream<USBDeviceEvent> {
    let (events, continuation) = AsyncStream.makeStream(of: USBDeviceEvent.self)
    let (ticks, tick) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    let hotplug =
      usesHotplug ? (try? USBContext.shared()).flatMap { HotplugRegistration(context: $0, tick: tick) } : nil
    let producer = Task {
      var tracker = DeviceTracker()
      await tracker.scan(deliver: { continuation.yield($0) })
      if hotplug != nil {
        for await _ in ticks { await tracker.scan(deliver: { continuation.yield($0) }) }
      } else {
        while !Task.isCancelled {
          try? await Task.sleep(for: pollInterval)
          await tracker.scan(deliver: { continuation.yield($0) })
        }
      }
      continuation.finish()
    }
    continuation.onTermination = { _ in
      producer.cancel()
      tick.finish()
      hotplug?.cancel()
    }
    return events
  }
}

/// What the tracker has reported, and the new phones it holds back for permissions.
private struct DeviceTracker {
  /// Reported phones by path.
  private var known: [String: USBDeviceInfo] = [:]
  /// When each held-back phone was first seen.
  private var heldSince: [String: ContinuousClock.Instant] = [:]
  /// How long a phone without permission is held back (AOSP `usb_linux.cpp` waits 1 s).
  private let permissionWait = Duration.seconds(1)

  /// Scans until no phone is held back, delivering the differences.
  mutating func scan(deliver: (USBDeviceEvent) -> Void) async {
    while !Task.isCancelled {
      guard let devices = try? await NIOThreadPool.singleton.runIfActive({ try USBHost.devices() }) else { return }
      guard compare(devices, deliver: deliver) else { return }
      try? await Task.sleep(for: .milliseconds(200))
    }
  }

  /// Delivers what changed since the last scan; returns whether a phone is still held back.
  private mutating func compare(_ devices: [USBDeviceInfo], deliver: (USBDeviceEvent) -> Void) -> Bool {
    let current = Dictionary(devices.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    for (path, old) in known where current[path] == nil {
      known[path] = nil
      deliver(.detached(old))
    }
    heldSince = heldSince.filter { current[$0.key] != nil }
    let now = ContinuousClock.now
    for device in devices where known[device.path] != device {
      if device.problem?.code == .permissionDenied {
        let since = heldSince[device.path] ?? now
        heldSince[device.path] = since
        if now - since < permissionWait { continue }
      }
      heldSince[device.path] = nil
      if let old = known[device.path] { deliver(.detached(old)) }
      known[device.path] = device
      deliver(.attached(device))
    }
    return !heldSince.isEmpty
  }
}

/// A libusb hotplug callback that ticks a stream on every arrival and departure.
///
/// `@unchecked Sendable`: the handle is a constant and ``cancel()`` runs once under a `Mutex`.
/// libusb runs callbacks under its hotplug lock and skips deregistered ones, so once
/// `libusb_hotplug_deregister_callback` returns the box is no longer used and can be released.
private final class HotplugRegistration: @unchecked Sendable {
  private let context: USBContext
  private let handle: libusb_hotplug_callback_handle
  private let box: Unmanaged<TickBox>
  private let cancelled = Mutex(false)

  /// The continuation, boxed so a C callback can reach it through `user_data`.
  private final class TickBox {
    let tick: AsyncStream<Void>.Continuation
    init(_ tick: AsyncStream<Void>.Continuation) { self.tick = tick }
  }

  /// Registers the callback and starts the event thread; nil when libusb refuses.
  init?(context: USBContext, tick: AsyncStream<Void>.Continuation) {
    let box = Unmanaged.passRetained(TickBox(tick))
    var handle: libusb_hotplug_callback_handle = 0
    let events = Int32(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED.rawValue | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT.rawValue)
    let result = libusb_hotplug_register_callback(
      context.pointer, events, LIBUSB_HOTPLUG_NO_FLAGS, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
      LIBUSB_HOTPLUG_MATCH_ANY,
      { _, _, _, userData in
        guard let userData else { return 0 }
        Unmanaged<TickBox>.fromOpaque(userData).takeUnretainedValue().tick.yield()
        return 0  // stay registered
      }, box.toOpaque(), &handle)
    guard result == 0 else {
      box.release()
      return nil
    }
    self.context = context
    self.handle = handle
    self.box = box
    context.startEventThread()
  }

  /// Deregisters the callback; later calls do nothing.
  func cancel() {
    let first = cancelled.withLock { cancelled in
      defer { cancelled = true }
      return !cancelled
    }
    guard first else { return }
    libusb_hotplug_deregister_callback(context.pointer, handle)
    box.release()
  }
}
