import Foundation
import NIOCore
import Testing

@testable import ADBWire

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator, so every fuzz failure
/// reproduces from its seed and iteration number.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
  mutating func chance(_ numerator: Int, in denominator: Int) -> Bool { below(denominator) < numerator }
}

/// One decoder under fuzz: valid records with the values they decode to, where their length
/// fields are, and what a random input should be drawn from.
struct FuzzTarget<Value: Equatable>: Sendable where Value: Sendable {
  var name: String
  /// Valid encodings and their values; mutated to make most inputs.
  var corpus: [(bytes: [UInt8], value: Value)]
  /// Byte offsets of length fields in the corpus records.
  var lengthOffsets: [Int]
  /// Lengths are four hex digits (smart socket) instead of a u32 LE.
  var hexLengths = false
  /// Bytes random inputs are drawn from half of the time (the rest are uniform bytes).
  var alphabet: [UInt8] = []
  /// Outcomes each of which at least 1% of the inputs must reach, so that a broken generator
  /// cannot pass by never getting past the first check of the decoder.
  var outcomes: Set<FuzzOutcome> = [.decoded, .rejected, .incomplete]
}

/// What a decoder made of one input.
enum FuzzOutcome: Hashable, Sendable {
  /// At least one value, and no error.
  case decoded
  /// It threw (possibly after some values).
  case rejected
  /// Nothing yet: it needs more bytes.
  case incomplete
}

/// The result of checking one input: a failure description, or nil, and the outcome.
struct FuzzVerdict {
  var failure: String?
  var outcome: FuzzOutcome

  static func fail(_ failure: String) -> FuzzVerdict { FuzzVerdict(failure: failure, outcome: .rejected) }

  init(failure: String?, outcome: FuzzOutcome) {
    self.failure = failure
    self.outcome = outcome
  }

  init<Value>(_ result: (values: [Value], error: ADBWireError?, failure: String?)) {
    self.init(
      failure: result.failure,
      outcome: result.error != nil ? .rejected : result.values.isEmpty ? .incomplete : .decoded)
  }
}

