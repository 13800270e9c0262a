import VigilBasics
import VigilSyntax

// Calls with named arguments, `f({b: y, a: x})`: put in the order of the parameters, they
// are ordinary calls (solc evaluates them in that order too).

extension Analyzer {
    /// Checks `f({...})` as the call with its arguments in the parameters' order, which is
    /// recorded for the later stages (`SemanticModel.namedArgumentOrder`).
    func namedCallType(_ e: Expr, callee: Expr, names: [Identifier], arguments: [Expr]) -> SolType {
        guard let parameters = parameterNames(of: callee, count: arguments.count) else {
            bag.add(
                SemaDiagnostics.notSupported(
                    "named arguments for this callee (functions, library functions, interface functions and struct "
                        + "values take them)", e.range))
            for a in arguments { typeOf(a) }
            return .void
        }
        var order: [Int] = []
        var problems: [String] = []
        for p in parameters {
            let given = names.indices.filter { names[$0].name == p }
            if given.count == 1 {
                order.append(given[0])
            } else {
                problems.append(given.isEmpty ? "no '\(p)'" : "'\(p)' twice")
            }
        }
        for n in names where !parameters.contains(n.name) { problems.append("'\(n.name)' is not a parameter") }
        guard problems.isEmpty else {
            bag.error(
                "sema.named-arguments",
                "the named arguments do not match the parameters (\(parameters.joined(separator: ", "))): "
                    + problems.joined(separator: ", "), at: e.range)
            for a in arguments { typeOf(a) }
            return .void
        }
        namedArgumentOrder[e.id] = order
        return callType(e, callee: callee, arguments: order.map { arguments[$0] }, options: nil)
    }

    /// The parameter names of what `callee` calls with `count` arguments: an internal or
    /// library function, an interface function, or a struct's fields; nil for anything else.
    private func parameterNames(of callee: Expr, count: Int) -> [String]? {
        switch callee.kind {
        case .parenthesized(let inner):
            return parameterNames(of: inner, count: count)
        case .identifier(let name) where lookupLocal(name) == nil:
            if let key = current.overloads[name]?.first(where: { current.functions[$0]?.parameterTypes.count == count })
                ?? (current.functions[name] != nil ? name : nil)
            {
                return current.functions[key]?.decl.parameters.map { $0.name?.name ?? "" }
            }
            let key = global(name, from: callee.range.file)
            if let q = qualifiedTypeName(name, in: current.name, from: callee.range.file)
                ?? (structs[key] != nil ? key : nil)
            {
                return structs[q]?.fields.map(\.name)
            }
            return nil
        case .member(let base, let name):
            if let l = libraryKey(base) {
                let key = "\(l).\(name.name)"
                let function =
                    current.overloads[key]?.compactMap { current.functions[$0] }
                    .first { $0.parameterTypes.count == count } ?? current.functions[key]
                return function?.decl.parameters.map { $0.name?.name ?? "" }
            }
            // The receiver's type, without its diagnostics (the call reports them).
            let reported = bag
            let receiver = typeOf(base)
            bag = reported
            guard case .interface(let i) = receiver else { return nil }
            return interfaces[i]?.function(name.name, arguments: count)?.parameterNames
        default:
            return nil
        }
    }
}
