import ArgumentParser
import DeviceControl

/// The selector flags of the `ui` commands (`--text`, `--desc-contains`, `--clickable`, …): every
/// flag given must hold. Without any, every element matches.
struct SelectorOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Text equal to T.", valueName: "T")) var text: String?
  @Option(help: ArgumentHelp("Text containing T.", valueName: "T")) var textContains: String?
  @Option(help: ArgumentHelp("Text starting with T.", valueName: "T")) var textStartsWith: String?
  @Option(help: ArgumentHelp("Text wholly matching the regular expression.", valueName: "regex"))
  var textMatches: String?

  @Option(help: ArgumentHelp("Content description equal to D.", valueName: "D")) var desc: String?
  @Option(help: ArgumentHelp("Content description containing D.", valueName: "D")) var descContains: String?
  @Option(help: ArgumentHelp("Content description starting with D.", valueName: "D")) var descStartsWith: String?
  @Option(help: ArgumentHelp("Content description wholly matching the regular expression.", valueName: "regex"))
  var descMatches: String?

  @Option(help: ArgumentHelp("Resource id equal to ID (package:id/name).", valueName: "ID")) var id: String?
  @Option(help: ArgumentHelp("Resource id containing ID.", valueName: "ID")) var idContains: String?
  @Option(help: ArgumentHelp("Resource id wholly matching the regular expression.", valueName: "regex"))
  var idMatches: String?

  @Option(help: ArgumentHelp("Class equal to C (android.widget.Button).", valueName: "C")) var `class`: String?
  @Option(help: ArgumentHelp("Class wholly matching the regular expression.", valueName: "regex"))
  var classMatches: String?
  @Option(help: ArgumentHelp("Package equal to P.", valueName: "P")) var package: String?
  @Option(help: ArgumentHelp("Hint containing H (EditText placeholders).", valueName: "H")) var hintContains: String?

  @Flag(inversion: .prefixedNo, help: "Only elements that are (or are not) clickable.") var clickable: Bool?
  @Flag(inversion: .prefixedNo, help: "Only elements that are (or are not) selected.") var selected: Bool?
  @Option(help: ArgumentHelp("Position among the parent's children (Android's index).", valueName: "n"))
  var index: Int?
  @Option(help: ArgumentHelp("Only the n-th match, from 0 (with --near-text, the n-th nearest).", valueName: "n"))
  var instance: Int?
  @Option(help: ArgumentHelp("Only the match nearest to the first element whose text is LABEL.", valueName: "label"))
  var nearText: String?

  func validate() throws {
    if let instance, instance < 0 { throw ValidationError("--instance counts from 0") }
    _ = try selector()  // A bad regular expression is a usage error, reported before any work.
  }

  /// The selector the flags describe.
  /// - Throws: ``ValidationError`` when a regular expression does not compile.
  func selector() throws -> UISelector {
    var selector = UISelector()
    func add(_ value: String?, _ condition: (String) -> UISelector) {
      if let value { selector = selector.and(condition(value)) }
    }
    func add(_ value: String?, flag: String, _ condition: (String) throws(DeviceControlError) -> UISelector) throws {
      guard let value else { return }
      do {
        selector = selector.and(try condition(value))
      } catch {
        throw ValidationError("\(flag): \(error.message)")
      }
    }
    add(text, UISelector.text(_:))
    add(textContains, UISelector.text(containing:))
    add(textStartsWith, UISelector.text(startingWith:))
    try add(textMatches, flag: "--text-matches", UISelector.text(matching:))
    add(desc, UISelector.description(_:))
    add(descContains, UISelector.description(containing:))
    add(descStartsWith, UISelector.description(startingWith:))
    try add(descMatches, flag: "--desc-matches", UISelector.description(matching:))
    add(id, UISelector.resourceID(_:))
    add(idContains, UISelector.resourceID(containing:))
    try add(idMatches, flag: "--id-matches", UISelector.resourceID(matching:))
    add(`class`, UISelector.className(_:))
    try add(classMatches, flag: "--class-matches", UISelector.className(matching:))
    add(package, UISelector.packageName(_:))
    add(hintContains, UISelector.hint(containing:))
    if let clickable { selector = selector.clickable(clickable) }
    if let selected { selector = selector.selected(selected) }
    if let index { selector = selector.index(index) }
    if let nearText { selector = selector.nearest(to: .text(nearText)) }
    if let instance { selector = selector.instance(instance) }
    return selector
  }
}
