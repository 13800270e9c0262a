import ArgumentParser
import Foundation
import VigilVerifier
import Z3Backend

/// The `vigil` command and its subcommands.
public struct VigilCommand: ParsableCommand {
    /// Vigil's version, reported in JSON reports.
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "vigil",
        abstract: "Check Solidity contracts against properties, under reentrancy.",
        discussion: """
            Exit status: 0 nothing violated, 1 a property is violated, 2 bad input or usage, \
            3 nothing violated but some result is unknown, 4 interrupted (nothing violated before).
            """,
        version: "\(version) (z3 \(Z3Backend.version))",
        subcommands: [CheckCommand.self, MergeCommand.self, ReplayCommand.self, ParseCommand.self],
        defaultSubcommand: CheckCommand.self)

    public init() {}

    /// Parses the arguments (the process's when nil), runs the command and returns the exit
    /// status of the README's table: usage errors are 2, like any bad input. With `executable` (the
    /// `vigil` executable itself), `vigil check` checks each contract in a process of its own
    /// (`ContractProcess`).
    public static func execute(_ arguments: [String]? = nil, isolatingContractsWith executable: URL? = nil) -> Int32 {
        ContractProcess.$executable.withValue(executable) { run(arguments) }
    }

    private static func run(_ arguments: [String]?) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            let message = fullMessage(for: error)
            if exitCode(for: error) == .success {
                print(message)
                return 0
            }
            printError(message + "\n")
            return ExitStatus.badInput.rawValue
        }
    }
}

extension ExitStatus {
    /// The status as the argument parser's exit code, to throw from a command.
    var code: ExitCode { ExitCode(rawValue) }
}
