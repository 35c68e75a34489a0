public import NIOCore

/// A record the device sends on a `sync:` stream (AOSP `file_sync_protocol.h`).
///
/// Some replies share an id but not a size (`DONE` ends a listing as a 20- or 76-byte record and
/// a pull as an 8-byte one), so reading needs to know which request it answers: a ``Context``.
public enum SyncResponse: Hashable, Sendable {
  /// Reply to `STAT`.
  case stat(SyncStatV1)
  /// Reply to `STA2` or `LST2`; `id` echoes the request.
  case stat2(id: SyncID, SyncStatV2)
  /// One `LIST` entry.
  case dent(name: String, SyncStatV1)
  /// One `LIS2` entry.
  case dent2(name: String, SyncStatV2)
  /// A chunk of a pulled file.
  case data(ByteBuffer)
  /// End of a listing or of a pulled file.
  case done
  /// A push succeeded.
  case okay
  /// The request failed; adbd's words.
  case fail(message: String)

  /// Which request a reply answers, deciding the size of `DONE`.
  public enum Context: Hashable, Sendable {
    /// `STAT`.
    case stat
    /// `STA2` or `LST2`.
    case stat2
    /// `LIST`.
    case list
    /// `LIS2`.
    case list2
    /// `RECV` or `RCV2`.
    case receive
    /// `SEND` or `SND2` after its `DONE`.
    case send
  }

  /// Size of a v1 directory entry before its name: id, mode, size, mtime, namelen.
  static let dentHeaderSize = 20
  /// Size of a v2 directory entry before its name: id, the v2 stat fields, namelen.
  static let dent2HeaderSize = 4 + SyncStatV2.fieldsSize + 4
  /// Longest entry name accepted (Linux `NAME_MAX`).
  static let maxNameLength = 255
}

// MARK: - Writing

extension SyncResponse {
  /// Appends the record to `buffer`, in the size `context` calls for (only `DONE` differs).
  public func write(to buffer: inout ByteBuffer, context: Context) {
    switch self {
    case .stat(let stat):
      buffer.writeInteger(SyncID.stat.rawValue, endianness: .little)
      stat.writeFields(to: &buffer)
    case .stat2(let id, let stat):
      buffer.writeInteger(id.rawValue, endianness: .little)
      stat.writeFields(to: &buffer)
    case .dent(let name, let stat):
      buffer.writeInteger(SyncID.dent.rawValue, endianness: .little)
      stat.writeFields(to: &buffer)
      buffer.writeInteger(UInt32(name.utf8.count), endianness: .little)
      buffer.writeString(name)
    case .dent2(let name, let stat):
      buffer.writeInteger(SyncID.dent2.rawValue, endianness: .little)
      stat.writeFields(to: &buffer)
      buffer.writeInteger(UInt32(name.utf8.count), endianness: .little)
      buffer.writeString(name)
    case .data(var bytes):
      buffer.writeMultipleIntegers(SyncID.data.rawValue, UInt32(bytes.readableBytes), endianness: .little)
      buffer.writeBuffer(&bytes)
    case .done:
      buffer.writeInteger(SyncID.done.rawValue, endianness: .little)
      let padding = context == .list ? Self.dentHeaderSize - 4 : context == .list2 ? Self.dent2HeaderSize - 4 : 4
      buffer.writeRepeatingByte(0, count: padding)
    case .okay:
      buffer.writeMultipleIntegers(SyncID.okay.rawValue, UInt32(0), endianness: .little)
    case .fail(let message):
      buffer.writeMultipleIntegers(SyncID.fail.rawValue, UInt32(message.utf8.count), endianness: .little)
      buffer.writeString(message)
    }
  }
}

// MARK: - Reading

extension SyncResponse {
  /// Reads one record answering a request of `context`, or returns nil (consuming nothing)
  /// when it is incomplete.
  /// - Throws: ``ADBWireError/Code/malformedSyncRecord`` for an id that cannot answer such a
  ///   request, or a length over the protocol's limits.
  public static func read(from buffer: inout ByteBuffer, context: Context) throws(ADBWireError) -> SyncResponse? {
    var reader = buffer
    guard let rawID = reader.readInteger(endianness: .little, as: UInt32.self) else { return nil }
    let id = SyncID(rawValue: rawID)
    let response: SyncResponse?
    switch (id, context) {
    case (.fail, _):
      guard let length = reader.readInteger(endianness: .little, as: UInt32.self) else { return nil }
      guard Int(length) <= SyncLimits.maxFailMessageLength else {
        throw ADBWireError(.malformedSyncRecord, "FAIL message of \(length) bytes")
      }
      response = reader.readBytes(length: Int(length)).map { .fail(message: String(decoding: $0, as: UTF8.self)) }
    case (.stat, .stat):
      response = SyncStatV1.readFields(from: &reader).map { .stat($0) }
    case (.stat2, .stat2), (.lstat2, .stat2):
      response = SyncStatV2.readFields(from: &reader).map { .stat2(id: id, $0) }
    case (.dent, .list):
      guard let stat = SyncStatV1.readFields(from: &reader) else { return nil }
      response = try readName(from: &reader).map { .dent(name: $0, stat) }
    case (.dent2, .list2):
      guard let stat = SyncStatV2.readFields(from: &reader) else { return nil }
      response = try readName(from: &reader).map { .dent2(name: $0, stat) }
    case (.done, .list), (.done, .list2), (.done, .receive):
      let padding = context == .list ? dentHeaderSize - 4 : context == .list2 ? dent2HeaderSize - 4 : 4
      response = reader.readSlice(length: padding).map { _ in .done }
    case (.data, .receive):
      guard let length = reader.readInteger(endianness: .little, as: UInt32.self) else { return nil }
      guard Int(length) <= SyncLimits.maxDataLength else {
        throw ADBWireError(.malformedSyncRecord, "DATA of \(length) bytes, limit \(SyncLimits.maxDataLength)")
      }
      response = reader.readSlice(length: Int(length)).map { .data($0) }
    case (.okay, .send):
      response = reader.readInteger(endianness: .little, as: UInt32.self).map { _ in .okay }
    default:
      throw ADBWireError(.malformedSyncRecord, "unexpected \(id) in reply to a \(context) request")
    }
    if response != nil { buffer = reader }
    return response
  }

  private static func readName(from reader: inout ByteBuffer) throws(ADBWireError) -> String? {
    guard let length = reader.readInteger(endianness: .little, as: UInt32.self) else { return nil }
    guard Int(length) <= maxNameLength else {
      throw ADBWireError(.malformedSyncRecord, "entry name of \(length) bytes")
    }
    return reader.readBytes(length: Int(length)).map { String(decoding: $0, as: UTF8.self) }
  }
}
