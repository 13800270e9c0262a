import Foundation
import VigilCLI

exit(VigilCommand.execute())
