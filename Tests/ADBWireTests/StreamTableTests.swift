import Testing

@testable import ADBWire

@Suite struct StreamTableTests {
  // MARK: - Ids

  @Test func allocatesIDsCountingUpFromOne() {
    var table = StreamTable()
    #expect(table.open(service: "shell:ls") == 1)
    #expect(table.open(service: "sync:") == 2)
    #expect(table.accept(remoteID: 77, service: "tcp:8080") == 3)
    #expect(table.count == 3)
    #expect(table[1]?.service == "shell:ls" && table[1]?.remoteID == 0)
    #expect(table[3]?.remoteID == 77)
    #expect(Set(table.all.map(\.localID)) == [1, 2, 3])
  }

  // A late packet for a closed stream must not hit a new one (protocol.md: don't reuse ids).
  @Test func doesNotReuseAClosedIDBeforeWrapping() {
    var table = StreamTable()
    let first = table.open(service: "a")
    #expect(table.remove(localID: first)?.service == "a")
    #expect(table.open(service: "b") == 2)
    #expect(table.remove(localID: first) == nil)
  }

  @Test func wrapsAroundSkippingZeroAndOpenIDs() {
    var table = StreamTable()
    let one = table.open(service: "long-lived")
    #expect(one == 1)
    table.lastLocalID = UInt32.max - 1
    #expect(table.open(service: "x") == UInt32.max)
    // 0 is never an id, and 1 is still open: the next free id is 2.
    #expect(table.open(service: "y") == 2)
    #expect(table.open(service: "z") == 3)
    #expect(table[one]?.service == "long-lived")
    #expect(table[0] == nil)
  }

  // MARK: - Classic flow control

  @Test func cannotWriteBeforeThePeerAnswersOpen() {
    var table = StreamTable()
    let id = table.open(service: "shell:")
    #expect(table[id]?.canWrite == false)
    let known = table.opened(localID: id, remoteID: 9)
    #expect(known)
    #expect(table[id]?.remoteID == 9)
    #expect(table[id]?.canWrite == true)
    #expect(table[id]?.sendCredit == nil)
  }

  // protocol.md: at most one unacknowledged WRTE per stream.
  @Test func allowsOneOutstandingWriteInClassicMode() {
    var table = StreamTable()
    let id = table.accept(remoteID: 5, service: "shell:")
    #expect(table[id]?.canWrite == true)
    table.wrote(localID: id, byteCount: 4096)
    #expect(table[id]?.awaitingAcknowledgement == true)
    #expect(table[id]?.canWrite == false)
    let known = table.acknowledged(localID: id)
    #expect(known)
    #expect(table[id]?.canWrite == true)
    table.wrote(localID: id, byteCount: 1)
    #expect(table[id]?.canWrite == false)
  }

  // MARK: - Delayed ack (docs/dev/delayed_ack.md)

  @Test func spendsAndReturnsDelayedAckCredit() {
    var table = StreamTable()
    let id = table.open(service: "sync:")
    var known = table.opened(localID: id, remoteID: 3, sendWindow: 32 * 1024 * 1024)
    #expect(known)
    #expect(table[id]?.sendCredit == 32 * 1024 * 1024)
    // Writes do not wait for OKAY while credit remains.
    for _ in 0..<31 { table.wrote(localID: id, byteCount: 1024 * 1024) }
    #expect(table[id]?.sendCredit == 1024 * 1024)
    #expect(table[id]?.canWrite == true)
    #expect(table[id]?.awaitingAcknowledgement == false)
    table.wrote(localID: id, byteCount: 1024 * 1024)
    #expect(table[id]?.sendCredit == 0)
    #expect(table[id]?.canWrite == false)
    known = table.acknowledged(localID: id, byteCount: 1)
    #expect(known)
    #expect(table[id]?.canWrite == true)
  }

  @Test func creditCanGoNegativeAndBlocksUntilAcknowledged() {
    var table = StreamTable()
    let id = table.accept(remoteID: 4, service: "shell:", sendWindow: 100)
    #expect(table[id]?.sendCredit == 100)
    // A write may overshoot the window: the sender checks credit > 0 before each write.
    table.wrote(localID: id, byteCount: 250)
    #expect(table[id]?.sendCredit == -150)
    #expect(table[id]?.canWrite == false)
    var known = table.acknowledged(localID: id, byteCount: 150)
    #expect(known)
    #expect(table[id]?.canWrite == false)
    known = table.acknowledged(localID: id, byteCount: 100)
    #expect(known)
    #expect(table[id]?.sendCredit == 100)
    #expect(table[id]?.canWrite == true)
  }

  // MARK: - Unknown ids and teardown

  // protocol.md: ignore any OKAY, WRTE or CLSE aimed at an unknown id.
  @Test func reportsUnknownIDs() {
    var table = StreamTable()
    let id = table.open(service: "a")
    var known = table.opened(localID: id + 1, remoteID: 1)
    #expect(!known)
    known = table.acknowledged(localID: 0)
    #expect(!known)
    known = table.acknowledged(localID: 42, byteCount: 10)
    #expect(!known)
    table.wrote(localID: 42, byteCount: 10)
    #expect(table.count == 1)
    #expect(table.remove(localID: 42) == nil)
    #expect(table[id]?.remoteID == 0)
  }

  @Test func removeAllReturnsAndForgetsEveryStream() {
    var table = StreamTable()
    _ = table.open(service: "a")
    _ = table.accept(remoteID: 8, service: "b")
    let removed = table.removeAll()
    #expect(Set(removed.map(\.service)) == ["a", "b"])
    #expect(table.count == 0 && table.all.isEmpty)
    let known = table.acknowledged(localID: 1)
    #expect(!known)
    // Ids keep counting after a reset, so stale packets cannot hit new streams.
    #expect(table.open(service: "c") == 3)
  }
}
