public import TaskEngine

extension PostConfig {
  /// What a post publishes (`content_type`).
  public enum ContentType: Int, Hashable, Sendable, CaseIterable {
    /// One video (0, the default).
    case video = 0
    /// A photo post of ``PostConfig/imageCount`` images (1).
    case images = 1

    /// The file name extensions of this kind of media, for drawing from a folder.
    var fileExtensions: Set<String> { self == .video ? MediaExtensions.video : MediaExtensions.image }
    /// "video" or "image", for messages.
    var mediaName: String { self == .video ? "video" : "image" }
  }

  /// How the flow reaches the post screen (`post_way`).
  public enum PostWay: String, Hashable, Sendable, CaseIterable {
    /// Through the share sheet (the default).
    case share
    /// Through the Create (+) button.
    case addButton
    /// From a sound's page, posting with that sound (needs ``PostConfig/soundName``).
    case useSound
  }

  /// Whether and how a sound is added (`add_sound`: "-1", 0, 1 or "custom").
  public enum SoundOption: Hashable, Sendable, CaseIterable {
    /// Leave the app's default ("-1", the default).
    case appDefault
    /// Add no sound (0).
    case off
    /// Add a sound (1): ``PostConfig/soundName`` when given.
    case on
    /// Search ``PostConfig/customSoundKeyword`` and add the first result ("custom").
    case custom

    /// The value as TikMatrix writes it.
    public var json: JSONValue {
      switch self {
      case .appDefault: "-1"
      case .off: 0
      case .on: 1
      case .custom: "custom"
      }
    }

    /// Reads `add_sound`: a number or a string, as TikMatrix's clients send either.
    static func read(_ reader: ConfigReader) throws(ScriptConfigError) -> SoundOption {
      guard let value = reader.value("add_sound") else { return .appDefault }
      let text: String
      switch value {
      case .int(let number): text = String(number)
      case .string(let string): text = string.trimmingWhitespace.lowercased()
      default: throw reader.mismatch("add_sound", expected: "-1, 0, 1 or \"custom\"", got: value)
      }
      switch text {
      case "-1": return .appDefault
      case "0": return .off
      case "1": return .on
      case "custom": return .custom
      default:
        throw reader.error(
          "add_sound",
          "must be -1 (the app's default), 0 (no sound), 1 (add a sound) or \"custom\" (search custom_sound_keyword); "
            + "got \(value.messageSummary)")
      }
    }
  }
}
