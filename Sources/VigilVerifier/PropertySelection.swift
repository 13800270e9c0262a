import VigilSema

/// Which properties a check decides: every one, or some per contract (`--shard`, and the
/// properties whose results the cache does not hold).
///
/// A property checked without the others of its contract loses the facts that their checks
/// would have added at each depth, so a `holds` that needed a helper invariant may become
/// `unknown`; a violation is found all the same.
public struct PropertySelection: Sendable, Hashable {
    /// Property names by contract; nil selects every property of every contract.
    public var names: [String: Set<String>]?

    public init(names: [String: Set<String>]?) { self.names = names }

    /// Every property.
    public static let all = PropertySelection(names: nil)

    /// Whether the property of the contract is to be checked.
    public func includes(contract: String, property: String) -> Bool {
        names.map { $0[contract]?.contains(property) ?? false } ?? true
    }

    /// Whether any property of the contract is to be checked.
    public func includes(contract: String) -> Bool {
        names.map { !($0[contract] ?? []).isEmpty } ?? true
    }

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
        let pairs = model.contracts.flatMap { c in declared(in: c).map { (c.name, $0) } }
        var names: [String: Set<String>] = [:]
        for (position, (contract, property)) in pairs.enumerated() where position * count / pairs.count == index {
            names[contract, default: []].insert(property)
        }
        return PropertySelection(names: names)
    }
}
