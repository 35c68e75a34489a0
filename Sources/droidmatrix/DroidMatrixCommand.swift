import ArgumentParser

/// `droidmatrix`: drive Android phones from the command line.
@main
struct DroidMatrixCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "droidmatrix",
    abstract: "Drive fleets of Android phones: ADB commands now, the TikMatrix-compatible server later.",
    subcommands: [
      DevicesCommand.self, ShellCommand.self, PushCommand.self, PullCommand.self, ForwardCommand.self,
      ReverseCommand.self, ConnectCommand.self, DisconnectCommand.self, TrackCommand.self, KeygenCommand.self,
      PubkeyCommand.self, UICommand.self, RunCommand.self, ServeCommand.self,
    ]
  )
}
