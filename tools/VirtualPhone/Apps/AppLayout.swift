/// The geometry an app model lays its screens out in: the screen size and density `wm` reports,
/// and the system bars around the app's content, as on a phone without edge-to-edge drawing.
public struct AppLayout: Sendable, Hashable {
  /// The screen width in pixels.
  public var width: Int
  /// The screen height in pixels.
  public var height: Int
  /// The density in dpi.
  public var density: Int

  /// Creates a layout.
  public init(width: Int, height: Int, density: Int) {
    self.width = width
    self.height = height
    self.density = density
  }

  /// Creates the layout of the phone's current screen.
  public init(_ context: ScreenContext) {
    self.init(width: context.width, height: context.height, density: context.density)
  }

  /// Density-independent pixels to pixels (`dp × dpi / 160`, rounded).
  public func dp(_ value: Int) -> Int {
    (value * density + 80) / 160
  }

  /// The status bar's height (24 dp).
  public var statusBarHeight: Int { dp(24) }
  /// The navigation bar's height (48 dp, three-button navigation).
  public var navigationBarHeight: Int { dp(48) }

  /// The whole screen.
  public var screen: UIRect { UIRect(left: 0, top: 0, right: width, bottom: height) }

  /// Where the app draws: between the status bar and the navigation bar (`android:id/content`).
  public var content: UIRect {
    UIRect(left: 0, top: statusBarHeight, right: width, bottom: height - navigationBarHeight)
  }

  /// A column that hands out full-width rows from the top of the content area down.
  public func column(inset: Int = 0) -> AppColumn {
    AppColumn(left: content.left + inset, right: content.right - inset, top: content.top, bottom: content.bottom)
  }
}

/// Hands out rows top to bottom, for laying out a screen like a vertical LinearLayout.
///
/// ```swift
/// var column = layout.column()
/// let toolbar = column.next(height: layout.dp(56))
/// let list = column.rest()
/// ```
public struct AppColumn: Sendable, Hashable {
  /// The rows' left edge.
  public var left: Int
  /// The rows' right edge.
  public var right: Int
  /// Where the next row starts.
  public var top: Int
  /// The column's bottom edge.
  public var bottom: Int

  /// Creates a column.
  public init(left: Int, right: Int, top: Int, bottom: Int) {
    self.left = left
    self.right = right
    self.top = top
    self.bottom = bottom
  }

  /// The next row of `height` pixels (cut at the bottom edge).
  public mutating func next(height: Int) -> UIRect {
    let row = UIRect(left: left, top: top, right: right, bottom: min(bottom, top + height))
    top = row.bottom
    return row
  }

  /// Skips `height` pixels (a margin).
  public mutating func skip(_ height: Int) {
    top = min(bottom, top + height)
  }

  /// Everything left, down to `bottom` minus `reserving` pixels kept for rows below.
  public mutating func rest(reserving: Int = 0) -> UIRect {
    next(height: max(0, bottom - reserving - top))
  }
}
