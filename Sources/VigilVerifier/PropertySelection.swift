import VigilSema
import VigilTrace

/// Which properties a check decides: every one, or some per contract (`--shard`, and the
/// properties whose results the cache does not hold).
///
/// A property checked without the others of its contract loses the facts that their checks
/// would have added at each depth, so a `holds` that needed a helper invariant may become
/// `unknown`; a violation is found all the same.
public struct PropertySelection: Sendable, Hashable {
    /// The properties selected; nil selects every property of every contract.
    public var ids: Set<PropertyID>?

    public init(ids: Set<PropertyID>?) { self.ids = ids }

    /// Every property.
    public static let all = PropertySelection(ids: nil)

    /// Whether the property is to be checked.
    public func includes(_ id: PropertyID) -> Bool { ids?.contains(id) ?? true }

    /// Whether any property of the contract is to be checked.
    public func includes(contract: String) -> Bool { ids?.contains { $0.contract == contract } ?? true }

    /// The names of the contract's properties in the order they are checked: invariants,
    /// asserts, ensures, then rules (a rule with `call any` is one name for all its results).
    public static func declared(in contract: ContractInfo) -> [String] {
        contract.invariants.map(\.name) + contract.asserts.map(\.name) + contract.ensures.map(\.name)
            + contract.rules.map(\.name)
    }

    /// Shard `index` (0-based) of `count`: the model's (contract, property) pairs, in order, cut
    /// into `count` consecutive runs whose sizes differ by at most one. Consecutive runs keep a
    /// contract's properties together where they can, so that few contracts are split (a split
    /// contract is encoded once per shard, and its properties lose each other's facts).
    public static func shard(_ index: Int, of count: Int, model: SemanticModel) -> PropertySelection {
        let all = model.contracts.flatMap { c in declared(in: c).map { PropertyID(contract: c.name, name: $0) } }
        return PropertySelection(
            ids: Set(all.enumerated().filter { position, _ in position * count / all.count == index }.map(\.element)))
    }
}
