import Foundation
import VigilCLI

// Each contract is checked in a child process of this executable, so a solver crash never ends the run.
exit(VigilCommand.execute(isolatingContractsWith: URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()))
