import ArgumentParser

/// The `vigil` command and its subcommands.
public struct VigilCommand: ParsableCommand {
    /// Vigil's version, reported in JSON reports.
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "vigil",
        abstract: "Check Solidity contracts against properties, under reentrancy.",
        discussion: """
            Exit status: 0 nothing violated, 1 a property is violated, 2 bad input or usage, \
            3 nothing violated but some result is unknown.
            """,
        version: version,
        subcommands: [CheckCommand.self, ParseCommand.self],
        defaultSubcommand: CheckCommand.self)

    public init() {}
}
