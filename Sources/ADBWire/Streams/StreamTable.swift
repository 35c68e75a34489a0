/// Bookkeeping of the streams multiplexed over one transport: ids and flow-control credit.
///
/// Ids are always from the sender's point of view: a packet's `arg0` is the sender's id and
/// `arg1` the receiver's (`protocol.md`). Local ids count up from 1 and are not reused while
/// the counter has not wrapped, so a late packet for a closed stream cannot hit a new one.
///
/// Flow control has two modes (`docs/dev/delayed_ack.md`):
/// - classic: at most one unacknowledged WRTE per stream; an empty OKAY acknowledges it;
/// - delayed-ack (both banners list `delayed_ack`): the peer grants a byte window; each WRTE
///   spends its size, each OKAY's 4-byte payload returns acknowledged bytes; the sender keeps
///   writing while its credit is above zero.
public struct StreamTable: Sendable {
  /// One stream's state.
  public struct Stream: Hashable, Sendable {
    /// Our id for the stream.
    public let localID: UInt32
    /// The peer's id; 0 until the peer has answered our OPEN.
    public internal(set) var remoteID: UInt32
    /// The service the stream was opened for, e.g. `shell,v2,raw:ls`.
    public let service: String
    /// Bytes we may still send before waiting (delayed-ack mode), or nil in classic mode.
    public internal(set) var sendCredit: Int?
    /// Classic mode: whether a WRTE waits for its OKAY.
    public internal(set) var awaitingAcknowledgement: Bool

    /// Whether a WRTE may be sent now.
    public var canWrite: Bool {
      guard remoteID != 0 else { return false }
      if let credit = sendCredit { return credit > 0 }
      return !awaitingAcknowledgement
    }
  }

  private var streams: [UInt32: Stream] = [:]
  /// The id handed out last. Internal, not private, so tests can start near `UInt32.max` and
  /// exercise the wrap-around without opening four billion streams.
  var lastLocalID: UInt32 = 0

  /// Creates an empty table.
  public init() {}

  /// How many streams are open or opening.
  public var count: Int { streams.count }

  /// Every stream, in no particular order.
  public var all: Dictionary<UInt32, Stream>.Values { streams.values }

  /// The stream with our id `localID`.
  public subscript(localID: UInt32) -> Stream? { streams[localID] }

  /// Registers a stream we open; returns its local id. Its remote id arrives with the OKAY.
  public mutating func open(service: String) -> UInt32 {
    let id = nextLocalID()
    streams[id] = Stream(localID: id, remoteID: 0, service: service, sendCredit: nil, awaitingAcknowledgement: false)
    return id
  }

  /// Registers a stream the peer opened (its OPEN carried `remoteID`); returns our local id.
  /// - Parameter sendWindow: in delayed-ack mode, the window the peer's OPEN granted (arg1).
  public mutating func accept(remoteID: UInt32, service: String, sendWindow: Int? = nil) -> UInt32 {
    let id = nextLocalID()
    streams[id] = Stream(
      localID: id, remoteID: remoteID, service: service, sendCredit: sendWindow, awaitingAcknowledgement: false)
    return id
  }

  /// Records the peer's OKAY to our OPEN.
  /// - Parameter sendWindow: the window in its payload (delayed-ack), nil in classic mode.
  /// - Returns: false when `localID` is unknown (the OKAY must be ignored).
  public mutating func opened(localID: UInt32, remoteID: UInt32, sendWindow: Int? = nil) -> Bool {
    guard var stream = streams[localID] else { return false }
    stream.remoteID = remoteID
    stream.sendCredit = sendWindow
    streams[localID] = stream
    return true
  }

  /// Records a WRTE of `byteCount` bytes sent on `localID`.
  public mutating func wrote(localID: UInt32, byteCount: Int) {
    guard var stream = streams[localID] else { return }
    if let credit = stream.sendCredit {
      stream.sendCredit = credit - byteCount
    } else {
      stream.awaitingAcknowledgement = true
    }
    streams[localID] = stream
  }

  /// Records an OKAY acknowledging data on `localID`.
  /// - Parameter byteCount: the acknowledged bytes (delayed-ack), nil for a classic empty OKAY.
  /// - Returns: false when `localID` is unknown (the OKAY must be ignored).
  public mutating func acknowledged(localID: UInt32, byteCount: Int? = nil) -> Bool {
    guard var stream = streams[localID] else { return false }
    if let credit = stream.sendCredit {
      stream.sendCredit = credit + (byteCount ?? 0)
    } else {
      stream.awaitingAcknowledgement = false
    }
    streams[localID] = stream
    return true
  }

  /// Forgets a stream; returns it if it was known.
  @discardableResult
  public mutating func remove(localID: UInt32) -> Stream? {
    streams.removeValue(forKey: localID)
  }

  /// Forgets every stream (the transport closed or a new CNXN reset it); returns them.
  public mutating func removeAll() -> [Stream] {
    defer { streams.removeAll() }
    return Array(streams.values)
  }

  private mutating func nextLocalID() -> UInt32 {
    repeat {
      lastLocalID &+= 1
    } while lastLocalID == 0 || streams[lastLocalID] != nil
    return lastLocalID
  }
}
