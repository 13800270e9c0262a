import SMT
import VigilSema

/// The contract's state during symbolic execution: its variables, its ether, and the
/// ghost sums of its integer mappings (kept exact on every write).
struct SymbolicState {
    var variables: [SymbolicValue]
    var balance: Term
    /// `sum(m)` for each mapping with integer leaves and `sum(arr)` for each dynamic integer
    /// array, that is a state variable or a struct field of one.
    var sums: [SumKey: Term]
    /// `sum(m[k])` for each nested mapping, as an array from the first key to the row's sum.
    var rowSums: [Int: Term]

    /// `if c then a else b` for every part; identical parts stay shared.
    static func merge(_ c: Term, _ a: SymbolicState, _ b: SymbolicState) -> SymbolicState {
        if c.boolLiteralValue == true { return a }
        if c.boolLiteralValue == false { return b }
        var out = b
        for i in a.variables.indices { out.variables[i] = mergeValues(c, a.variables[i], b.variables[i]) }
        out.balance = Term.ite(c, a.balance, b.balance)
        for (k, v) in a.sums { out.sums[k] = Term.ite(c, v, b.sums[k]!) }
        for (k, v) in a.rowSums { out.rowSums[k] = Term.ite(c, v, b.rowSums[k]!) }
        return out
    }

    /// Every part as a list of terms: variables (struct fields in order), balance, sums, row sums.
    var flattened: [Term] {
        func terms(_ v: SymbolicValue) -> [Term] {
            switch v {
            case .scalar(let t), .array(let t): [t]
            case .record(let fields): fields.flatMap(terms)
            }
        }
        return variables.flatMap(terms) + [balance] + sums.keys.sorted().map { sums[$0]! }
            + rowSums.keys.sorted().map { rowSums[$0]! }
    }

    /// The state as it is where `condition` holds: each scalar part that is an `ite` on a
    /// condition `condition` implies (all its conjuncts are conjuncts of `condition`, or its
    /// negation is one) is its branch there, so a value written on the path (a lock's
    /// `status = 2`) is the literal it is. Only valid where `condition` holds.
    func resolved(under condition: Term) -> SymbolicState {
        let facts = Set(condition.conjuncts)
        func resolve(_ t: Term) -> Term {
            var current = t
            while case .apply(.ite, let parts) = current.kind, parts.count == 3 {
                if parts[0].conjuncts.allSatisfy(facts.contains) {
                    current = parts[1]
                } else if facts.contains(Term.not(parts[0])) {
                    current = parts[2]
                } else {
                    break
                }
            }
            return current
        }
        func resolve(_ v: SymbolicValue) -> SymbolicValue {
            switch v {
            case .scalar(let t): .scalar(resolve(t))
            case .array: v
            case .record(let fields): .record(fields.map(resolve))
            }
        }
        var out = self
        out.variables = variables.map(resolve)
        out.balance = resolve(balance)
        for (k, v) in sums { out.sums[k] = resolve(v) }
        return out
    }

    /// The state that a choice among `cases` leads to (the first whose condition holds), else `fallback`.
    static func select(_ cases: [(Term, SymbolicState)], else fallback: SymbolicState) -> SymbolicState {
        cases.reversed().reduce(fallback) { merge($1.0, $1.1, $0) }
    }
}

/// What a ghost sum sums: a state variable, or a field of a struct in state reached through
/// `fields` (`pool.shares`: the field indexes in order).
struct SumKey: Hashable, Comparable {
    let variable: Int
    let fields: [Int]

    /// The path from the state variable to what is summed.
    var path: [Accessor] { fields.map { .field($0) } }

    static func < (a: SumKey, b: SumKey) -> Bool {
        a.variable != b.variable ? a.variable < b.variable : a.fields.lexicographicallyPrecedes(b.fields)
    }
}
