/// Which property a replay checks.
public enum PropertyKind: String, Sendable, Hashable, Codable {
    case invariant
    case assertion = "assert"
    case ensures
    case rule
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
