import ADB
import ArgumentParser
import Testing

@testable import droidmatrix

@Suite struct ArgumentParsingTests {
  @Test func shellTakesTheWordsAfterTheDoubleDash() throws {
    let command = try #require(
      try DroidMatrixCommand.parseAsRoot(["shell", "-s", "127.0.0.1:5555", "--", "echo", "a b"]) as? ShellCommand)
    #expect(command.words == ["echo", "a b"])
    #expect(command.target.serial == "127.0.0.1:5555")
  }

  @Test func shellWithoutACommandIsRefused() {
    #expect(throws: (any Error).self) { try DroidMatrixCommand.parseAsRoot(["shell", "-s", "x"]) }
  }

  @Test func serverTakesHostAndPort() throws {
    let command = try #require(
      try DroidMatrixCommand.parseAsRoot(["devices", "-l", "--server", "10.1.2.3:5038"]) as? DevicesCommand)
    #expect(command.long)
    let client = try command.server.client()
    #expect(client.address.host == "10.1.2.3" && client.address.port == 5038)
  }

  @Test func aMalformedServerIsAValidationError() throws {
    let command = try #require(
      try DroidMatrixCommand.parseAsRoot(["devices", "--server", "nowhere"]) as? DevicesCommand)
    #expect(throws: ValidationError.self) { try command.server.client() }
  }

  @Test func pushNeedsASourceAndADestination() {
    #expect(throws: (any Error).self) { try DroidMatrixCommand.parseAsRoot(["push", "only-one"]) }
  }

  @Test func everyCommandIsListedInTheHelp() {
    let help = DroidMatrixCommand.helpMessage()
    for name in ["devices", "shell", "push", "pull", "forward", "reverse", "connect", "disconnect", "track"] {
      #expect(help.contains("  \(name)"), "help does not list \(name)")
    }
  }
}
