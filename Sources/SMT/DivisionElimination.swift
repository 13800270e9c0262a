import BigInt

/// Replaces integer division and remainder by a positive literal with linear arithmetic:
/// `x div c` becomes a fresh constant `q` with `c*q <= x < c*q + c`, and `x mod c` becomes
/// `x - c*q` (SMT-LIB's Euclidean meaning, for any `x`). Since exactly one `q` meets its
/// constraints, a Horn clause that quantifies `q` and assumes them means what it meant before;
/// Spacer then sees no `div` or `mod` (on which Z3 4.8.12's Spacer was measured to ignore its
/// resource limit and interrupts). Other divisors are left as they are.
public struct DivisionElimination {
    /// The facts defining the fresh quotients made so far: add them to the clause's body.
    public private(set) var definitions: [Term] = []
    private let fresh: () -> Term
    private var quotients: [Term: Term] = [:]
    private var done: [Term: Term] = [:]

    /// `fresh` makes a new integer constant for each quotient.
    public init(fresh: @escaping () -> Term) {
        self.fresh = fresh
    }

    /// `t` without division or remainder by a positive literal (outside quantifiers); shared
    /// subterms are rewritten once.
    public mutating func rewrite(_ t: Term) -> Term {
        if let known = done[t] { return known }
        let result: Term
        switch t.kind {
        case .apply(let op, let arguments):
            let rewritten = arguments.map { rewrite($0) }
            if op == .div || op == .mod, rewritten.count == 2, (rewritten[1].intLiteralValue ?? 0) > 0 {
                let q = quotient(of: rewritten[0], by: rewritten[1])
                result = op == .div ? q : Term.sub(rewritten[0], Term.mul(rewritten[1], q))
            } else if zip(rewritten, arguments).allSatisfy({ $0 === $1 }) {
                result = t
            } else {
                result = Term(kind: .apply(op, rewritten), sort: t.sort)
            }
        case .constArray(let index, let value):
            let v = rewrite(value)
            result = v === value ? t : Term(kind: .constArray(index: index, value: v), sort: t.sort)
        default:
            // Quantifier bodies stay: a quotient of a bound variable cannot move to the clause.
            result = t
        }
        done[t] = result
        return result
    }

    /// The fresh quotient of `x` by the literal `c`, one per distinct pair.
    private mutating func quotient(of x: Term, by c: Term) -> Term {
        let key = Term(kind: .apply(.div, [x, c]), sort: .int)
        if let q = quotients[key] { return q }
        let q = fresh()
        let scaled = Term.mul(c, q)
        definitions += [Term.le(scaled, x), Term.lt(x, Term.add(scaled, c))]
        quotients[key] = q
        return q
    }
}
