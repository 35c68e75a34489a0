/// The scripts an engine can run, by name.
///
/// ```swift
/// var scripts = ScriptRegistry()
/// scripts.register(FollowScript())
/// let engine = try TaskEngine(configuration: .init(storage: .file(path)), scripts: scripts)
/// ```
public struct ScriptRegistry: Sendable {
  private var scripts: [String: any TaskScript] = [:]

  /// A registry holding `scripts`.
  /// - Precondition: no two scripts share a name.
  public init(_ scripts: [any TaskScript] = []) {
    for script in scripts { register(script) }
  }

  /// Adds `script`.
  /// - Precondition: no script of that name is registered yet.
  public mutating func register(_ script: any TaskScript) {
    precondition(scripts[script.name] == nil, "a script named \(script.name) is already registered")
    scripts[script.name] = script
  }

  /// The script named `name`, if registered.
  public subscript(name: String) -> (any TaskScript)? { scripts[name] }

  /// The registered names, sorted.
  public var names: [String] { scripts.keys.sorted() }
}
