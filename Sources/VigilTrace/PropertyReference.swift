/// Which property a replay checks.
public enum PropertyKind: String, Sendable, Hashable, Codable {
    case invariant
    case assertion = "assert"
    case ensures
    case rule
    /// A built-in check: a panic Solidity raises on a bug (`panic@LINE:COL`).
    case panic
    /// A built-in check on request: an `unchecked` step that wraps (`unchecked@LINE:COL`).
    case unchecked

    /// Asserts and built-in checks: properties that fail where the code reaches them.
    public var isCodeCheck: Bool { [.assertion, .panic, .unchecked].contains(self) }
}

/// A property of a contract, by kind and name (`solvent`, `assert@14`, `ensures@9`, a rule's name).
public struct PropertyReference: Sendable, Hashable, Codable {
    public var kind: PropertyKind
    public var name: String
    public init(kind: PropertyKind, name: String) {
        self.kind = kind
        self.name = name
    }
}

/// A property's identity in a run: its contract, as the run names it (`Vault`, or
/// `vault.sol:Vault` where two files declare one), and its name within it (`solvent`,
/// `assert@14`, `assert@14:9` where two share a line, a rule's `RULE[FUNCTION]`). Results, the
/// model checker's table, selections (`--shard`, the cache), `vigil merge` and SARIF's
/// fingerprints all key by it.
public struct PropertyID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var contract: String
    public var name: String
    public init(contract: String, name: String) {
        self.contract = contract
        self.name = name
    }

    /// `Contract.property`, as reports show it.
    public var description: String { "\(contract).\(name)" }

    /// `Contract/property`: SARIF's fingerprint of the property's results across runs.
    public var fingerprint: String { "\(contract)/\(name)" }

    public static func < (a: PropertyID, b: PropertyID) -> Bool { (a.contract, a.name) < (b.contract, b.name) }
}
