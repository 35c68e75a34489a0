/// The window an app model shows: its views wrapped in the window decor, or the dialog window
/// of a pop-up. What `uiautomator dump` reads and what taps are tested against.
struct AppWindow: Sendable {
  /// The package the window's views report.
  var package: String
  /// The window's root view, in screen coordinates.
  var root: AppElement

  /// An activity window: decor view, `android:id/content` between the system bars, and the
  /// bars' background views, as a phone's dump shows them.
  static func activity(package: String, content: [AppElement], layout: AppLayout) -> AppWindow {
    let screen = layout.screen
    let statusBar = UIRect(left: 0, top: 0, right: layout.width, bottom: layout.statusBarHeight)
    let navigationBar = UIRect(
      left: 0, top: layout.height - layout.navigationBarHeight, right: layout.width, bottom: layout.height)
    let decor = AppElement(
      className: "android.widget.FrameLayout", frame: screen,
      children: [
        AppElement(
          className: "android.widget.LinearLayout", frame: screen,
          children: [
            AppElement(
              className: "android.widget.FrameLayout", id: "android:id/content", frame: layout.content,
              children: content)
          ]),
        AppElement(className: "android.view.View", id: "android:id/statusBarBackground", frame: statusBar),
        AppElement(className: "android.view.View", id: "android:id/navigationBarBackground", frame: navigationBar),
      ])
    return AppWindow(package: package, root: decor)
  }

  /// The view hierarchy `uiautomator dump` writes for the window.
  func node(appPackage: String) -> UINode {
    root.node(package: package, idPackage: appPackage)
  }

  /// Every view of the window, depth first.
  var allElements: [AppElement] {
    var result: [AppElement] = []
    var stack = [root]
    while let element = stack.popLast() {
      result.append(element)
      stack.append(contentsOf: element.children.reversed())
    }
    return result
  }
}

extension AppElement {
  /// The `<node>` of this view: a bare id gets the app's package, an empty text shows the hint.
  func node(package: String, idPackage: String) -> UINode {
    UINode(
      className: className, text: text.isEmpty ? hint : text,
      resourceID: id.isEmpty || id.contains(":") ? id : "\(idPackage):id/\(id)",
      contentDescription: contentDescription, package: package, checkable: checkable, checked: checked,
      clickable: clickable, enabled: enabled, focusable: focusable, focused: focused, scrollable: scrollable,
      longClickable: longClickable, password: password, selected: selected, bounds: frame,
      children: children.map { $0.node(package: package, idPackage: idPackage) })
  }

  /// The views under a point, outermost first: at each level the topmost child (the last drawn)
  /// that contains the point, as Android dispatches touches.
  func path(atX x: Int, y: Int) -> [AppElement] {
    guard frame.contains(x: x, y: y) else { return [] }
    for child in children.reversed() {
      let below = child.path(atX: x, y: y)
      if !below.isEmpty { return [self] + below }
    }
    return [self]
  }
}
