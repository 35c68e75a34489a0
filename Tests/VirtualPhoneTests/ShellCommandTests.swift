import Testing

@testable import VirtualPhone

@Suite struct ShellCommandTests {
  let phone = makeTestPhone()

  // MARK: - Control flow

  @Test(arguments: [
    ("true && echo yes", "yes\n", Int32(0)),
    ("false && echo yes", "", Int32(1)),
    ("false || echo fallback", "fallback\n", Int32(0)),
    ("true || echo no", "", Int32(0)),
    ("false; echo after", "after\n", Int32(0)),
    ("false && echo a || echo b", "b\n", Int32(0)),
    ("echo a; exit 3; echo b", "a\n", Int32(3)),
    ("exit 300", "", Int32(44)),
    ("true && exit 7 || echo no", "", Int32(7)),
    ("! false", "", Int32(0)),
    ("[ -d /sdcard ] && echo dir", "dir\n", Int32(0)),
  ])
  func sequencingSemantics(line: String, stdout: String, status: Int32) {
    let result = phone.sh(line)
    #expect(result.stdoutText == stdout)
    #expect(result.exitStatus == status)
  }

  @Test func unknownCommandIsNotFound127() {
    let result = phone.sh("frobnicate --now")
    #expect(result.exitStatus == 127)
    #expect(result.stderrText == "/system/bin/sh: frobnicate: not found\n")
  }

  @Test func sleepAddsDelayWithoutBlocking() {
    let result = phone.sh("sleep 1.5; sleep 2")
    #expect(result.delay == .milliseconds(3500))
    #expect(result.exitStatus == 0)
  }

  @Test func cdAndPwd() {
    #expect(phone.sh("cd /sdcard/DCIM && pwd").stdoutText == "/sdcard/DCIM\n")
    #expect(phone.sh("cd /sdcard; cd ..; pwd").stdoutText == "/\n")
    let missing = phone.sh("cd /nope")
    #expect(missing.exitStatus == 2)
    #expect(missing.stderrText == "/system/bin/sh: cd: /nope: No such file or directory\n")
  }

  // MARK: - Redirections and pipes

  @Test func echoToStderrWritesOnlyStderr() {
    let result = phone.sh("echo oops >&2")
    #expect(result.stdout.isEmpty)
    #expect(result.stderrText == "oops\n")
    #expect(phone.sh("echo oops 1>&2").stderrText == "oops\n")
  }

  @Test func stderrCanJoinStdoutOrBeDiscarded() {
    #expect(phone.sh("ls /nope 2>&1").stdoutText == "ls: /nope: No such file or directory\n")
    let quiet = phone.sh("ls /nope 2>/dev/null")
    #expect(quiet.stderr.isEmpty && quiet.exitStatus == 1)
    #expect(phone.sh("echo gone >/dev/null").stdout.isEmpty)
  }

  @Test func outputRedirectionWritesAndAppends() {
    _ = phone.sh("echo one > /sdcard/f.txt; echo two >> /sdcard/f.txt")
    #expect(phone.sh("cat /sdcard/f.txt").stdoutText == "one\ntwo\n")
    #expect(phone.sh("wc -l < /sdcard/f.txt").stdoutText == "2\n")
    _ = phone.sh("ls /nope /sdcard/f.txt > /sdcard/out 2>&1")
    #expect(phone.sh("cat /sdcard/out").stdoutText == "ls: /nope: No such file or directory\n/sdcard/f.txt\n")
  }

  @Test func redirectionIntoMissingDirectoryFails() {
    let result = phone.sh("echo x > /x/y")
    #expect(result.exitStatus == 1)
    #expect(result.stderrText == "/system/bin/sh: can't create /x/y: No such file or directory\n")
  }

