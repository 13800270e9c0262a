/// The sort (type) of an SMT term: the theories Vigil's encoder needs.
public indirect enum Sort: Hashable, Sendable, CustomStringConvertible {
    /// The Boolean sort, SMT-LIB `Bool`.
    case bool
    /// The mathematical (unbounded) integers, SMT-LIB `Int`.
    case int
    /// Arrays from `index` to `element`, SMT-LIB `(Array index element)`.
    case array(index: Sort, element: Sort)

    /// The element sort when this is an array sort, otherwise `nil`.
    public var arrayElement: Sort? {
        if case .array(_, let element) = self { return element }
        return nil
    }

    /// The index sort when this is an array sort, otherwise `nil`.
    public var arrayIndex: Sort? {
        if case .array(let index, _) = self { return index }
        return nil
    }

    /// Whether this is an array sort.
    public var isArray: Bool { arrayIndex != nil }

    /// The sort in SMT-LIB notation, e.g. `(Array Int Bool)`.
    public var description: String {
        switch self {
        case .bool: return "Bool"
        case .int: return "Int"
        case .array(let index, let element): return "(Array \(index) \(element))"
        }
    }
}
