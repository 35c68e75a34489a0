/// A small, reproducible random number generator (SplitMix64): the same seed gives the same
/// sequence on every machine and every run, so seeded faults (pop-ups, failed dumps) repeat
/// exactly in tests. Not for anything that needs real randomness.
///
/// ```swift
/// var random = SeededRandom(seed: 42)
/// random.chance(0.02)   // the same answer every time for seed 42
/// ```
public struct SeededRandom: RandomNumberGenerator, Sendable, Hashable {
  private var state: UInt64

  /// Creates a generator whose sequence is fixed by `seed`.
  public init(seed: UInt64) {
    state = seed
  }

  /// Creates a generator from a seed and a text that tells instances apart (a phone's serial),
  /// so phones sharing one seed still behave differently, each reproducibly.
  public init(seed: UInt64, salt: String) {
    // FNV-1a: Swift's `Hasher` is seeded per process, which would break reproducibility.
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in salt.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    state = seed ^ hash
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    // SplitMix64 (Steele, Lea, Flood: "Fast splittable pseudorandom number generators", 2014).
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// A number in `0..<1`.
  public mutating func nextUnit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// True with probability `probability` (0 never, 1 always). Always draws one number, so the
  /// sequence does not depend on the probability asked.
  public mutating func chance(_ probability: Double) -> Bool {
    nextUnit() < probability
  }
}
