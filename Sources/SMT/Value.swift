import BigInt

/// A concrete value read from a model.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    /// A Boolean value.
    case bool(Bool)
    /// An integer value of any size.
    case int(BigInt)

    /// The integer when this is `.int`, otherwise `nil`.
    public var intValue: BigInt? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The Boolean when this is `.bool`, otherwise `nil`.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// `true`, `false` or the integer in decimal.
    public var description: String {
        switch self {
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return value.description
        }
    }
}
