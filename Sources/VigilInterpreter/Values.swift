import BigInt
import VigilSema
import VigilSyntax

/// A concrete value during a replay.
///
/// Integers, addresses, enums and interface values are all `.int`, kept in their type's range by
/// the code that produces them. Mappings hold only the keys written so far; every other key reads
/// as the zero value of the mapping's value type.
enum Value: Hashable, Sendable {
    case int(BigInt)
    case bool(Bool)
    /// A struct's fields in declaration order.
    case structure([Value])
    /// A mapping's written entries by key (booleans as 0 and 1).
    case mapping([BigInt: Value])
    /// No value: a call without a return value, a string, the `bytes` of a low-level call.
    case none
}

/// One step of a path from a state variable (or a local) into its value.
enum PathStep: Hashable, Sendable {
    /// A mapping entry; `valueType` is the type of the entry, for its zero value when absent.
    case key(BigInt, valueType: SolType)
    /// A struct field, by index.
    case field(Int)
}

/// Why execution stopped early.
enum Interruption: Error {
    /// The current frame reverts, with a reason for the trace.
    case revert(String)
    /// The schedule does not fit the contract or the rules of replay.
    case mismatch(String)
    /// A property divided by zero: the property is false.
    case propertyFalse
    /// A quantified property is false by the solver's model, but no candidate value confirms it.
    case unconfirmable(String)
}

// MARK: - Zero values

/// Zero values of types, which need the struct declarations of the model.
struct ZeroValues {
    let structs: [String: StructInfo]

    /// The value a variable of `type` holds before anything is written to it.
    func zero(of type: SolType) -> Value {
        switch type {
        case .uint, .int, .address, .enumType, .interface, .literal, .fixedBytes: .int(0)
        case .bool: .bool(false)
        case .mapping: .mapping([:])
        case .structType(let name): .structure((structs[name]?.fields ?? []).map { zero(of: $0.type) })
        case .tuple(let types): .structure(types.map { zero(of: $0) })
        case .string, .bytes: .structure([.int(0), .mapping([:])])
        case .callResult, .void: .none
        case .function: .int(0)
        }
    }
}

extension Value {
    /// A `bytes` or `string` value of these bytes: a length and the nonzero bytes by index, as an
    /// array of `bytes1` (the interpreter keeps the contents even where the engines do not).
    static func bytes(_ bytes: [UInt8]) -> Value {
        var items: [BigInt: Value] = [:]
        for (i, b) in bytes.enumerated() where b != 0 { items[BigInt(i)] = .int(BigInt(b)) }
        return .structure([.int(BigInt(bytes.count)), .mapping(items)])
    }

    /// True for the zero value of any type (an empty mapping, a struct of zeros).
    var isZero: Bool {
        switch self {
        case .int(let v): v == 0
        case .bool(let b): !b
        case .structure(let fields): fields.allSatisfy(\.isZero)
        case .mapping(let entries): entries.values.allSatisfy(\.isZero)
        case .none: true
        }
    }

    /// The value as a number: integers, addresses, enums; booleans as 0 and 1 (mapping keys).
    func number() throws(Interruption) -> BigInt {
        switch self {
        case .int(let v): return v
        case .bool(let b): return b ? 1 : 0
        default: throw .mismatch("internal: expected a number, found \(self.kindName)")
        }
    }

    func boolean() throws(Interruption) -> Bool {
        if case .bool(let b) = self { return b }
        throw .mismatch("internal: expected a boolean, found \(self.kindName)")
    }

    var kindName: String {
        switch self {
        case .int: "a number"
        case .bool: "a boolean"
        case .structure: "a struct"
        case .mapping: "a mapping"
        case .none: "no value"
        }
    }
}

// MARK: - Paths

extension Value {
    /// The value at `steps` below this one; absent mapping entries read as zero values.
    func read(_ steps: ArraySlice<PathStep>, zeros: ZeroValues) throws(Interruption) -> Value {
        guard let step = steps.first else { return self }
        switch (step, self) {
        case (.key(let k, let valueType), .mapping(let entries)):
            let entry = entries[k] ?? zeros.zero(of: valueType)
            return try entry.read(steps.dropFirst(), zeros: zeros)
        case (.field(let i), .structure(let fields)):
            guard fields.indices.contains(i) else { throw .mismatch("internal: no field \(i)") }
            return try fields[i].read(steps.dropFirst(), zeros: zeros)
        case (_, .none):
            throw Self.environmentBytes
        default:
            throw .mismatch("internal: a path does not fit \(kindName)")
        }
    }

    /// The bytes of a `bytes` or `string` value; nil for bytes the environment chose, which a
    /// schedule does not give (`.none`).
    func bytesContents() throws(Interruption) -> [UInt8]? {
        if case .none = self { return nil }
        guard case .structure(let parts) = self, parts.count == 2, case .int(let length) = parts[0],
            case .mapping(let items) = parts[1], length >= 0, length <= BigInt(ReplayLimits.bytesLength)
        else { throw .mismatch("internal: bytes without contents") }
        return try (0..<Int(length)).map { i throws(Interruption) in
            UInt8(clamping: try (items[BigInt(i)] ?? .int(0)).number())
        }
    }

    /// Reading the contents of bytes the environment chose (`msg.data`, a call's returned or
    /// failure data), which a schedule does not give: the engines choose any, the replay cannot.
    static let environmentBytes = Interruption.unconfirmable(
        "the contents of msg.data, or of the data a call returned or failed with, are not replayed")

    /// Replaces the value at `steps` below this one with `new`.
    mutating func write(_ steps: ArraySlice<PathStep>, _ new: Value, zeros: ZeroValues) throws(Interruption) {
        guard let step = steps.first else {
            self = new
            return
        }
        switch (step, self) {
        case (.key(let k, let valueType), .mapping(var entries)):
            self = .none  // keeps `entries` uniquely referenced while it is changed
            var entry = entries[k] ?? zeros.zero(of: valueType)
            do {
                try entry.write(steps.dropFirst(), new, zeros: zeros)
            } catch {
                self = .mapping(entries)
                throw error
            }
            entries[k] = entry
            self = .mapping(entries)
        case (.field(let i), .structure(var fields)):
            guard fields.indices.contains(i) else { throw .mismatch("internal: no field \(i)") }
            self = .none
            do {
                try fields[i].write(steps.dropFirst(), new, zeros: zeros)
            } catch {
                self = .structure(fields)
                throw error
            }
            self = .structure(fields)
        default:
            throw .mismatch("internal: a path does not fit \(kindName)")
        }
    }

    /// The exact sum of every integer leaf (of a mapping, nested mappings included).
    var leafSum: BigInt {
        switch self {
        case .int(let v): v
        case .mapping(let entries): entries.values.reduce(BigInt(0)) { $0 + $1.leafSum }
        case .structure(let fields): fields.reduce(BigInt(0)) { $0 + $1.leafSum }
        case .bool, .none: 0
        }
    }

    /// Every key of this mapping and of the mappings inside it.
    func collectKeys(into keys: inout Set<BigInt>) {
        switch self {
        case .mapping(let entries):
            for (k, v) in entries {
                keys.insert(k)
                v.collectKeys(into: &keys)
            }
        case .structure(let fields):
            for f in fields { f.collectKeys(into: &keys) }
        default:
            break
        }
    }
}
