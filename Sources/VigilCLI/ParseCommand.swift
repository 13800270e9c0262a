import ArgumentParser
import VigilSyntax
import VigilVerifier

/// `vigil parse`: the front end only.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse and type-check files without checking properties.")

    @Argument(
        help: "Files or folders (.sol, .vigil, .spec); a project folder (foundry.toml); none: the current folder.")
    var paths: [String] = []

    @OptionGroup(title: "Imports")
    var imports: ImportOptions

    @Flag(help: "Print the syntax tree of each file.")
    var dumpAst = false

    func run() throws {
        let result = FrontEnd.run(paths: paths, imports: imports.settings, requiringContract: false)
        printDiagnostics(result.diagnostics, sources: result.sources)
        if dumpAst {
            for unit in result.units { print(ASTDump.dump(unit, sources: result.sources), terminator: "") }
        }
        if result.hasErrors || result.model == nil && !result.diagnostics.isEmpty { throw ExitStatus.badInput.code }
    }
}
