import VigilBasics
import VigilSema
import VigilSyntax

/// Parses and analyses one in-memory file.
func analyze(_ text: String, kind: SourceKind = .vigil) -> (model: SemanticModel?, diagnostics: [Diagnostic]) {
    var sources = SourceManager()
    let id = sources.add(
        path: "test.\(kind == .solidity ? "sol" : kind == .spec ? "spec" : "vigil")", bytes: Array(text.utf8))
    var ids = NodeIDAllocator()
    let (unit, parseDiagnostics) = Parser.parse(file: sources[id], kind: kind, ids: &ids)
    if parseDiagnostics.contains(where: { $0.severity == .error }) { return (nil, parseDiagnostics) }
    let (model, diagnostics) = SemanticAnalyzer.analyze(units: [unit], sources: sources)
    return (model, parseDiagnostics + diagnostics)
}

/// The ids of the errors of a source.
func errorIDs(_ text: String, kind: SourceKind = .vigil) -> [String] {
    analyze(text, kind: kind).diagnostics.filter { $0.severity == .error }.map(\.id)
}
