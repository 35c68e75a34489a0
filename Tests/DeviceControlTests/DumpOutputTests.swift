import Testing

@testable import DeviceControl

@Suite struct DumpOutputTests {
  private let document =
    "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?><hierarchy rotation=\"0\">"
    + "<node text=\"Killed\" bounds=\"[0,0][10,10]\" /></hierarchy>"

  /// The error `stdout` (and `status`) produce.
  private func failure(_ stdout: String, status: Int32? = nil) -> DeviceControlError? {
    do {
      _ = try DumpOutput(stdout, exitStatus: status).hierarchy()
      Issue.record("\(stdout.debugDescription) gave a hierarchy")
      return nil
    } catch {
      #expect(error.lastHierarchyXML == stdout)
      return error
    }
  }

  @Test func stripsTheDumpedToLine() throws {
    let screen = try DumpOutput(document + "UI hierchary dumped to: /dev/tty\n", exitStatus: 0).hierarchy()
    #expect(screen.root.text == "Killed")  // A label that reads "Killed" is not a failure.
    #expect(screen.xml == document)
    #expect(try DumpOutput(document + "\nUI hierchary dumped to: /dev/tty\r\n").hierarchy().nodes.count == 1)
    #expect(try DumpOutput(document).hierarchy().nodes.count == 1)
  }

  @Test func skipsNoiseBeforeTheDocument() throws {
    let output = "WARNING: linker: libfoo.so has text relocations\n" + document + "UI hierchary dumped to: /dev/tty"
    #expect(try DumpOutput(output).hierarchy().root.text == "Killed")
  }

  @Test(arguments: [
    ("ERROR: could not get idle state.\n", DumpFailureKind.idleTimeout),
    ("ERROR: null root node returned by UiTestAutomationBridge.\n", .nullRoot),
    (
      "java.lang.IllegalStateException: UiAutomationService android.accessibilityservice.IAccessibilityServiceClient"
        + "$Stub$Proxy@3f2a already registered!\n\tat android.os.Parcel.createException(Parcel.java:2071)\n", .busy
    ),
    ("Killed\n", .killed),
    ("/system/bin/sh: 4242 Killed uiautomator dump /dev/tty\n", .killed),
    ("", .empty),
    ("\n", .empty),
    ("UI hierchary dumped to: /dev/tty\n", .empty),
  ])
  func recognisesEachFailure(stdout: String, kind: DumpFailureKind) {
    let error = failure(stdout, status: 0)
    #expect(error?.code == .dumpFailed)
    #expect(error?.dumpFailureKind == kind)
    #expect(DumpOutput(stdout).failureKind == kind)
  }

  @Test func exitStatus137IsKilledWhateverWasPrinted() {
    #expect(failure("<hierarchy><node", status: 137)?.dumpFailureKind == .killed)
  }

  @Test func aFailingStatusWithUnknownOutputIsAnOtherFailure() {
    let error = failure("sh: uiautomator: inaccessible or not found\n", status: 127)
    #expect(error?.code == .dumpFailed)
    #expect(error?.dumpFailureKind == .other)
    #expect(error?.message.contains("exit status 127") == true)
    #expect(error?.message.contains("inaccessible or not found") == true)
  }

  @Test func garbageWithSuccessIsMalformed() {
    for output in [
      "hello\n", "<hierarchy><node text=\"cut", "<hierarchy rotation=\"0\" />UI hierchary dumped to: /dev/tty",
    ] {
      let error = failure(output, status: 0)
      #expect(error?.code == .malformedHierarchy)
      #expect(error?.dumpFailureKind == nil)
    }
  }
}
