/// A `script_config` the script refuses: which key, and why, in words a user can act on.
///
/// ```swift
/// throw ScriptConfigError(field: "like_probable", message: "must be a number from 0 to 100, got 150")
/// ```
public struct ScriptConfigError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The key inside `script_config` (`comment_content`, `chatgpt_settings.model`); empty when the
  /// whole configuration is wrong.
  public var field: String
  /// What is wrong with it.
  public var message: String

  /// Creates an error.
  /// - Parameters:
  ///   - field: the key inside `script_config`, dotted for nested keys.
  ///   - message: what is wrong, in words a user can act on.
  public init(field: String, message: String) {
    self.field = field
    self.message = message
  }

  /// The field as the client sent it: `script_config.KEY`.
  public var qualifiedField: String { field.isEmpty ? "script_config" : "script_config.\(field)" }

  public var description: String { "\(qualifiedField): \(message)" }
}
