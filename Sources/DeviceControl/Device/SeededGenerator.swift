/// A small, fast random number generator that repeats its sequence for a given seed
/// (SplitMix64, Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014),
/// so that tap jitter, spintax resolution and random picks can be replayed in tests and diagnoses.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let caption = try Spintax("{Hi|Hello} there").resolve(using: &rng)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Hashable, Sendable {
  private var state: UInt64

  /// A generator whose sequence is fixed by `seed`.
  public init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    // The constants are SplitMix64's: the golden-ratio increment and Stafford's "Mix13" finalizer.
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }
}
