import VigilBasics
import VigilSema

/// Which entry points an encoding needs: a `view` or `pure` function changes nothing, so a
/// transaction calling it matters only when a property is judged inside it.
public enum EntrySelection {
    /// True when `range` lies inside `outer`.
    static func contains(_ outer: SourceRange, _ range: SourceRange) -> Bool {
        outer.file == range.file && outer.start <= range.start && range.end <= outer.end
    }

    /// True when an `assert` of the contract lies outside every entry point's own body (in an
    /// internal function or a modifier), so any function may reach it.
    static func hasSharedAsserts(_ contract: ContractInfo) -> Bool {
        contract.asserts.contains { a in !contract.entryPoints.contains { contains($0.decl.range, a.range) } }
    }

    /// Whether transactions of the main encoding need to pick `f`.
    public static func matters(_ f: FunctionInfo, in contract: ContractInfo) -> Bool {
        if !f.isView { return true }
        if hasSharedAsserts(contract) { return true }
        if f.mutability == .pure { return false }  // checked on its own: see `pureEntryPoints`
        return contract.ensures.contains { $0.function == f.name }
            || contract.asserts.contains { contains(f.decl.range, $0.range) }
    }

    /// `pure` entry points whose properties can be checked with that one function alone: their
    /// behaviour depends on nothing but their arguments.
    public static func pureEntryPoints(_ contract: ContractInfo) -> [FunctionInfo] {
        guard !hasSharedAsserts(contract) else { return [] }
        return contract.entryPoints.filter { $0.mutability == .pure }
    }

    /// The names of the `assert@…` and `ensures@…` properties written in `f`.
    public static func properties(of f: FunctionInfo, in contract: ContractInfo) -> Set<String> {
        Set(
            contract.asserts.filter { contains(f.decl.range, $0.range) }.map(\.name)
                + contract.ensures.filter { $0.function == f.name }.map(\.name))
    }
}
