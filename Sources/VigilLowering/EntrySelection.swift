import VigilBasics
import VigilSema

/// Which entry points an encoding needs: a `view` or `pure` function changes nothing, so a
/// transaction calling it matters only when a property is judged inside it.
public enum EntrySelection {
    /// True when an `assert` of the contract lies outside every entry point's own body (in an
    /// internal function or a modifier), so any function may reach it.
    static func hasSharedAsserts(_ contract: ContractInfo) -> Bool {
        contract.asserts.contains { a in !contract.entryPoints.contains { $0.decl.range.contains(a.range) } }
    }

    /// Whether transactions of the main encoding need to pick `f`: every function that can
    /// change state (a `view` or `pure` one only when asserts are shared through internal code).
    public static func matters(_ f: FunctionInfo, in contract: ContractInfo) -> Bool {
        !f.isView || hasSharedAsserts(contract)
    }

    /// `view` and `pure` entry points with properties of their own, each checked in an encoding
    /// of its own so their arithmetic stays out of every other query. A `pure` one depends on its
    /// arguments alone (`isPure`: one call decides it); a `view` one needs the reachable states.
    public static func readOnlyEntryPoints(_ contract: ContractInfo) -> [(function: FunctionInfo, isPure: Bool)] {
        guard !hasSharedAsserts(contract) else { return [] }
        return contract.entryPoints.filter { $0.isView && !properties(of: $0, in: contract).isEmpty }
            .map { ($0, $0.mutability == .pure) }
    }

    /// The names of the state-changing entry points.
    public static func stateChanging(_ contract: ContractInfo) -> Set<String> {
        Set(contract.entryPoints.filter { !$0.isView }.map(\.name))
    }

    /// The names of the `assert@…` and `ensures@…` properties written in `f`.
    public static func properties(of f: FunctionInfo, in contract: ContractInfo) -> Set<String> {
        Set(
            contract.asserts.filter { f.decl.range.contains($0.range) }.map(\.name)
                + contract.ensures.filter { $0.function == f.name }.map(\.name))
    }
}
