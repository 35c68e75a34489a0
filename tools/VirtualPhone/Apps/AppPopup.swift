/// A dialog that pops up over an app and takes every touch and key until it is dismissed, by
/// one of its buttons or (when ``isCancelable``) by BACK. Taps outside its buttons do nothing.
///
/// While it shows, `uiautomator dump` sees only the dialog's window, as on a phone: a dialog is
/// a window of its own and the dump reads the active window. A ``Kind/permission`` request
/// belongs to the permission controller (package `com.google.android.permissioncontroller`).
///
/// ```swift
/// engine.showPopup(.updateAvailable(appLabel: "TikTok"))
/// engine.showPopup(.permission(appLabel: "TikTok", request: "access your contacts"))
/// ```
public struct AppPopup: Sendable {
  /// Who draws the dialog.
  public enum Kind: Sendable, Hashable {
    /// The app's own AlertDialog (`android:id/alertTitle`, `android:id/message`,
    /// `android:id/button2` then `android:id/button1`).
    case dialog
    /// Android's runtime-permission request (GrantPermissionsActivity).
    case permission
    /// A hint the app draws over its whole window (a coach mark such as "Swipe up for more"):
    /// the title, the message and the dismiss button, centred, with no dialog frame.
    case overlay
  }

  /// A button of the dialog.
  public struct Button: Sendable {
    /// The button's text.
    public var title: String
    /// What the button does after it closed the dialog.
    public var action: AppAction?

    /// Creates a button.
    public init(_ title: String, action: AppAction? = nil) {
      self.title = title
      self.action = action
    }
  }

  /// Who draws the dialog.
  public var kind: Kind
  /// The title, if any.
  public var title: String?
  /// The message.
  public var message: String
  /// The negative (dismissing) button, such as "Not now" or "Don’t allow".
  public var dismissButton: Button
  /// The positive button, such as "Update" or "Allow".
  public var confirmButton: Button?
  /// Whether BACK dismisses the dialog (as the dismiss button would, without its action).
  public var isCancelable: Bool

  /// Creates a dialog.
  public init(
    kind: Kind = .dialog, title: String?, message: String, dismissButton: Button, confirmButton: Button? = nil,
    isCancelable: Bool = true
  ) {
    self.kind = kind
    self.title = title
    self.message = message
    self.dismissButton = dismissButton
    self.confirmButton = confirmButton
    self.isCancelable = isCancelable
  }

  /// The in-app update prompt: "Update available", buttons "Not now" and "Update" (which turns
  /// the flag `update_requested` on).
  public static func updateAvailable(appLabel: String) -> AppPopup {
    AppPopup(
      title: "Update available", message: "A new version of \(appLabel) is available. Update now to get the latest.",
      dismissButton: Button("Not now"),
      confirmButton: Button("Update", action: .update { $0.set("update_requested", true) }))
  }

  /// A runtime-permission request, "Allow APP to REQUEST?" with "Allow" and "Don’t allow"
  /// (Android 13's words, with a typographic apostrophe). "Allow" turns the flag
  /// `permission:REQUEST` on.
  public static func permission(appLabel: String, request: String) -> AppPopup {
    AppPopup(
      kind: .permission, title: nil, message: "Allow \(appLabel) to \(request)?",
      dismissButton: Button("Don\u{2019}t allow"),
      confirmButton: Button("Allow", action: .update { $0.set("permission:\(request)", true) }))
  }
}

/// When an app model shows pop-ups by itself: at each screen change (a screen opened or closed,
/// a launch, a deep link), with probability ``chance``, one of ``catalog`` (picked at random).
/// The draws come from a ``SeededRandom`` seeded with ``seed`` and the phone's serial, so the
/// same steps on the same phone meet the same pop-ups on every run.
public struct AppPopupPolicy: Sendable {
  /// The probability of a pop-up at each screen change (0…1).
  public var chance: Double
  /// Fixes which screen changes get a pop-up.
  public var seed: UInt64
  /// The pop-ups to pick from.
  public var catalog: [AppPopup]

  /// Creates a policy.
  public init(chance: Double, seed: UInt64 = 1, catalog: [AppPopup]) {
    self.chance = chance
    self.seed = seed
    self.catalog = catalog
  }

  /// No pop-ups unless a test shows one.
  public static let none = AppPopupPolicy(chance: 0, catalog: [])
}
