import BigInt
import SMT
import VigilSema

/// A value during symbolic execution. Mappings are SMT arrays; a mapping of structs is a
/// record of arrays (one per field), so `m[k].f` is `select(m.f, k)`.
public indirect enum SymbolicValue: Sendable {
    /// An integer-like value (Int sort) or a bool (Bool sort).
    case scalar(Term)
    /// A mapping whose leaves are scalars (nested mappings are nested arrays).
    case array(Term)
    /// A struct, or a mapping of structs lifted into one array per field.
    case record([SymbolicValue])

    /// The term of a scalar or array; nil for records.
    public var term: Term? {
        switch self {
        case .scalar(let t), .array(let t): t
        case .record: nil
        }
    }

    /// The term of a scalar value.
    var scalarTerm: Term {
        if case .scalar(let t) = self { return t }
        preconditionFailure("expected a scalar value")
    }
}

/// One step of a path into a value.
enum Accessor {
    case index(Term)
    case field(Int)
}

/// The SMT sort and zero value of Solidity types.
struct TypeLayout {
    let structs: [String: StructInfo]
    /// Whether `bytes` and `string` values are arrays of `bytes1` (see `SemanticModel.bytesContents`).
    let bytesContents: Bool

    /// The sort of a scalar or mapping (structs have no single sort).
    func sort(_ t: SolType) -> Sort {
        switch t {
        case .bool: .bool
        case .mapping(_, let v): .array(index: .int, element: sort(v))
        default: .int
        }
    }

    /// The zero value: what state holds before it is written and what `delete` writes.
    /// A mapping of structs becomes a record of mappings, one per field.
    func zero(_ t: SolType) -> SymbolicValue {
        if bytesContents, t == .bytes || t == .string { return zero(.structType(SemanticModel.bytesLayout)) }
        switch t {
        case .structType(let name):
            return .record((structs[name]?.fields ?? []).map { zero($0.type) })
        case .mapping:
            var keys: [SolType] = []
            var leaf = t
            while case .mapping(let k, let v) = leaf {
                keys.append(k)
                leaf = v
            }
            if bytesContents, leaf == .bytes || leaf == .string { leaf = .structType(SemanticModel.bytesLayout) }
            guard case .structType(let name) = leaf else { return .array(scalarZero(t)) }
            return .record(
                (structs[name]?.fields ?? []).map { field in
                    zero(keys.reversed().reduce(field.type) { SolType.mapping(key: $1, value: $0) })
                })
        default:
            return .scalar(scalarZero(t))
        }
    }

    func scalarZero(_ t: SolType) -> Term {
        switch t {
        case .bool: .false

        case .mapping(_, let v): Term.constArray(index: .int, value: scalarZero(v))
        default: .int(0)
        }
    }
}

// MARK: - Reading and writing along paths

/// Reads the value at `path` inside `value`.
func readPath(_ value: SymbolicValue, _ path: ArraySlice<Accessor>) -> SymbolicValue {
    guard let first = path.first else { return value }
    switch (value, first) {
    case (.array(let a), .index(let k)):
        let element = Term.select(a, k)
        let inner: SymbolicValue = element.sort.isArray ? .array(element) : .scalar(element)
        return readPath(inner, path.dropFirst())
    case (.record(let fields), _):
        let indices = path.prefix { if case .index = $0 { return true } else { return false } }
        let rest = path.dropFirst(indices.count)
        if case .field(let i)? = rest.first {
            return readPath(fields[i], indices + rest.dropFirst())
        }
        return .record(fields.map { readPath($0, indices) })
    default:
        preconditionFailure("path does not fit the value")
    }
}

/// Returns `value` with the location at `path` replaced by `new`.
func writePath(_ value: SymbolicValue, _ path: ArraySlice<Accessor>, _ new: SymbolicValue) -> SymbolicValue {
    guard let first = path.first else { return new }
    switch (value, first) {
    case (.array(let a), .index(let k)):
        let element = Term.select(a, k)
        let inner: SymbolicValue = element.sort.isArray ? .array(element) : .scalar(element)
        let updated = writePath(inner, path.dropFirst(), new)
        return .array(Term.store(a, k, updated.term!))
    case (.record(var fields), _):
        let indices = path.prefix { if case .index = $0 { return true } else { return false } }
        let rest = path.dropFirst(indices.count)
        if case .field(let i)? = rest.first {
            fields[i] = writePath(fields[i], indices + rest.dropFirst(), new)
            return .record(fields)
        }
        guard case .record(let newFields) = new else { preconditionFailure("writing a non-record into a record") }
        return .record(zip(fields, newFields).map { writePath($0, indices, $1) })
    default:
        preconditionFailure("path does not fit the value")
    }
}

/// `if c then a else b`, field by field; identical parts stay shared.
func mergeValues(_ c: Term, _ a: SymbolicValue, _ b: SymbolicValue) -> SymbolicValue {
    switch (a, b) {
    case (.scalar(let x), .scalar(let y)): return .scalar(Term.ite(c, x, y))
    case (.array(let x), .array(let y)): return .array(Term.ite(c, x, y))
    case (.record(let xs), .record(let ys)): return .record(zip(xs, ys).map { mergeValues(c, $0, $1) })
    default: preconditionFailure("merging values of different shapes")
    }
}
