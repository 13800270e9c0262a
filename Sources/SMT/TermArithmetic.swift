import BigInt

// Smart constructors for integer arithmetic and comparisons, with SMT-LIB `Int` semantics.

extension Term {
    // MARK: - Arithmetic

    /// `(+ ts…)`: nested sums are flattened (up to `flatteningLimit` operands) and all literal summands are added
    /// into one, placed last; a zero sum is dropped. No summand gives `0`, one gives itself.
    public static func add(_ ts: [Term]) -> Term {
        var operands: [Term] = []
        var constant = BigInt(0)
        var pending = Array(ts.reversed())
        while let t = pending.popLast() {
            switch t.kind {
            case .intLiteral(let value): constant += value
            case .apply(.add, let arguments)
            where operands.count + pending.count + arguments.count <= flatteningLimit:
                pending.append(contentsOf: arguments.reversed())
            default: operands.append(t)
            }
        }
        if constant != 0 || operands.isEmpty { operands.append(int(constant)) }
        return operands.count == 1 ? operands[0] : Term(kind: .apply(.add, operands), sort: .int)
    }

    /// `(+ a b)`, simplified like `add(_:)`.
    public static func add(_ a: Term, _ b: Term) -> Term {
        add([a, b])
    }

    /// `(- a b)`: literals fold, `x - 0` is `x`, and `x - x` is `0`.
    public static func sub(_ a: Term, _ b: Term) -> Term {
        if let left = a.intLiteralValue, let right = b.intLiteralValue { return int(left - right) }
        if b.intLiteralValue == 0 { return a }
        if a == b { return int(0) }
        return Term(kind: .apply(.sub, [a, b]), sort: .int)
    }

    /// `(* a b)`: literals fold, a factor `1` is dropped, and a factor `0` gives `0`.
    public static func mul(_ a: Term, _ b: Term) -> Term {
        if let left = a.intLiteralValue, let right = b.intLiteralValue { return int(left * right) }
        if a.intLiteralValue == 0 || b.intLiteralValue == 0 { return int(0) }
        if a.intLiteralValue == 1 { return b }
        if b.intLiteralValue == 1 { return a }
        return Term(kind: .apply(.mul, [a, b]), sort: .int)
    }

    /// `(- t)`: literals fold and a double negation is removed.
    public static func neg(_ t: Term) -> Term {
        if let value = t.intLiteralValue { return int(-value) }
        if case .apply(.neg, let arguments) = t.kind, arguments.count == 1 { return arguments[0] }
        return Term(kind: .apply(.neg, [t]), sort: .int)
    }

    /// `(div a b)`, SMT-LIB's Euclidean integer division; folds two literals when `b ≠ 0` (division by zero is left
    /// to the solver, where it is an unspecified value), and `x div 1` is `x`.
    public static func div(_ a: Term, _ b: Term) -> Term {
        if let left = a.intLiteralValue, let right = b.intLiteralValue, right != 0 {
            return int(euclideanDivision(left, right).quotient)
        }
        if b.intLiteralValue == 1 { return a }
        return Term(kind: .apply(.div, [a, b]), sort: .int)
    }

    /// `(mod a b)`, SMT-LIB's Euclidean remainder (`0 <= r < |b|`); folds two literals when `b ≠ 0`, and `x mod 1`
    /// is `0`.
    public static func mod(_ a: Term, _ b: Term) -> Term {
        if let left = a.intLiteralValue, let right = b.intLiteralValue, right != 0 {
            return int(euclideanDivision(left, right).remainder)
        }
        if b.intLiteralValue == 1 { return int(0) }
        return Term(kind: .apply(.mod, [a, b]), sort: .int)
    }

    /// SMT-LIB's integer division of `dividend` by a non-zero `divisor`: the unique `quotient` and `remainder` with
    /// `dividend == divisor * quotient + remainder` and `0 <= remainder < |divisor|`.
    ///
    /// This differs from Swift's truncating `/` and `%` when an operand is negative: `-7 div 2` is `-4` and
    /// `-7 mod 2` is `1`.
    public static func euclideanDivision(_ dividend: BigInt, _ divisor: BigInt) -> (quotient: BigInt, remainder: BigInt)
    {
        precondition(divisor != 0, "SMT-LIB division by zero has no fixed value")
        let magnitude = BigInt(divisor.magnitude)
        var remainder = dividend % magnitude
        if remainder < 0 { remainder += magnitude }
        return ((dividend - remainder) / divisor, remainder)
    }

    // MARK: - Comparisons

    /// `(< a b)`: literals fold and `x < x` is `false`.
    public static func lt(_ a: Term, _ b: Term) -> Term {
        comparison(.lt, a, b, sameTerm: false, <)
    }

    /// `(<= a b)`: literals fold and `x <= x` is `true`.
    public static func le(_ a: Term, _ b: Term) -> Term {
        comparison(.le, a, b, sameTerm: true, <=)
    }

    /// `(> a b)`: literals fold and `x > x` is `false`.
    public static func gt(_ a: Term, _ b: Term) -> Term {
        comparison(.gt, a, b, sameTerm: false, >)
    }

    /// `(>= a b)`: literals fold and `x >= x` is `true`.
    public static func ge(_ a: Term, _ b: Term) -> Term {
        comparison(.ge, a, b, sameTerm: true, >=)
    }

    /// Builds a comparison, folding two literals with `fold` and a term compared with itself to `sameTerm`.
    private static func comparison(
        _ op: Op, _ a: Term, _ b: Term, sameTerm: Bool, _ fold: (BigInt, BigInt) -> Bool
    ) -> Term {
        if let left = a.intLiteralValue, let right = b.intLiteralValue { return bool(fold(left, right)) }
        if a == b { return bool(sameTerm) }
        return Term(kind: .apply(op, [a, b]), sort: .bool)
    }
}
