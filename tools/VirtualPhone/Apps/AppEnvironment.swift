/// What an app model can ask the phone while it draws or acts: the phone's clock, the media
/// files MediaStore knows, and which phone it runs on. ``AppEngine`` refreshes it from the
/// ``PhoneSystem`` before every step and every drawing, so screens and actions stay pure
/// functions of ``AppState``.
public struct AppEnvironment: Sendable, Hashable {
  /// The phone's uptime (``PhoneSystem/uptime``): what the app times things with (how long a
  /// video was watched, how far an upload got).
  public var now: Duration
  /// The media MediaStore has indexed, newest first (``PhoneSystem/mediaStore``).
  public var media: [MediaStoreEntry]
  /// The phone's serial, for data named after the phone (a default account).
  public var serial: String

  /// Creates an environment.
  public init(now: Duration = .zero, media: [MediaStoreEntry] = [], serial: String = "") {
    self.now = now
    self.media = media
    self.serial = serial
  }
}
