/// The Pixel launcher's home screen: a workspace grid of app icons, a hotseat row and the
/// search bar, listing only installed apps that have a launcher activity. Tapping an icon
/// starts its app.
struct LauncherScreen: ScreenProvider {
  static let package = "com.google.android.apps.nexuslauncher"
  /// Apps the Pixel launcher pins to the hotseat, in order.
  static let hotseatPackages = [
    "com.google.android.dialer", "com.google.android.apps.messaging", "com.android.chrome",
    "com.google.android.GoogleCamera",
  ]
  static let columns = 4

  func screen(in context: ScreenContext, system: PhoneSystem) -> UINode {
    let apps = system.installedPackages.values.filter { $0.launchActivity != nil && $0.name != Self.package }
    let hotseatApps = Self.hotseatPackages.compactMap { name in apps.first { $0.name == name } }
    let workspaceApps = apps.filter { !Self.hotseatPackages.contains($0.name) }.sorted { $0.label < $1.label }
    let width = context.width
    let height = context.height
    let statusBar = height / 40
    let cellWidth = width / Self.columns
    let cellHeight = cellWidth * 6 / 5
    let searchBar = UIRect(
      left: width / 16, top: height - height / 12, right: width - width / 16, bottom: height - height / 40)
    let hotseatTop = searchBar.top - cellHeight

    let workspaceCells = workspaceApps.enumerated().map { index, app in
      icon(
        app,
        bounds: UIRect(
          x: (index % Self.columns) * cellWidth, y: statusBar + height / 12 + (index / Self.columns) * cellHeight,
          width: cellWidth, height: cellHeight))
    }
    let hotseatCells = hotseatApps.enumerated().map { index, app in
      icon(app, bounds: UIRect(x: index * cellWidth, y: hotseatTop, width: cellWidth, height: cellHeight))
    }
    let workspace = UINode(
      className: "android.widget.ScrollView", resourceID: id("workspace"), package: Self.package, focusable: true,
      scrollable: true, bounds: UIRect(left: 0, top: statusBar, right: width, bottom: hotseatTop),
      children: [
        UINode(
          className: "android.view.ViewGroup", package: Self.package,
          bounds: UIRect(left: 0, top: statusBar, right: width, bottom: hotseatTop), children: workspaceCells)
      ])
    let hotseat = UINode(
      className: "android.view.ViewGroup", resourceID: id("hotseat"), package: Self.package,
      bounds: UIRect(left: 0, top: hotseatTop, right: width, bottom: searchBar.top), children: hotseatCells)
    let search = UINode(
      className: "android.widget.FrameLayout", resourceID: id("search_container_hotseat"),
      contentDescription: "Search", package: Self.package, clickable: true, focusable: true, bounds: searchBar)
    let dragLayer = UINode(
      className: "android.widget.FrameLayout", resourceID: id("drag_layer"), package: Self.package,
      bounds: UIRect(left: 0, top: 0, right: width, bottom: height), children: [workspace, hotseat, search])
    return UINode(
      className: "android.widget.FrameLayout", package: Self.package,
      bounds: UIRect(left: 0, top: 0, right: width, bottom: height), children: [dragLayer])
  }

  func handle(_ event: InputEvent, in context: ScreenContext, system: PhoneSystem) -> Bool {
    guard case .tap(let x, let y) = event,
      let hit = screen(in: context, system: system).clickableNode(atX: x, y: y),
      let app = system.installedPackages.values.first(where: {
        $0.label == hit.contentDescription && $0.launchActivity != nil
      })
    else { return false }
    return system.launch(package: app.name)
  }

  private func icon(_ app: InstalledPackage, bounds: UIRect) -> UINode {
    UINode(
      className: "android.widget.TextView", text: app.label, contentDescription: app.label, package: Self.package,
      clickable: true, focusable: true, longClickable: true, bounds: bounds)
  }

  private func id(_ name: String) -> String { "\(Self.package):id/\(name)" }
}
