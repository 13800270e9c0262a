import BigInt
import VigilBasics
import VigilSyntax

/// A Solidity type as semantic analysis understands it.
public indirect enum SolType: Hashable, Sendable, CustomStringConvertible {
    /// Unsigned integer of the given bit width (8...256).
    case uint(Int)
    /// Signed integer of the given bit width (8...256).
    case int(Int)
    case bool
    case address(payable: Bool)
    case mapping(key: SolType, value: SolType)
    /// A struct, by qualified name (`Contract.S` or `S` at file level).
    case structType(String)
    /// An enum, by qualified name, with its member count.
    case enumType(String, memberCount: Int)
    /// A value of an interface type (an address seen through the interface).
    case interface(String)
    /// A string literal (messages and event arguments only).
    case string
    /// The `bytes` of a low-level call's return value (never read).
    case bytes
    /// A number literal (or constant expression of literals) before it is used at a type.
    case literal(Rational)
    /// The `(bool, bytes)` a low-level `call` returns.
    case callResult
    /// Several values: what a function with several return values returns, `(a, b)`.
    case tuple([SolType])
    /// `bytes1` ... `bytes32`: N bytes, a number below 2^(8N) whose first byte is the most significant.
    case fixedBytes(Int)
    /// No value (a call of a function without return value, a statement).
    case void
    /// An internal function value (`function (uint256) pure returns (bool)`): which of the
    /// contract's functions it names (see `ContractInfo.functionValues`), 0 for none.
    case function(parameters: [SolType], returns: [SolType])

    public var description: String {
        switch self {
        case .uint(let b): "uint\(b)"
        case .int(let b): "int\(b)"
        case .bool: "bool"
        case .address(let p): p ? "address payable" : "address"
        case .mapping(let k, let v): "mapping(\(k) => \(v))"
        // Arrays are laid out as structs named by their type (`uint256[3]`).
        case .structType(let n): n.hasSuffix("]") ? n : "struct \(n)"
        case .enumType(let n, _): "enum \(n)"
        case .interface(let n): n
        case .string: "string"
        case .bytes: "bytes"
        case .literal(let r): "literal \(r)"
        case .callResult: "(bool, bytes)"
        case .tuple(let ts): "(" + ts.map(\.description).joined(separator: ", ") + ")"
        case .fixedBytes(let n): "bytes\(n)"
        case .void: "()"
        case .function(let ps, let rs):
            "function (\(ps.map(\.description).joined(separator: ", ")))"
                + (rs.isEmpty ? "" : " returns (\(rs.map(\.description).joined(separator: ", ")))")
        }
    }

    /// True for `uintN` and `intN`.
    public var isInteger: Bool {
        switch self {
        case .uint, .int: true
        default: false
        }
    }

    /// Whether a value of the type lives on the stack (no memory or storage behind it).
    public var isValueType: Bool {
        switch self {
        case .uint, .int, .bool, .address, .enumType, .interface, .fixedBytes: true
        default: false
        }
    }

    /// The bytes a value type takes in storage, where several share a slot; nil for the others.
    public var packedSize: Int? {
        switch self {
        case .uint(let bits), .int(let bits): bits / 8
        case .bool, .enumType: 1
        case .address, .interface: 20
        case .fixedBytes(let n): n
        default: nil
        }
    }

    public var isFixedBytes: Bool {
        if case .fixedBytes = self { return true }
        return false
    }

    public var isTuple: Bool {
        if case .tuple = self { return true }
        return false
    }

    public var isSigned: Bool {
        if case .int = self { return true }
        return false
    }

    /// True for types whose values are plain numbers in the encoding and the interpreter:
    /// integers, addresses, enums and interface values.
    public var isNumeric: Bool {
        switch self {
        case .uint, .int, .address, .enumType, .interface, .fixedBytes: true
        default: false
        }
    }

    /// Whether a value of type `other` converts implicitly to this type (as the receiver of a
    /// function bound by `using`): the same type, a narrower integer of the same signedness,
    /// or `address payable` for `address`.
    public func accepts(_ other: SolType) -> Bool {
        switch (self, other) {
        case (.uint(let a), .uint(let b)), (.int(let a), .int(let b)): b <= a
        case (.address(let a), .address(let b)): a == b || !a
        default: self == other
        }
    }

    public var isAddressLike: Bool {
        switch self {
        case .address, .interface: true
        default: false
        }
    }

    /// The smallest value of a numeric type.
    public var minValue: BigInt {
        switch self {
        case .int(let b): -(BigInt(1) << (b - 1))
        default: 0
        }
    }

    /// The largest value of a numeric type (`bool`: 1).
    public var maxValue: BigInt {
        switch self {
        case .uint(let b): (BigInt(1) << b) - 1
        case .fixedBytes(let n): (BigInt(1) << (8 * n)) - 1
        case .int(let b): (BigInt(1) << (b - 1)) - 1
        case .address, .interface: (BigInt(1) << 160) - 1
        case .enumType(_, let n): BigInt(max(0, n - 1))
        default: 1
        }
    }

    /// Whether `v` is a value of this numeric type.
    public func contains(_ v: BigInt) -> Bool { v >= minValue && v <= maxValue }

    /// Bit width of an integer, address (160) or enum (8) type.
    public var bitWidth: Int {
        switch self {
        case .uint(let b), .int(let b): b
        case .fixedBytes(let n): 8 * n
        case .address, .interface: 160
        case .enumType: 8
        default: 1
        }
    }

    /// Wraps a mathematical integer into this integer type, as `unchecked` arithmetic and
    /// explicit conversions do (two's complement for signed types).
    public func wrap(_ v: BigInt) -> BigInt {
        let modulus = BigInt(1) << bitWidth
        var r = v % modulus
        if r < 0 { r += modulus }
        if isSigned, r > maxValue { r -= modulus }
        return r
    }

    /// For a mapping, its value type after all keys: `mapping(a => mapping(b => uint))` → `uint`.
    public var mappingLeaf: SolType {
        if case .mapping(_, let v) = self { return v.mappingLeaf }
        return self
    }
}

extension ElementaryType {
    /// The semantic type of an elementary type name.
    public var solType: SolType {
        switch self {
        case .uint(let b): .uint(b)
        case .int(let b): .int(b)
        case .bool: .bool
        case .address: .address(payable: false)
        case .addressPayable: .address(payable: true)
        case .string: .string
        case .bytes: .bytes
        case .fixedBytes(let n): .fixedBytes(n)
        }
    }
}
