import SMT
import Testing

/// The Boolean smart constructors: flattening, neutral and absorbing literals, `ite` and `eq` folding.
@Suite struct BooleanSimplificationTests {
    let p = Term.constant("p", .bool)
    let q = Term.constant("q", .bool)
    let r = Term.constant("r", .bool)
    let x = Term.constant("x", .int)
    let y = Term.constant("y", .int)

    @Test func andFlattensNestedConjunctionsAndDropsTrue() {
        let conjunction = Term.and([p, .true, Term.and(q, Term.and(r, .true))])
        #expect(conjunction.op == .and)
        #expect(conjunction.arguments == [p, q, r])
    }

    @Test func orFlattensNestedDisjunctionsAndDropsFalse() {
        let disjunction = Term.or([Term.or(p, .false), q, Term.or([r])])
        #expect(disjunction.op == .or)
        #expect(disjunction.arguments == [p, q, r])
    }

    @Test func absorbingLiteralWins() {
        #expect(Term.and([p, .false, q]) == .false)
        #expect(Term.or([p, .true, q]) == .true)
    }

    @Test func emptyAndSingleJunctions() {
        #expect(Term.and([]) == .true)
        #expect(Term.or([]) == .false)
        #expect(Term.and([p]) === p)
        #expect(Term.or([.false, q]) === q)
        #expect(Term.and([.true, .true]) == .true)
    }

    @Test func repeatedOperandsAndComplementsFold() {
        #expect(Term.and(p, p) === p)
        #expect(Term.and([p, q, p]).arguments == [p, q])
        #expect(Term.and(p, Term.not(p)) == .false)
        #expect(Term.or(Term.not(q), q) == .true)
    }

    @Test func flatteningStopsAtTheLimitSoGuardChainsStayLinear() {
        var pathCondition = Term.true
        for index in 0..<5_000 {
            pathCondition = Term.and(pathCondition, Term.constant("g\(index)", .bool))
        }
        #expect(pathCondition.op == .and)
        #expect(pathCondition.arguments.count <= Term.flatteningLimit + 1)
    }

    @Test func notFoldsLiteralsAndDoubleNegation() {
        #expect(Term.not(.true) == .false)
        #expect(Term.not(.false) == .true)
        #expect(Term.not(Term.not(p)) === p)
        #expect(Term.not(p).op == .not)
    }

    @Test func impliesFolds() {
        #expect(Term.implies(.true, p) === p)
        #expect(Term.implies(.false, p) == .true)
        #expect(Term.implies(p, .true) == .true)
        #expect(Term.implies(p, .false) == Term.not(p))
        #expect(Term.implies(p, p) == .true)
        #expect(Term.implies(p, q).op == .implies)
    }

    @Test func iteWithLiteralConditionPicksABranch() {
        #expect(Term.ite(.true, x, y) === x)
        #expect(Term.ite(.false, x, y) === y)
    }

    @Test func iteWithEqualBranchesIsTheBranch() {
        #expect(Term.ite(p, x, Term.constant("x", .int)) == x)
    }

    @Test func booleanIteWithLiteralBranchesBecomesAConnective() {
        #expect(Term.ite(p, .true, .false) === p)
        #expect(Term.ite(p, .false, .true) == Term.not(p))
        #expect(Term.ite(p, .true, q) == Term.or(p, q))
        #expect(Term.ite(p, .false, q) == Term.and(Term.not(p), q))
        #expect(Term.ite(p, q, .true) == Term.or(Term.not(p), q))
        #expect(Term.ite(p, q, .false) == Term.and(p, q))
    }

    @Test func iteNormalisesNegatedConditionsAndNestedItes() {
        #expect(Term.ite(Term.not(p), x, y) == Term.ite(p, y, x))
        let nested = Term.ite(p, Term.ite(p, x, Term.int(1)), y)
        #expect(nested == Term.ite(p, x, y))
        let integerIte = Term.ite(p, x, y)
        #expect(integerIte.op == .ite)
        #expect(integerIte.sort == .int)
    }

    @Test func eqFoldsIdenticalTermsAndLiterals() {
        #expect(Term.eq(x, Term.constant("x", .int)) == .true)
        #expect(Term.eq(Term.int(3), Term.int(3)) == .true)
        #expect(Term.eq(Term.int(3), Term.int(4)) == .false)
        #expect(Term.eq(Term.true, Term.false) == .false)
        #expect(Term.eq(p, .true) === p)
        #expect(Term.eq(.false, p) == Term.not(p))
        #expect(Term.eq(x, y).op == .eq)
    }

    @Test func distinctFolds() {
        #expect(Term.distinct([x]) == .true)
        #expect(Term.distinct([x, y]) == Term.not(Term.eq(x, y)))
        #expect(Term.distinct([x, y, x]) == .false)
        #expect(Term.distinct([Term.int(1), Term.int(2), Term.int(3)]) == .true)
        #expect(Term.distinct([x, y, Term.int(3)]).op == .distinct)
    }
}
