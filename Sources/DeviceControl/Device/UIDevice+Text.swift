import ADB
import ADBWire

extension UIDevice {
  /// The ADB keyboard IME (github.com/senzhk/ADBKeyBoard), which types any Unicode text.
  public static let adbKeyboardIME = "com.android.adbkeyboard/.AdbIME"

  /// Types `text` into the field `selector` finds (tapping it first to focus it), or into the
  /// focused field when `selector` is nil, then checks that the field shows it.
  ///
  /// Printable ASCII goes through `input text`, escaped for the phone's shell and split into
  /// chunks. Anything else (emoji, accents, CJK) goes through the ADB keyboard's base64
  /// broadcast: the user's IME is saved, the ADB keyboard selected while typing, then restored.
  /// - Throws: ``DeviceControlError/Code/inputUnavailable`` when non-ASCII text must be typed
  ///   and the ADB keyboard is not installed; ``DeviceControlError/Code/postconditionFailed``
  ///   when the field does not show the text afterwards.
  public func type(_ text: String, into selector: UISelector? = nil, verify: Bool = true)
    async throws(DeviceControlError)
  {
    if let selector { try await tap(selector) }
    if text.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) {
      for chunk in Self.inputTextChunks(text, size: options.textChunkSize) {
        counters.textInputs += 1
        invalidate()
        try await run("input text \(Self.quotedForInputText(chunk))")
      }
    } else {
      try await typeWithADBKeyboard(text)
    }
    guard verify else { return }
    let screen = try await settle()
    let field = selector.flatMap { screen.first(matching: $0) } ?? screen.nodes.first { $0.focused }
    guard let field, field.text.contains(text) else {
      let shown = field.map { "it shows \($0.text.debugDescription)" } ?? "no field is focused"
      throw await failure(.postconditionFailed, "typed \(text.debugDescription) but \(shown)")
    }
  }

  private func typeWithADBKeyboard(_ text: String) async throws(DeviceControlError) {
    let installed = try await shell("ime list -a -s").standardOutput
    guard installed.split(whereSeparator: \.isNewline).contains(where: { $0 == Self.adbKeyboardIME }) else {
      throw await failure(
        .inputUnavailable,
        "\(text.debugDescription) is not ASCII: Android's `input text` cannot type it. Install ADBKeyBoard "
          + "(com.android.adbkeyboard, github.com/senzhk/ADBKeyBoard) on the phone; DroidMatrix selects it only "
          + "while typing and restores your keyboard afterwards")
    }
    let saved = try await shell("settings get secure default_input_method").standardOutput
      .split(whereSeparator: \.isNewline).first.map(String.init)
    try await run("ime enable \(Self.adbKeyboardIME) && ime set \(Self.adbKeyboardIME)")
    counters.textInputs += 1
    invalidate()
    let base64 = Base64.encode(Array(text.utf8))
    let result = try await shell("am broadcast -a ADB_INPUT_B64 --es msg \(base64)")
    if let saved, saved != "null", saved != Self.adbKeyboardIME { try await run("ime set \(saved)") }
    guard result.standardOutput.contains("result=0") || result.standardOutput.contains("result=-1") else {
      throw await failure(.commandFailed, "the ADB keyboard broadcast failed: \(result.standardOutput)")
    }
  }

  /// `text` cut into chunks of at most `size` characters, never between `%` and `s` (which
  /// `input text` would turn into a space).
  static func inputTextChunks(_ text: String, size: Int) -> [String] {
    var chunks: [String] = []
    var chunk = ""
    for character in text {
      let splitsEscape = chunk.last == "%" && character == "s"
      if chunk.count >= max(size, 1) || splitsEscape {
        chunks.append(chunk)
        chunk = ""
      }
      chunk.append(character)
    }
    if !chunk.isEmpty { chunks.append(chunk) }
    return chunks
  }

  /// One `input text` argument for the phone's `sh`: spaces as `%s` (how `input text` spells
  /// them), the whole in single quotes, a quote as `'\''`.
  static func quotedForInputText(_ chunk: String) -> String {
    let spaced = chunk.replacing(" ", with: "%s")
    return "'" + spaced.replacing("'", with: #"'\''"#) + "'"
  }
}
