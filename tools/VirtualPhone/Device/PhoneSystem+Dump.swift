import Synchronization

extension PhoneSystem {
  /// How `uiautomator dump` behaves now; starts as the configuration's
  /// ``VirtualPhone/Configuration/uiautomatorDump``.
  public var dumpBehaviour: VirtualPhone.DumpBehaviour {
    state.withLock { $0.dumpBehaviour }
  }

  /// Changes how `uiautomator dump` behaves, and restarts its failure sequence from the new
  /// seed (so a test that sets a behaviour sees the same failures on every run).
  public func setDumpBehaviour(_ behaviour: VirtualPhone.DumpBehaviour) {
    state.withLock { state in
      state.dumpBehaviour = behaviour
      state.dumpRandom = SeededRandom(seed: behaviour.seed, salt: configuration.serial)
    }
  }

  /// Decides how the next dump ends: a failure at the configured rate (an idle timeout twice as
  /// often as a missing root, as field reports suggest), or ``VirtualPhone/DumpOutcome/idleTimeout``
  /// whenever the foreground window is not idle (``ScreenProvider/isIdle(in:system:)``).
  /// - Returns: the outcome and how long the dump takes.
  public func nextDumpOutcome() -> (outcome: VirtualPhone.DumpOutcome, latency: Duration) {
    let (behaviour, failed, kind) = state.withLock { state in
      let failed = state.dumpRandom.chance(state.dumpBehaviour.failureRate)
      let kind = state.dumpRandom.nextUnit()
      return (state.dumpBehaviour, failed, kind)
    }
    if failed { return (kind < 2.0 / 3.0 ? .idleTimeout : .nullRoot, behaviour.latency) }
    let (provider, context) = state.withLock { state in
      (state.screenProviders[state.foreground.package], screenContext(in: state))
    }
    if let provider, !provider.isIdle(in: context, system: self) { return (.idleTimeout, behaviour.latency) }
    return (.dumped, behaviour.latency)
  }
}
