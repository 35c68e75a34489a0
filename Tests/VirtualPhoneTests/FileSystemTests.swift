import Testing

@testable import VirtualPhone

@Suite struct FileSystemTests {
  let fs = PhoneFileSystem.androidLayout(clock: { fixedTime })

  @Test func writesAndReadsFileThroughSdcardSymlink() throws {
    try fs.writeFile(
      "/sdcard/Download/a.txt", contents: Array("hi\n".utf8), mode: 0o100644, mtime: 42, createParents: false)
    #expect(try fs.readFile("/storage/emulated/0/Download/a.txt") == Array("hi\n".utf8))
    let metadata = try fs.stat("/sdcard/Download/a.txt")
    #expect(metadata.kind == .file)
    #expect(metadata.size == 3)
    #expect(metadata.mtime == 42)
    // Emulated storage forces root:sdcard_rw and 0660, whatever mode the writer asked for.
    #expect(metadata.mode == 0o100660)
    #expect(metadata.uid == 0 && metadata.gid == 1015)
  }

  @Test func lstatDescribesSymlinkAndStatFollowsIt() throws {
    let link = try fs.lstat("/sdcard")
    #expect(link.kind == .symlink)
    #expect(link.mode & PhoneFileSystem.Metadata.typeMask == PhoneFileSystem.Metadata.symlinkType)
    #expect(try fs.stat("/sdcard").kind == .directory)
    #expect(try fs.readLink("/sdcard") == "/storage/self/primary")
  }

  @Test func listsSortedWithoutDotEntries() throws {
    let names = try fs.list("/sdcard").map(\.name)
    #expect(names == names.sorted())
    #expect(names.contains("DCIM") && names.contains("Download") && names.contains("Pictures"))
    #expect(!names.contains(".") && !names.contains(".."))
  }

  @Test(arguments: [
    ("/nope", FileSystemError.noSuchFile),
    ("/system/build.prop/x", FileSystemError.notDirectory),
    ("/data", FileSystemError.permissionDenied),
  ])
  func listReportsErrno(path: String, errno: Int32) {
    #expect(throws: FileSystemError(errno: errno, path: path)) { try fs.list(path) }
  }

  @Test func listingAFileIsNotDirectory() {
    #expect(throws: FileSystemError(errno: FileSystemError.notDirectory, path: "/system/build.prop")) {
      try fs.list("/system/build.prop")
    }
  }

  @Test func createParentsMakesDirectories() throws {
    try fs.writeFile("/data/local/tmp/a/b/c.bin", contents: [1, 2, 3], mode: 0o644, mtime: 1, createParents: true)
    #expect(try fs.stat("/data/local/tmp/a/b").kind == .directory)
    #expect(try fs.stat("/data/local/tmp/a/b/c.bin").mode == 0o100644)
    #expect(try fs.stat("/data/local/tmp/a/b/c.bin").uid == 2000)
  }

  @Test func writingOntoADirectoryIsAnError() {
    #expect(throws: FileSystemError(errno: FileSystemError.isDirectory, path: "/sdcard/DCIM")) {
      try fs.writeFile("/sdcard/DCIM", contents: [], mode: 0o644, mtime: 1, createParents: false)
    }
  }

  @Test func systemIsReadOnly() {
    #expect(throws: FileSystemError(errno: FileSystemError.readOnlyFileSystem, path: "/system/x")) {
      try fs.writeFile("/system/x", contents: [], mode: 0o644, mtime: 1, createParents: false)
    }
    #expect(throws: FileSystemError(errno: FileSystemError.readOnlyFileSystem, path: "/system/build.prop")) {
      try fs.remove("/system/build.prop")
    }
  }

  @Test func normalisesDotsAndSlashes() throws {
    try fs.writeFile("/sdcard//Download/./x", contents: [9], mode: 0, mtime: 1, createParents: false)
    #expect(try fs.readFile("/sdcard/DCIM/../Download/x") == [9])
  }

  @Test func appendAndDevNull() throws {
    try fs.appendFile("/data/local/tmp/log", contents: Array("a".utf8))
    try fs.appendFile("/data/local/tmp/log", contents: Array("b".utf8))
    #expect(try fs.readFile("/data/local/tmp/log") == Array("ab".utf8))
    try fs.writeFile("/dev/null", contents: [1, 2], mode: 0o644, mtime: 1, createParents: false)
    #expect(try fs.readFile("/dev/null") == [])
  }

  @Test func removeNeedsRecursiveForDirectoriesAndRmdirNeedsEmpty() throws {
    try fs.makeDirectory("/sdcard/x/y", createParents: true)
    #expect(throws: FileSystemError(errno: FileSystemError.isDirectory, path: "/sdcard/x")) {
      try fs.remove("/sdcard/x")
    }
    #expect(throws: FileSystemError(errno: FileSystemError.notEmpty, path: "/sdcard/x")) {
      try fs.removeDirectory("/sdcard/x")
    }
    try fs.remove("/sdcard/x", recursive: true)
    #expect(!fs.exists("/sdcard/x"))
  }

  @Test func makeDirectoryRejectsExistingWithoutParents() throws {
    #expect(throws: FileSystemError(errno: FileSystemError.exists, path: "/sdcard/DCIM")) {
      try fs.makeDirectory("/sdcard/DCIM", createParents: false)
    }
    try fs.makeDirectory("/sdcard/DCIM", createParents: true)
  }

  @Test func moveRenamesAndRefusesDirectoryIntoItself() throws {
    try fs.writeFile("/sdcard/a", contents: [1], mode: 0o644, mtime: 1, createParents: false)
    try fs.move(from: "/sdcard/a", to: "/sdcard/Download/b")
    #expect(!fs.exists("/sdcard/a"))
    #expect(try fs.readFile("/sdcard/Download/b") == [1])
    #expect(throws: FileSystemError(errno: FileSystemError.invalidArgument, path: "/sdcard/Download/in")) {
      try fs.move(from: "/sdcard/Download", to: "/sdcard/Download/in")
    }
  }

  @Test func inodesAreUniqueAndDirectoryLinksCountSubdirectories() throws {
    let inodes = try fs.list("/sdcard").map(\.metadata.inode)
    #expect(Set(inodes).count == inodes.count)
    let dcim = try fs.stat("/sdcard/DCIM")
    #expect(dcim.linkCount == 3)  // ".", the entry, and Camera's ".."
    #expect(dcim.size == 4096)
  }

  @Test func largeFileReadIsShared() throws {
    let big = [UInt8](repeating: 7, count: 32 << 20)
    try fs.writeFile("/sdcard/big.bin", contents: big, mode: 0o644, mtime: 1, createParents: false)
    let read = try fs.readFile("/sdcard/big.bin")
    #expect(read.count == big.count)
    #expect(read.withUnsafeBufferPointer { $0.baseAddress } == big.withUnsafeBufferPointer { $0.baseAddress })
  }

  @Test func errorMessagesAreBionicStrerror() {
    #expect(FileSystemError(errno: 2, path: "/x").description == "/x: No such file or directory")
    #expect(FileSystemError(errno: 30, path: "/x").message == "Read-only file system")
  }
}
