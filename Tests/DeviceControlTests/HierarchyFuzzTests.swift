import Testing

@testable import DeviceControl

/// Mutated dumps never crash the parser: each one parses into a consistent tree or throws
/// ``DeviceControlError/Code/malformedHierarchy``.
@Suite struct HierarchyFuzzTests {
  /// How many mutated documents one run tries.
  static let iterations = 10_000

  /// The documents mutations start from: small and shaped like real dumps.
  static let seeds: [[UInt8]] = [
    SampleDumps.profile, SampleDumps.appiumFeed,
    #"<?xml version='1.0' ?><hierarchy rotation="1"><node text="a &amp; &#x1F600; &#55357;&#56832;" "#
      + #"content-desc='J&apos;aime' bounds="[-1,0][10,20]"><!-- c --><node index="3"/></node></hierarchy>"#,
  ].map { Array($0.utf8) }

  @Test func mutatedDumpsParseOrThrowMalformed() {
    var random = SplitMix64(seed: 0x5EED_D0C5)
    var parsed = 0
    for iteration in 0..<Self.iterations {
      var bytes = Self.seeds[iteration % Self.seeds.count]
      for _ in 0..<Int.random(in: 1...3, using: &random) { Self.mutate(&bytes, using: &random) }
      do {
        let screen = try UIHierarchy(parsing: bytes)
        parsed += 1
        checkConsistency(screen)
      } catch {
        if error.code != .malformedHierarchy {
          Issue.record("iteration \(iteration): \(error.code) \(error.message)")
        }
      }
    }
    // Some mutations (a flipped letter inside a text) leave the document valid.
    #expect(parsed > 0)
    #expect(parsed < Self.iterations)
  }

  /// Selectors of every relation, run on whatever parsed, so the query engine meets odd trees.
  static let selectors: [UISelector] = [
    UISelector.clickable().child(.any).parent(), UISelector.text(containing: "a").sibling(.any).instance(1),
    UISelector.any.nearest(to: .text("48")), UISelector.index(0).parent().parent().child(.index(1)),
  ]

  /// The tree links agree with each other and with document order, and queries run.
  private func checkConsistency(_ screen: UIHierarchy) {
    var consistent = !screen.nodes.isEmpty
    for (position, node) in screen.nodes.enumerated() {
      consistent = consistent && node.id == position
      if let parent = node.parentID {
        consistent =
          consistent && parent < node.id && screen.nodes[parent].childIDs.contains(node.id)
          && node.depth == screen.nodes[parent].depth + 1
      } else {
        consistent = consistent && node.depth == 0
      }
    }
    #expect(consistent, "\(screen.xml)")
    for selector in Self.selectors {
      let found = screen.elements(matching: selector)
      #expect(found.allSatisfy { screen.nodes[$0.id] == $0 })
    }
  }

  /// One random change: bit flips, a truncation, a duplicated or removed span, or random bytes.
  static func mutate(_ bytes: inout [UInt8], using random: inout SplitMix64) {
    guard !bytes.isEmpty else {
      bytes = [UInt8.random(in: 0...255, using: &random)]
      return
    }
    let at = Int.random(in: 0..<bytes.count, using: &random)
    switch Int.random(in: 0..<5, using: &random) {
    case 0:
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= 1 << UInt8.random(in: 0..<8, using: &random)
      }
    case 1:
      bytes.removeSubrange(at...)
    case 2:
      let span = bytes[at..<min(bytes.count, at + Int.random(in: 1...64, using: &random))]
      bytes.insert(contentsOf: Array(span), at: Int.random(in: 0...bytes.count, using: &random))
    case 3:
      bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...64, using: &random)))
    default:
      let noise = (0..<Int.random(in: 1...8, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
      bytes.insert(contentsOf: noise, at: at)
    }
  }
}

/// A small seeded generator (Steele, Lea and Flood's SplitMix64), so a failure can be replayed.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
