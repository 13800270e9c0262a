import BigInt
import SMT
import VigilSema
import VigilSyntax

// `bytes` and `string` values: opaque (a placeholder) unless the run reads their contents; then
// arrays of `bytes1`, a length and the bytes (see `SemanticModel.bytesContents`).

extension SymbolicExecutor {
    /// A literal's value: its bytes, or the opaque placeholder.
    func bytesValue(_ bytes: [UInt8]) -> SymbolicValue {
        guard model.bytesContents else { return .scalar(.int(0)) }
        var items = Term.constArray(index: .int, value: .int(0))
        for (i, b) in bytes.enumerated() where b != 0 { items = Term.store(items, .int(BigInt(i)), .int(BigInt(b))) }
        return .record([.scalar(.int(BigInt(bytes.count))), .array(items)])
    }

    /// Bytes the environment chooses (`msg.data`, what a call returned or failed with): any
    /// length and contents, each byte below 256 as far as a schedule can give them.
    func anyBytes(_ name: String) -> SymbolicValue {
        guard model.bytesContents else { return .scalar(.int(0)) }
        return freshArgument(name, .bytes).0
    }

    /// `b[start:end]` of bytes or an array of values in call data: reverts unless `start <= end
    /// <= b.length`; the slice's first `bound` elements are the array's from `start` on (the
    /// bounded engine gives no array more), any later ones any value.
    func slice(_ value: SymbolicValue, start: Term?, end: Term?, bound: Int) -> SymbolicValue {
        guard case .record(let fields) = value, fields.count == 2, let items = fields[1].term else { return value }
        let length = fields[0].scalarTerm
        let from = start ?? .int(0)
        let to = end ?? length
        revert(when: Term.or(Term.gt(from, to), Term.gt(to, length)))
        let sliced = fresh("slice", items.sort)
        for i in 0..<bound {
            let k = Term.int(BigInt(i))
            constraints.append(Term.eq(Term.select(sliced, k), Term.select(items, Term.add(from, k))))
        }
        return .record([.scalar(Term.sub(to, from)), .array(sliced)])
    }

    /// A built-in the engines over-approximate: any value of its type (the types `abi.decode`
    /// names are not evaluated); an encoding or a concatenation has its exact length, where the
    /// contents of bytes are modelled.
    func abstractedBuiltin(_ e: Expr, _ builtin: AbstractedBuiltin, arguments: [Expr]) -> SymbolicValue {
        usedAbstraction = true
        let operands = builtin == .abiDecode ? Array(arguments.prefix(1)) : builtin.encodedOperands(arguments)
        let values = operands.map { ($0, eval($0)) }
        let t = type(of: e)
        guard t == .bytes || t == .string else { return freshArgument(builtin.rawValue, t).0 }
        guard case .record(var fields) = anyBytes(builtin.rawValue) else { return .scalar(.int(0)) }
        if let length = encodedLength(builtin, values) { fields[0] = .scalar(length) }
        return .record(fields)
    }

    /// The length of an encoding or concatenation of `values`; nil when a value's is unknown
    /// here (a struct, an array).
    private func encodedLength(_ builtin: AbstractedBuiltin, _ values: [(Expr, SymbolicValue)]) -> Term? {
        func width(_ t: SolType) -> Int? {
            switch t {
            case .bool, .enumType: 1
            case .uint(let bits), .int(let bits): bits / 8
            case .address, .interface: 20
            case .fixedBytes(let n): n
            case .literal: 32
            default: nil
            }
        }
        func dynamicLength(_ v: SymbolicValue) -> Term? {
            if case .record(let fields) = v, fields.count == 2 { return fields[0].term }
            return nil
        }
        var parts: [Term] = []
        let encoded =
            builtin.startsWithSelector ? values.dropFirst() : values[...]
        for (a, v) in encoded {
            let t = type(of: a)
            let dynamic = t == .bytes || t == .string
            switch builtin {
            case .abiEncodePacked, .bytesConcat, .stringConcat:
                if dynamic {
                    guard let n = dynamicLength(v) else { return nil }
                    parts.append(n)
                } else {
                    guard let w = width(t) else { return nil }
                    parts.append(.int(BigInt(w)))
                }
            default:
                guard dynamic || width(t) != nil else { return nil }
                parts.append(.int(32))
                if dynamic {
                    // Its length word, then its bytes padded to whole words.
                    guard let n = dynamicLength(v) else { return nil }
                    parts.append(Term.add(.int(32), Term.mul(Term.div(Term.add(n, .int(31)), .int(32)), .int(32))))
                }
            }
        }
        if builtin.startsWithSelector { parts.append(.int(4)) }
        return Term.add([.int(0)] + parts)
    }

    /// `bytesN(b)`: the first `n` bytes of `b`, the most significant first, zeros past its end.
    func leadingBytes(_ value: SymbolicValue, _ n: Int) -> Term {
        guard case .record(let fields) = value, fields.count == 2, let items = fields[1].term else { return .int(0) }
        let length = fields[0].scalarTerm
        return Term.add(
            (0..<n).map { i -> Term in
                let byte = Term.ite(Term.lt(.int(BigInt(i)), length), Term.select(items, .int(BigInt(i))), .int(0))
                return Term.mul(byte, .int(BigInt(1) << (8 * (n - 1 - i))))
            })
    }
}
