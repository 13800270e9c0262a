import ArgumentParser

/// `--remap` and `--include-path`: how imports that are not relative resolve, as with solc.
struct ImportOptions: ParsableArguments {
    @Option(
        name: .customLong("remap"),
        help: ArgumentHelp("An import remapping (solc's syntax); repeatable.", valueName: "[context:]prefix=target"))
    var remaps: [String] = []

    @Option(
        name: .customLong("include-path"),
        help: ArgumentHelp("A folder searched for imports that are not relative; repeatable.", valueName: "dir"))
    var includePaths: [String] = []

    /// The options as the loader reads them.
    var settings: ImportSettings {
        ImportSettings(
            remappings: remaps.compactMap { Remapping(parsing: $0, origin: "--remap") }, includePaths: includePaths)
    }

    /// The same options, for a child process.
    var arguments: [String] { remaps.flatMap { ["--remap", $0] } + includePaths.flatMap { ["--include-path", $0] } }

    func validate() throws {
        for r in remaps where Remapping(parsing: r, origin: "--remap") == nil {
            throw ValidationError("--remap takes [context:]prefix=target, not '\(r)'")
        }
    }
}

/// How imports that are not relative resolve, beside a project's own remappings.
struct ImportSettings: Sendable {
    var remappings: [Remapping] = []
    var includePaths: [String] = []
}
