import Testing

@testable import VirtualPhone

@Suite struct ShellTokenizerTests {
  let phone = makeTestPhone()

  @Test(arguments: [
    ("echo 'a  b'", "a  b\n"),
    ("echo \"a  b\"", "a  b\n"),
    ("echo a\\ b", "a b\n"),
    ("echo 'it'\\''s'", "it's\n"),
    ("echo \"say \\\"hi\\\" \\$HOME \\\\\"", "say \"hi\" $HOME \\\n"),
    ("echo \"\\n stays\"", "\\n stays\n"),
    ("echo a#b # comment", "a#b\n"),
    ("echo $HOME ${USER}", "/ shell\n"),
    ("echo \"$USER\"x'$USER'", "shellx$USER\n"),
    ("echo a;echo b", "a\nb\n"),
    ("echo   spaced    out  ", "spaced out\n"),
    ("echo ''", "\n"),
    ("echo $NOPE end", "end\n"),
    ("echo $(echo inner)", "inner\n"),
    ("X=1; echo $X", "1\n"),
    ("echo -n no-newline", "no-newline"),
    ("echo -e 'tab\\there'", "tab\there\n"),
    ("echo ~/x", "/x\n"),
  ])
  func expandsLikeSh(line: String, expected: String) {
    let result = phone.sh(line)
    #expect(result.stdoutText == expected)
    #expect(result.exitStatus == 0)
  }

  @Test func unquotedVariableSplitsIntoFields() {
    #expect(phone.sh("A='x  y'; cd /data/local/tmp; touch $A; ls").stdoutText == "x\ny\n")
  }

  @Test func lastStatusExpands() {
    #expect(phone.sh("false; echo $?").stdoutText == "1\n")
    #expect(phone.sh("nosuchcmd 2>/dev/null; echo $?").stdoutText == "127\n")
  }

  @Test(arguments: ["echo 'abc", "echo \"abc", "echo $(echo"])
  func unterminatedQuoteIsSyntaxError(line: String) {
    let result = phone.sh(line)
    #expect(result.exitStatus == 1)
    #expect(result.stderrText.hasPrefix("/system/bin/sh: syntax error: "))
    #expect(result.stdout.isEmpty)
  }

  @Test(arguments: ["| echo", "echo a ||", "; echo", "echo a && && echo b"])
  func misplacedOperatorIsSyntaxError(line: String) {
    let result = phone.sh(line)
    #expect(result.exitStatus == 1)
    #expect(result.stderrText.contains("syntax error"))
  }

  @Test func tokenizerKeepsRedirectionDescriptors() throws {
    let tokens = try ShellTokenizer.tokenize("cmd 2>&1 >out 2>>err")
    #expect(tokens.contains(.redirect(fd: 2, operator: ">&")))
    #expect(tokens.contains(.redirect(fd: nil, operator: ">")))
    #expect(tokens.contains(.redirect(fd: 2, operator: ">>")))
  }

  @Test func globExpandsAgainstFileSystem() {
    _ = phone.sh("touch /sdcard/Download/a.png /sdcard/Download/b.png /sdcard/Download/c.txt")
    #expect(phone.sh("echo /sdcard/Download/*.png").stdoutText == "/sdcard/Download/a.png /sdcard/Download/b.png\n")
    #expect(phone.sh("echo '/sdcard/Download/*.png'").stdoutText == "/sdcard/Download/*.png\n")
    #expect(phone.sh("echo /sdcard/Download/*.gif").stdoutText == "/sdcard/Download/*.gif\n")
    #expect(phone.sh("cd /sdcard/Download && echo ?.txt").stdoutText == "c.txt\n")
  }
}
