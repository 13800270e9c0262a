import Foundation
import VigilBasics

/// Writes text to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// Prints diagnostics to standard error (through `write`, e.g. a progress line's), coloured
/// only on a terminal without NO_COLOR.
func printDiagnostics(
    _ diagnostics: [Diagnostic], sources: SourceManager, write: (String) -> Void = printError
) {
    let colored = isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    let renderer = DiagnosticRenderer(sources: sources, colored: colored)
    for d in diagnostics { write(renderer.render(d)) }
}
