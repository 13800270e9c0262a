import BigInt
import SMT
import Testing

/// Structural equality, cached hashing and the s-expression printer.
@Suite struct TermIdentityTests {
    /// The same formula built twice, as two separate object graphs.
    func buildFormula() -> Term {
        let x = Term.constant("x", .int)
        let a = Term.constant("a", .array(index: .int, element: .int))
        return Term.and(Term.lt(x, Term.int(5)), Term.eq(Term.select(a, x), Term.add(x, Term.int(1))))
    }

    @Test func separatelyBuiltTermsAreEqualWithEqualHashes() {
        let first = buildFormula()
        let second = buildFormula()
        #expect(first !== second)
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(Set([first, second]).count == 1)
    }

    @Test func differentTermsAreNotEqual() {
        #expect(Term.constant("x", .int) != Term.constant("x", .bool))
        #expect(Term.constant("x", .int) != Term.constant("y", .int))
        #expect(Term.int(1) != Term.bool(true))
        #expect(Term.lt(Term.constant("x", .int), Term.int(5)) != Term.le(Term.constant("x", .int), Term.int(5)))
    }

    @Test func deepSharedTermsHashAndCompareWithoutRecursion() {
        func chain() -> Term {
            var array = Term.constant("m", .array(index: .int, element: .int))
            var total = Term.int(0)
            for index in 0..<3_000 {
                let key = Term.constant("k\(index)", .int)
                array = Term.store(array, key, Term.add(Term.select(array, key), Term.int(1)))
                total = Term.ite(Term.lt(total, key), Term.select(array, key), total)
            }
            return Term.eq(total, Term.select(array, Term.int(0)))
        }
        let first = chain()
        let second = chain()
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
    }

    @Test func descriptionIsSMTLib() {
        #expect(buildFormula().description == "(and (< x 5) (= (select a x) (+ x 1)))")
        #expect(Term.int(-3).description == "(- 3)")
        #expect(Term.neg(Term.constant("x", .int)).description == "(- x)")
        #expect(Term.constant("balance of", .int).description == "|balance of|")
        let zeros = Term.constArray(index: .int, value: Term.false)
        #expect(zeros.description == "((as const (Array Int Bool)) false)")
        let i = Term.constant("i", .int)
        let positive = Term.forall([i], Term.implies(Term.gt(i, Term.int(0)), Term.ge(i, Term.int(1))))
        #expect(positive.description == "(forall ((i Int)) (=> (> i 0) (>= i 1)))")
    }

    @Test func descriptionOfADeepTermDoesNotOverflow() {
        var term = Term.constant("x", .int)
        for index in 0..<5_000 { term = Term.ite(Term.constant("c\(index)", .bool), term, Term.int(index)) }
        #expect(term.description.hasPrefix("(ite c4999 (ite c4998"))
    }

    @Test func valueHelpers() {
        #expect(Value.int(5).intValue == 5)
        #expect(Value.int(5).boolValue == nil)
        #expect(Value.bool(true).boolValue == true)
        #expect(Value.bool(true).intValue == nil)
    }
}