enum Fuzz {
  /// `ADBWIRE_FUZZ_SEED` (decimal or 0x-hex) overrides the default to explore other inputs.
  static let seed: UInt64 = {
    guard let text = ProcessInfo.processInfo.environment["ADBWIRE_FUZZ_SEED"] else { return 0xADB0_F022_2026 }
    return text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) ?? 0 : UInt64(text) ?? 0
  }()

  /// The generator for one iteration: a failure names `seed` and `iteration`, nothing else.
  static func generator(for name: String, iteration: Int) -> SplitMix64 {
    var nameHash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
    for byte in name.utf8 { nameHash = (nameHash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    var mixer = SplitMix64(seed: seed ^ nameHash)
    return SplitMix64(seed: mixer.next() &+ UInt64(iteration) &* 0x9E37_79B9_7F4A_7C15)
  }

  /// Runs `iterations` inputs through `check`, which judges each one.
  /// One input in four is random; one in sixteen is a valid sequence that must decode to its
  /// values (checked by `check` via the expected values it is given); the rest are mutations.
  static func run<Value>(
    _ target: FuzzTarget<Value>, iterations: Int, sourceLocation: SourceLocation = #_sourceLocation,
    check: (_ input: [UInt8], _ expected: [Value]?, _ random: inout SplitMix64) -> FuzzVerdict
  ) async {
    var failures = 0
    var tally: [FuzzOutcome: Int] = [:]
    for iteration in 0..<iterations {
      // Long CPU-bound loops would hold a thread of the shared cooperative pool for seconds and
      // starve tests that run in parallel and measure time (track-devices, timeouts).
      if iteration % 256 == 0 { await Task.yield() }
      var random = generator(for: target.name, iteration: iteration)
      var expected: [Value]? = nil
      let input: [UInt8]
      switch iteration % 16 {
      case 15:
        var bytes: [UInt8] = []
        var values: [Value] = []
        for _ in 0..<(1 + random.below(3)) {
          let record = target.corpus[random.below(target.corpus.count)]
          bytes += record.bytes
          values.append(record.value)
        }
        (input, expected) = (bytes, values)
      case 0, 4, 8, 12: input = randomBytes(alphabet: target.alphabet, using: &random)
      default: input = mutate(target, using: &random)
      }
      let verdict = check(input, expected, &random)
      tally[verdict.outcome, default: 0] += 1
      if let failure = verdict.failure {
        let reproduce = "ADBWIRE_FUZZ_SEED=0x\(String(seed, radix: 16)), iteration \(iteration)"
        Issue.record(
          "\(target.name): \(failure). Reproduce: \(reproduce), input [\(input.hexSummary(limit: 96))]",
          sourceLocation: sourceLocation)
        failures += 1
        if failures == 5 { return }
      }
    }
    for outcome in target.outcomes {
      #expect(
        tally[outcome, default: 0] >= iterations / 100, "\(target.name): \(tally)", sourceLocation: sourceLocation)
    }
  }

  static func randomBytes(alphabet: [UInt8], using random: inout SplitMix64) -> [UInt8] {
    let count = random.below(random.chance(1, in: 8) ? 600 : 48)
    if !alphabet.isEmpty && random.chance(1, in: 2) {
      return (0..<count).map { _ in alphabet[random.below(alphabet.count)] }
    }
    return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
  }

  /// One to three stacked mutations of a valid record, sometimes spliced with another.
  static func mutate<Value>(_ target: FuzzTarget<Value>, using random: inout SplitMix64) -> [UInt8] {
    var bytes = target.corpus[random.below(target.corpus.count)].bytes
    for _ in 0..<(1 + random.below(3)) {
      let other = target.corpus[random.below(target.corpus.count)].bytes
      switch random.below(8) {
      case 0:  // bit flips
        for _ in 0..<(1 + random.below(4)) where !bytes.isEmpty {
          bytes[random.below(bytes.count)] ^= 1 << UInt8(random.below(8))
        }
      case 1:  // insert a byte
        bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: random.below(bytes.count + 1))
      case 2:  // delete a byte
        if !bytes.isEmpty { bytes.remove(at: random.below(bytes.count)) }
      case 3:  // truncate
        bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
      case 4, 5:  // corrupt a length field
        corruptLength(&bytes, target, using: &random)
      case 6:  // splice: the head of one record, the tail of another
        bytes = Array(bytes.prefix(random.below(bytes.count + 1)) + other.suffix(random.below(other.count + 1)))
      default:  // merge two records, as one read would
        bytes += other
      }
    }
    return bytes
  }

  static func corruptLength<Value>(_ bytes: inout [UInt8], _ target: FuzzTarget<Value>, using random: inout SplitMix64)
  {
    guard !target.lengthOffsets.isEmpty else { return }
    let offset = target.lengthOffsets[random.below(target.lengthOffsets.count)]
    guard offset + 4 <= bytes.count else { return }
    let field: [UInt8]
    if target.hexLengths {
      let digits = Array("0123456789abcdefABCDEFxg -".utf8)
      field = (0..<4).map { _ in random.chance(7, in: 8) ? digits[random.below(16)] : digits[random.below(digits.count)]
      }
    } else {
      let current = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16
      let candidates: [UInt32] = [
        0, 1, UInt32(current + 1), UInt32(max(0, current - 1)), 0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000,
        0x1_0000, 0x1_0001, 0x10_0001, UInt32(truncatingIfNeeded: random.next()),
      ]
      let value = candidates[random.below(candidates.count)]
      field = (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
    bytes.replaceSubrange(offset..<(offset + 4), with: field)
  }

  /// Calls a parser that returns nil (consuming nothing) for "need more bytes" until it returns
  /// nil or throws. Checks progress on success, the no-consumption rule on nil, and the code of a
  /// throw. Returns the values and a failure description.
  static func drain<Value>(
    _ buffer: inout ByteBuffer, allowed: ADBWireError.Code,
    _ read: (inout ByteBuffer) throws(ADBWireError) -> Value?
  ) -> (values: [Value], error: ADBWireError?, failure: String?) {
    var values: [Value] = []
    // Each success consumes at least one byte, so this bound is never reached by a correct parser.
    for _ in 0...buffer.readableBytes {
      let before = buffer
      do {
        guard let value = try read(&buffer) else {
          let unchanged = buffer.readerIndex == before.readerIndex && buffer == before
          return (values, nil, unchanged ? nil : "nil consumed \(buffer.readerIndex - before.readerIndex) bytes")
        }
        guard buffer.readerIndex > before.readerIndex else {
          return (values, nil, "returned \(value) without consuming")
        }
        values.append(value)
      } catch {
        let unchanged = buffer.readerIndex == before.readerIndex
        if error.code != allowed { return (values, error, "threw unexpected \(error)") }
        return (values, error, unchanged ? nil : "throw consumed input")
      }
    }
    return (values, nil, "no end after \(values.count) values: no progress")
  }

  /// Checks a drained sequence against the values of a valid input.
  static func compare<Value: Equatable>(
    _ result: (values: [Value], error: ADBWireError?, failure: String?), expected: [Value]?
  ) -> FuzzVerdict {
    var verdict = FuzzVerdict(result)
    if verdict.failure == nil, let expected {
      if let error = result.error {
        verdict.failure = "valid input threw \(error)"
      } else if result.values != expected {
        verdict.failure = "valid input decoded to \(result.values), expected \(expected)"
      }
    }
    return verdict
  }
}
