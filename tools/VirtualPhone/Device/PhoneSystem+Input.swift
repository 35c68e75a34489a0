import Synchronization

extension PhoneSystem {
  /// Records an input event and delivers it to the foreground app's ``ScreenProvider``.
  ///
  /// HOME always resumes the launcher; a BACK that the app does not consume finishes it and
  /// returns to the launcher.
  public func inject(_ event: InputEvent) {
    let (provider, context) = state.withLock { state in
      state.inputEvents.append(event)
      return (state.screenProviders[state.foreground.package], screenContext(in: state))
    }
    if case .keyEvent(code: KeyCode.home, _) = event {
      returnToLauncher()
      return
    }
    let consumed = provider?.handle(event, in: context, system: self) ?? false
    if !consumed, case .keyEvent(code: KeyCode.back, _) = event, context.foreground != Self.launcherActivity {
      returnToLauncher()
    }
  }

  /// What the foreground window's provider is told about the screen.
  public var screenContext: ScreenContext {
    state.withLock { screenContext(in: $0) }
  }

  func screenContext(in state: State) -> ScreenContext {
    let size = state.sizeOverride ?? physicalScreenSize
    return ScreenContext(
      foreground: state.foreground, width: size.width, height: size.height,
      density: state.densityOverride ?? configuration.density)
  }

  // MARK: - Screen

  /// The foreground window's view hierarchy: its app's provider's screen, or a plain window
  /// showing the app's label for apps without a model.
  public func currentScreen() -> UINode {
    let (provider, context, label) = state.withLock { state in
      (
        state.screenProviders[state.foreground.package], screenContext(in: state),
        state.packages[state.foreground.package]?.label ?? state.foreground.package
      )
    }
    if let provider { return provider.screen(in: context, system: self) }
    return Self.plainWindow(context: context, label: label)
  }

  /// The current screen as pixels, as `screencap` grabs it.
  public func screenshot() -> Framebuffer {
    let size = screenSize
    return ScreenRenderer.render(currentScreen(), width: size.width, height: size.height)
  }

  /// A window with an action bar that names the app: what an app without a model shows.
  static func plainWindow(context: ScreenContext, label: String) -> UINode {
    let package = context.foreground.package
    let full = UIRect(left: 0, top: 0, right: context.width, bottom: context.height)
    let statusBar = context.height / 40
    let actionBar = UIRect(left: 0, top: statusBar, right: context.width, bottom: statusBar + context.height / 15)
    let title = UINode(
      className: "android.widget.TextView", text: label, package: package,
      bounds: UIRect(
        left: actionBar.left + 48, top: actionBar.top, right: actionBar.right - 48, bottom: actionBar.bottom))
    let content = UINode(
      className: "android.widget.FrameLayout", resourceID: "android:id/content", package: package,
      bounds: UIRect(left: 0, top: statusBar, right: context.width, bottom: context.height),
      children: [
        UINode(
          className: "android.view.ViewGroup", resourceID: "\(package):id/action_bar", package: package,
          bounds: actionBar, children: [title])
      ])
    return UINode(className: "android.widget.FrameLayout", package: package, bounds: full, children: [content])
  }
}