  @Test func pipesFeedGrep() {
    let result = phone.sh("dumpsys window | grep mCurrentFocus")
    #expect(result.exitStatus == 0)
    #expect(result.stdoutText.contains("mCurrentFocus=Window{"))
    #expect(
      result.stdoutText.contains(
        "com.google.android.apps.nexuslauncher/com.google.android.apps.nexuslauncher.NexusLauncherActivity}"))
    #expect(result.stdoutText.split(separator: "\n").count == 1)
  }

  @Test(arguments: [
    ("echo -e 'a\nB\nc' | grep -i b", "B\n", Int32(0)),
    ("echo -e 'a\nb\nc' | grep -v b", "a\nc\n", Int32(0)),
    ("echo -e 'a\nb\nab' | grep -c a", "2\n", Int32(0)),
    ("echo 'x' | grep -q y", "", Int32(1)),
    ("echo 'abc123' | grep -E '[0-9]+$'", "abc123\n", Int32(0)),
    ("echo 'a+b' | grep 'a+b'", "a+b\n", Int32(0)),
    ("echo 'a.c' | grep -F .", "a.c\n", Int32(0)),
    ("echo 'one two' | grep -o tw.", "two\n", Int32(0)),
  ])
  func grepOptions(line: String, stdout: String, status: Int32) {
    let result = phone.sh(line)
    #expect(result.stdoutText == stdout)
    #expect(result.exitStatus == status)
  }

  // MARK: - Files

  @Test func lsLongFormat() {
    _ = phone.sh("echo hello > /sdcard/Download/hello.txt")
    let result = phone.sh("ls -l /sdcard/Download")
    #expect(result.stdoutText.hasPrefix("total 4\n-rw-rw---- 1 root sdcard_rw 6 20"))
    #expect(result.stdoutText.hasSuffix(" hello.txt\n"))
    // Fields: "total 4\n-rw…", 1, root, group, size, date, time, name.
    #expect(result.stdoutText.split(separator: " ").count == 9)
    let directory = phone.sh("ls -ld /sdcard/DCIM").stdoutText
    #expect(directory.hasPrefix("drwxrwx--x 3 root sdcard_rw 4096 "))
    #expect(directory.hasSuffix(" /sdcard/DCIM\n"))
    #expect(phone.sh("ls -l /sdcard").stdoutText.hasPrefix("lrwxrwxrwx 1 root root 21 "))
    #expect(phone.sh("ls -l /sdcard").stdoutText.hasSuffix("/sdcard -> /storage/self/primary\n"))
  }

  @Test func lsAlignsColumnsAndListsNamesPerLine() {
    _ = phone.sh("echo a > /sdcard/Music/a; echo 0123456789 > /sdcard/Music/b")
    let lines = phone.sh("ls -l /sdcard/Music").stdoutText.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines[1].contains("sdcard_rw  2 "))
    #expect(lines[2].contains("sdcard_rw 11 "))
    #expect(phone.sh("ls /sdcard/Music").stdoutText == "a\nb\n")
  }

  @Test func lsMissingPathFails() {
    let result = phone.sh("ls /x")
    #expect(result.exitStatus == 1)
    #expect(result.stderrText == "ls: /x: No such file or directory\n")
    #expect(phone.sh("ls /data").stderrText == "ls: /data: Permission denied\n")
  }

  @Test func mkdirRmMvCpTouch() {
    #expect(phone.sh("mkdir /sdcard/a/b").stderrText == "mkdir: /sdcard/a/b: No such file or directory\n")
    #expect(
      phone.sh("mkdir -p /sdcard/a/b && touch /sdcard/a/b/f && ls -R /sdcard/a").stdoutText
        == "/sdcard/a:\nb\n\n/sdcard/a/b:\nf\n")
    let refused = phone.sh("rm /sdcard/a")
    #expect(refused.exitStatus == 1)
    #expect(refused.stderrText == "rm: /sdcard/a: Is a directory\n")
    #expect(phone.sh("mv /sdcard/a/b/f /sdcard/Download && ls /sdcard/Download").stdoutText == "f\n")
    #expect(phone.sh("cp /sdcard/Download/f /sdcard/Download/g && ls /sdcard/Download").stdoutText == "f\ng\n")
    #expect(phone.sh("rm -r /sdcard/a && ls /sdcard/a").exitStatus == 1)
    #expect(phone.sh("rm -f /sdcard/none").exitStatus == 0)
    #expect(phone.sh("rm /sdcard/none").stderrText == "rm: /sdcard/none: No such file or directory\n")
  }

  @Test func statFormats() {
    _ = phone.sh("echo 12345 > /data/local/tmp/s")
    #expect(phone.sh("stat -c %s /data/local/tmp/s").stdoutText == "6\n")
    #expect(phone.sh("stat -c '%A %U %G %F' /data/local/tmp/s").stdoutText == "-rw-rw-rw- shell shell regular file\n")
    let report = phone.sh("stat /sdcard/DCIM").stdoutText
    #expect(report.contains("  File: /sdcard/DCIM\n"))
    #expect(report.contains("directory"))
    #expect(report.contains("Access: (0771/drwxrwx--x)"))
  }

  @Test func catHeadTailWc() {
    _ = phone.sh("echo -e '1\n2\n3\n4' > /sdcard/n")
    #expect(phone.sh("head -n 2 /sdcard/n").stdoutText == "1\n2\n")
    #expect(phone.sh("tail -n 1 /sdcard/n").stdoutText == "4\n")
    #expect(phone.sh("wc -c /sdcard/n").stdoutText == "8 /sdcard/n\n")
    #expect(phone.sh("cat /sdcard/n | wc -l").stdoutText == "4\n")
    #expect(phone.sh("cat", stdin: Array("piped".utf8)).stdoutText == "piped")
    #expect(phone.sh("cat /sdcard/DCIM").stderrText == "cat: /sdcard/DCIM: Is a directory\n")
  }

  // MARK: - Identity

  @Test func identityCommands() {
    #expect(phone.sh("id").stdoutText.hasPrefix("uid=2000(shell) gid=2000(shell) groups=2000(shell),"))
    #expect(phone.sh("whoami").stdoutText == "shell\n")
    #expect(phone.sh("uname -m").stdoutText == "aarch64\n")
    #expect(phone.sh("uname -a").stdoutText.hasPrefix("Linux localhost 5.10"))
    #expect(phone.sh("reboot").rebootRequested)
  }

  @Test func nestedShellsAndToybox() {
    let nested = phone.sh("sh -c 'echo inner; exit 4'; echo $?")
    #expect(nested.stdoutText == "inner\n4\n")
    #expect(phone.sh("toybox ls /sdcard/DCIM").stdoutText == "Camera\n")
    #expect(phone.sh("/system/bin/echo via-path").stdoutText == "via-path\n")
    #expect(phone.sh("/system/bin/nothing").exitStatus == 127)
  }

  @Test func teeCopiesInputToFileAndStdout() {
    #expect(phone.sh("echo hi | tee /sdcard/t").stdoutText == "hi\n")
    #expect(phone.sh("cat /sdcard/t").stdoutText == "hi\n")
  }

  @Test func pipelineStagesRunInSubshells() {
    #expect(phone.sh("cd /sdcard | true; pwd").stdoutText == "/\n")
    #expect(phone.sh("exit 5 | true; echo still").stdoutText == "still\n")
  }
}
