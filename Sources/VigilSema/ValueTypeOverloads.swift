import VigilSyntax

// Overloads that differ only in user-defined value types of one underlying type (OpenZeppelin's
// `TransientSlot.tload(BooleanSlot)`, `tload(Uint256Slot)`, ...; `Memory.equal(Pointer, Pointer)`,
// `equal(Slice, Slice)`): `SolType` is the underlying type, so the call is told apart by the
// type each argument is written with.

extension Analyzer {
    /// The user-defined value type a type name names (its last component: `Memory.Slice` is
    /// `Slice`); nil for any other type.
    func valueTypeName(_ t: TypeName) -> String? {
        guard case .named(let id) = t, let simple = id.name.split(separator: ".").last.map(String.init),
            userTypeDecls.values.contains(where: { $0.name.name == simple })
        else { return nil }
        return simple
    }

    /// The user-defined value type `e` is written with: a variable declared with one, a call
    /// of a function that returns one, `T.wrap(...)`; nil for any other expression, or when
    /// unknown.
    func writtenValueType(_ e: Expr) -> String? {
        switch e.kind {
        case .parenthesized(let inner):
            return writtenValueType(inner)
        case .identifier:
            switch references[e.id] {
            case .local(let id)?: return writtenValueTypes[id]
            case .stateVariable(let i)?:
                return current.stateVariables.indices.contains(i)
                    ? valueTypeName(current.stateVariables[i].decl.type) : nil
            default: return nil
            }
        case .call(let callee, _):
            switch calls[e.id] {
            case .internalFunction(let key)?, .boundFunction(let key)?:
                return current.functions[key]?.decl.returns.first.flatMap { valueTypeName($0.type) }
            default:
                if case .member(let base, let name) = callee.kind, name.name == "wrap", let t = writtenName(base) {
                    return t.name.split(separator: ".").last.map(String.init)
                }
                return nil
            }
        default:
            return nil
        }
    }

    /// The overloads among `keys` whose parameters take the value types the arguments are
    /// written with (a value type converts to no other type); all of them when none does.
    func narrowedByValueTypes(_ keys: [String], arguments: [Expr]) -> [String] {
        let written = arguments.map(writtenValueType)
        let narrowed = keys.filter { key in
            guard let parameters = current.functions[key]?.decl.parameters, parameters.count == arguments.count
            else { return false }
            return zip(parameters, written).allSatisfy { p, w in w == nil || valueTypeName(p.type) == w }
        }
        return narrowed.isEmpty ? keys : narrowed
    }
}
