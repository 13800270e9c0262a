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
