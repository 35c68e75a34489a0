import DeviceControl
import Testing
import TikTok

extension TikTokConfigTests {
  @Suite struct SpintaxTests {
    @Test func keepsTextWithoutGroups() throws {
      let spintax = try Spintax("plain | text")
      #expect(!spintax.hasGroups)
      #expect(spintax.variantCount == 1)
      #expect(spintax.resolve(seed: 1) == "plain | text")
    }

    @Test func resolvesTheSameTextForTheSameSeed() throws {
      let spintax = try Spintax("{Hi|Hello|Hey} {world|{dear|sweet} friend}!")
      for seed in UInt64(0)..<20 { #expect(spintax.resolve(seed: seed) == spintax.resolve(seed: seed)) }
    }

    @Test func resolvesNestedGroupsToEveryVariant() throws {
      let spintax = try Spintax("{a|{b|c}d}")
      #expect(spintax.variantCount == 3)
      let seen = Set((UInt64(0)..<200).map { spintax.resolve(seed: $0) })
      #expect(seen == ["a", "bd", "cd"])
    }

    @Test func countsVariantsAcrossGroups() throws {
      #expect(try Spintax("{a|b} {c|d|e}").variantCount == 6)
      #expect(try Spintax("{a|}x").variantCount == 2)
    }

    @Test func allowsEmptyAlternatives() throws {
      let spintax = try Spintax("x{|y}")
      let seen = Set((UInt64(0)..<100).map { spintax.resolve(seed: $0) })
      #expect(seen == ["x", "xy"])
    }

    @Test func refusesAnUnclosedBraceWithItsPosition() {
      #expect(
        throws: SpintaxError(
          position: 4, message: "the \"{\" at character 4 is never closed; spintax is written {a|b|c}")
      ) {
        try Spintax("{a}{b|{c}")
      }
      #expect(throws: SpintaxError.self) { try Spintax("{a|{b|c}") }
      #expect(throws: SpintaxError.self) { try Spintax("{") }
    }

    @Test func refusesAStrayClosingBraceWithItsPosition() {
      #expect(
        throws: SpintaxError(
          position: 6, message: "the \"}\" at character 6 closes no \"{\"; spintax is written {a|b|c}")
      ) {
        try Spintax("{a|b}}")
      }
    }

    @Test func resolvesWithAnyGenerator() throws {
      var rng = SeededGenerator(seed: 5)
      var same = SeededGenerator(seed: 5)
      let spintax = try Spintax("{1|2|3|4|5|6|7|8}")
      #expect(spintax.resolve(using: &rng) == spintax.resolve(using: &same))
      #expect(spintax.resolve(seed: 5) == Spintax.resolveFirst(spintax, seed: 5))
    }
  }
}

extension Spintax {
  /// The first text a fresh generator seeded with `seed` gives.
  fileprivate static func resolveFirst(_ spintax: Spintax, seed: UInt64) -> String {
    var rng = SeededGenerator(seed: seed)
    return spintax.resolve(using: &rng)
  }
}
