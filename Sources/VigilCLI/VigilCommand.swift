import ArgumentParser

/// The `vigil` command and its subcommands.
public struct VigilCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vigil",
        abstract: "Check Solidity contracts against properties, under reentrancy.")
    public init() {}
}
