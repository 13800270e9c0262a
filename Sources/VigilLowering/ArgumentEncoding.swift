import SMT
import VigilSema

/// The terms an entry point's argument (or an external call's returned value) is made of, in the order a schedule records them
/// (`Invocation.arguments`): a value, a struct's fields or a fixed-size array's elements, or a
/// dynamic array's length and then its elements.
public indirect enum ArgumentTerms {
    /// A value of an elementary type (`bytes` and `string` too: an opaque placeholder).
    case value(Term)
    /// A struct's fields, or a fixed-size array's elements, in order.
    case parts([ArgumentTerms])
    /// A dynamic array: its length, then its first elements; the length is at most
    /// `elements.count` (the bounded engine's bound), or any length when there are none.
    case dynamic(length: Term, elements: [ArgumentTerms])
}

extension SymbolicExecutor {
    /// A fresh argument of type `t` for a transaction or a re-entrant call: its value, and the
    /// terms of it a schedule records. A struct or an array in memory or call data is a fresh copy.
    /// The bounded engine gives a dynamic array at most `bounds.loops` elements (results say so);
    /// the Horn encoding any length.
    func freshArgument(_ name: String, _ t: SolType) -> (SymbolicValue, ArgumentTerms) {
        if case .structType = model.layoutType(t) {
            let value = freshLike(layout.zero(t), name)
            return (value, argumentTerms(value, model.layoutType(t)))
        }
        if case .tuple(let types) = t {
            let parts = types.map { freshArgument(name, $0) }
            return (.record(parts.map(\.0)), .parts(parts.map(\.1)))
        }
        let term = freshValue(name, t)
        return (.scalar(term), .value(term))
    }

    /// Constrains a fresh struct or array value to its type and lists the terms of it a schedule records.
    private func argumentTerms(_ value: SymbolicValue, _ t: SolType) -> ArgumentTerms {
        switch (value, t) {
        case (.scalar(let term), _):
            constrain(term, to: t)
            return .value(term)
        case (.record(let fields), .structType(let name)):
            guard let array = model.array(t) else {
                let types = model.structs[name]?.fields.map(\.type) ?? []
                return .parts(zip(fields, types).map { argumentTerms($0, $1) })
            }
            let length = fields[0].scalarTerm
            let items = fields[1]
            // `bytes` and `string` hold up to 64 bytes in the bounded engine (a selector and two words).
            let bound = name == SemanticModel.bytesLayout ? max(bounds.loops, 64) : bounds.loops
            func element(_ i: Int) -> ArgumentTerms {
                argumentTerms(readPath(items, [.index(.int(i))]), array.element)
            }
            if let n = array.size {
                constraints.append(Term.eq(length, .int(n)))
                return .parts((0..<n).map(element))
            }
            constrain(length, to: .uint(256))
            guard horn == nil else { return .dynamic(length: length, elements: []) }
            constraints.append(Term.le(length, .int(bound)))
            return .dynamic(length: length, elements: (0..<bound).map(element))
        default:
            return .value(value.term ?? .int(0))
        }
    }
}
