import BigInt

// Smart constructors for literals, constants and the Boolean connectives. Each simplifies as it builds, so the
// encoder's many guards that turn out to be literal `true` disappear instead of piling up in the query.
//
// None of them checks sorts: an ill-sorted combination is built as is and rejected by the solver.

extension Term {
    // MARK: - Literals and constants

    /// The Boolean literal `true` (one shared object).
    public static let `true` = Term(kind: .boolLiteral(true), sort: .bool)
    /// The Boolean literal `false` (one shared object).
    public static let `false` = Term(kind: .boolLiteral(false), sort: .bool)

    /// The Boolean literal `value`.
    public static func bool(_ value: Bool) -> Term {
        value ? .true : .false
    }

    /// The integer literal `value`.
    public static func int(_ value: BigInt) -> Term {
        Term(kind: .intLiteral(value), sort: .int)
    }

    /// The integer literal `value`.
    public static func int(_ value: Int) -> Term {
        int(BigInt(value))
    }

    /// The constant `name` of sort `sort`; constants with the same name and sort are the same constant to a solver.
    public static func constant(_ name: String, _ sort: Sort) -> Term {
        Term(kind: .constant(name: name, sort: sort), sort: sort)
    }

    // MARK: - Boolean connectives

    /// `(not t)`; folds literals and removes a double negation.
    public static func not(_ t: Term) -> Term {
        switch t.kind {
        case .boolLiteral(let value): return bool(!value)
        case .apply(.not, let arguments) where arguments.count == 1: return arguments[0]
        default: return Term(kind: .apply(.not, [t]), sort: .bool)
        }
    }

    /// The conjunction of `ts`: nested conjunctions are flattened (up to `flatteningLimit` operands), `true` and
    /// repeated conjuncts are dropped, and `false` (or a conjunct next to its negation) makes the result `false`. No
    /// conjunct gives `true`, one gives itself.
    public static func and(_ ts: [Term]) -> Term {
        junction(.and, ts)
    }

    /// The disjunction of `ts`: nested disjunctions are flattened (up to `flatteningLimit` operands), `false` and
    /// repeated disjuncts are dropped, and `true` (or a disjunct next to its negation) makes the result `true`. No
    /// disjunct gives `false`, one gives itself.
    public static func or(_ ts: [Term]) -> Term {
        junction(.or, ts)
    }

    /// The operands of a conjunction, none for `true`, or the term itself.
    public var conjuncts: [Term] {
        if case .apply(.and, let operands) = kind { return operands }
        return boolLiteralValue == true ? [] : [self]
    }

    /// `(and a b)`, simplified like `and(_:)`.
    public static func and(_ a: Term, _ b: Term) -> Term {
        and([a, b])
    }

    /// `(or a b)`, simplified like `or(_:)`.
    public static func or(_ a: Term, _ b: Term) -> Term {
        or([a, b])
    }

    /// `(=> a b)`; a literal on either side, or `a` identical to `b`, folds it away.
    public static func implies(_ a: Term, _ b: Term) -> Term {
        switch (a.boolLiteralValue, b.boolLiteralValue) {
        case (true?, _): return b
        case (false?, _), (_, true?): return .true
        case (_, false?): return not(a)
        default: return a == b ? .true : Term(kind: .apply(.implies, [a, b]), sort: .bool)
        }
    }

    /// `(ite c a b)`: a literal condition picks its branch, equal branches give that branch, a negated condition
    /// swaps the branches, a branch that is itself an `ite` on `c` is short-cut, and a Boolean `ite` with a literal
    /// branch becomes `and`, `or` or `not`.
    public static func ite(_ c: Term, _ a: Term, _ b: Term) -> Term {
        if let condition = c.boolLiteralValue { return condition ? a : b }
        if a == b { return a }
        if case .apply(.not, let arguments) = c.kind, arguments.count == 1 { return ite(arguments[0], b, a) }
        if case .apply(.ite, let arguments) = a.kind, arguments.count == 3, arguments[0] == c {
            return ite(c, arguments[1], b)
        }
        if case .apply(.ite, let arguments) = b.kind, arguments.count == 3, arguments[0] == c {
            return ite(c, a, arguments[2])
        }
        if c.sort == .bool && a.sort == .bool && b.sort == .bool {
            switch (a.boolLiteralValue, b.boolLiteralValue) {
            case (true?, false?): return c
            case (false?, true?): return not(c)
            case (true?, _): return or(c, b)
            case (false?, _): return and(not(c), b)
            case (_, true?): return or(not(c), a)
            case (_, false?): return and(c, a)
            default: break
            }
        }
        return Term(kind: .apply(.ite, [c, a, b]), sort: a.sort)
    }

    // MARK: - Equality

    /// `(= a b)`: identical terms give `true`, two integer or two Boolean literals fold, and a Boolean term compared
    /// with a Boolean literal becomes the term or its negation.
    public static func eq(_ a: Term, _ b: Term) -> Term {
        if a == b { return .true }
        switch (a.kind, b.kind) {
        case (.intLiteral(let left), .intLiteral(let right)): return bool(left == right)
        case (.boolLiteral(let left), .boolLiteral(let right)): return bool(left == right)
        default: break
        }
        if a.sort == .bool && b.sort == .bool {
            if let value = a.boolLiteralValue { return value ? b : not(b) }
            if let value = b.boolLiteralValue { return value ? a : not(a) }
        }
        return Term(kind: .apply(.eq, [a, b]), sort: .bool)
    }

    /// `(distinct ts…)`: fewer than two terms give `true`, two give `(not (= a b))`, a repeated term gives `false`,
    /// and all-literal arguments fold.
    public static func distinct(_ ts: [Term]) -> Term {
        if ts.count < 2 { return .true }
        if ts.count == 2 { return not(eq(ts[0], ts[1])) }
        if Set(ts).count < ts.count { return .false }
        if ts.allSatisfy({ $0.intLiteralValue != nil }) || ts.allSatisfy({ $0.boolLiteralValue != nil }) {
            // Structurally different literals of one kind are different values.
            return .true
        }
        return Term(kind: .apply(.distinct, ts), sort: .bool)
    }

    // MARK: - Flattening

    /// The most operands a flattened `and`, `or` or `+` collects from nested applications of the same operator.
    ///
    /// A nested application that would take the result past this many operands is kept as one operand. This keeps
    /// construction linear on shared DAGs: without it a chain of guards `and(pc, g)` would copy ever longer operand
    /// lists (quadratic), and a doubling `add(t, t)` would flatten to exponentially many summands.
    public static let flatteningLimit = 256

    /// Builds `and` or `or` over `ts` (see `and(_:)` and `or(_:)`).
    private static func junction(_ op: Op, _ ts: [Term]) -> Term {
        let absorbing = op == .or
        var operands: [Term] = []
        var seen: Set<Term> = []
        var pending = Array(ts.reversed())
        while let t = pending.popLast() {
            switch t.kind {
            case .boolLiteral(let value):
                if value == absorbing { return bool(absorbing) }
            case .apply(let innerOp, let arguments)
            where innerOp == op && operands.count + pending.count + arguments.count <= flatteningLimit:
                pending.append(contentsOf: arguments.reversed())
            default:
                if seen.insert(t).inserted { operands.append(t) }
            }
        }
        for operand in operands {
            if case .apply(.not, let arguments) = operand.kind, arguments.count == 1, seen.contains(arguments[0]) {
                return bool(absorbing)
            }
        }
        switch operands.count {
        case 0: return bool(!absorbing)
        case 1: return operands[0]
        default: return Term(kind: .apply(op, operands), sort: .bool)
        }
    }
}
