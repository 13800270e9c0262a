import VigilBasics
import VigilSema
import VigilSyntax

/// The front end of a run: loading, parsing and semantic analysis, stopping after the
/// first phase with errors.
public struct FrontEndResult: Sendable {
    public let sources: SourceManager
    public let units: [SourceUnit]
    public let model: SemanticModel?
    public let diagnostics: [Diagnostic]
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

public enum FrontEnd {
    /// Loads the paths (files and folders), parses and analyses them.
    public static func run(paths: [String]) -> FrontEndResult {
        var loader = SourceLoader()
        let files = loader.expand(paths)
        for f in files { loader.load(f) }
        var diagnostics = loader.diagnostics
        if diagnostics.contains(where: { $0.severity == .error }) {
            return FrontEndResult(sources: loader.sources, units: loader.units, model: nil, diagnostics: diagnostics)
        }
        let hasContractOrSpec = loader.units.contains { unit in
            unit.items.contains {
                switch $0 {
                case .contract(let c): return c.kind == .contract
                case .spec: return true
                default: return false
                }
            }
        }
        if !hasContractOrSpec {
            let start = loader.sources.files.first.map { SourceRange(file: $0.id, start: 0, end: 0) }
            diagnostics.append(.error("driver.no-contract", "no contract to check in the given files", at: start))
            return FrontEndResult(sources: loader.sources, units: loader.units, model: nil, diagnostics: diagnostics)
        }
        let (model, semaDiagnostics) = SemanticAnalyzer.analyze(units: loader.units, sources: loader.sources)
        diagnostics += semaDiagnostics
        return FrontEndResult(sources: loader.sources, units: loader.units, model: model, diagnostics: diagnostics)
    }
}
