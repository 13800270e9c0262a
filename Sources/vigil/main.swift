import Foundation
import VigilCLI

// Each contract is checked in a child process of this executable, so a solver crash never ends the run.
let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
exit(VigilCommand.execute(isolatingContractsWith: executable.resolvingSymlinksInPath()))
