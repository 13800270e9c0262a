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
    /// The files whose contracts are checked (imported files are only read).
    public let checkedFiles: Set<FileID>
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

public enum FrontEnd {
    /// Why a check of files without a deployable contract is an input error.
    static let noDeployableContract =
        "no deployable contract to check in the given files (abstract contracts, interfaces and libraries are read, "
        + "not checked)"

    /// Loads the paths (files and folders; none means the current folder), parses and analyses them.
    public static func run(paths: [String]) -> FrontEndResult { run(paths: paths, imports: ImportSettings()) }

    /// `requiringContract`: a run with no contract and no spec is an error (for checking; a
    /// file of interfaces parses fine).
    static func run(paths: [String], imports: ImportSettings, requiringContract: Bool = true) -> FrontEndResult {
        var loader = SourceLoader(imports: imports)
        let files = loader.expand(paths.isEmpty ? ["."] : paths)
        for f in files { loader.loadChecked(f) }
        var diagnostics = loader.diagnostics
        func result(_ model: SemanticModel?) -> FrontEndResult {
            FrontEndResult(
                sources: loader.sources, units: loader.units, model: model, diagnostics: diagnostics,
                checkedFiles: loader.checked)
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return result(nil) }
        let hasContractOrSpec = loader.units.contains { unit in
            unit.items.contains {
                switch $0 {
                case .contract(let c): return c.kind == .contract && !c.isAbstract
                case .spec: return true
                default: return false
                }
            }
        }
        if requiringContract, !hasContractOrSpec {
            let start = loader.sources.files.first.map { SourceRange(file: $0.id, start: 0, end: 0) }
            diagnostics.append(.error("driver.no-contract", FrontEnd.noDeployableContract, at: start))
            return result(nil)
        }
        let (model, semaDiagnostics) = SemanticAnalyzer.analyze(
            units: loader.units, sources: loader.sources, checkedFiles: loader.checked,
            importTargets: loader.importTargets)
        diagnostics += semaDiagnostics
        return result(model)
    }
}
