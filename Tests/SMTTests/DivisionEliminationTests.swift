import SMT
import Testing
import Z3Backend

/// Division and remainder by literals become linear arithmetic over a fresh quotient, with the
/// same meaning (SMT-LIB's Euclidean `div` and `mod`, negative dividends included).
@Suite struct DivisionEliminationTests {
    let x = Term.constant("x", .int)
    let y = Term.constant("y", .int)

    func eliminator() -> DivisionElimination {
        var made = 0
        return DivisionElimination {
            made += 1
            return Term.constant("q\(made)", .int)
        }
    }

    @Test func aQuotientAndARemainderShareOneFreshConstant() {
        var linear = eliminator()
        let t = linear.rewrite(Term.eq(Term.add(Term.div(x, .int(4)), Term.mod(x, .int(4))), y))
        #expect(!t.applies([.div, .mod]))
        #expect(linear.definitions.count == 2)
        #expect(t.constants.map(\.description).sorted() == ["q1", "x", "y"])
    }

    @Test func aSymbolicDivisorStays() {
        var linear = eliminator()
        let t = linear.rewrite(Term.div(x, y))
        #expect(t.applies([.div]))
        #expect(linear.definitions.isEmpty)
    }

    /// For every x in -9...9, the rewritten `x div 4` and `x mod 4` equal Z3's own.
    @Test func theRewriteMeansWhatDivAndModMean() throws {
        for value in -9...9 {
            var linear = eliminator()
            let quotient = linear.rewrite(Term.div(x, .int(4)))
            let remainder = linear.rewrite(Term.mod(x, .int(4)))
            let solver = try Z3Solver()
            try solver.assert(Term.eq(x, .int(value)))
            for d in linear.definitions { try solver.assert(d) }
            let differs = Term.or(
                Term.not(Term.eq(quotient, Term.div(x, .int(4)))), Term.not(Term.eq(remainder, Term.mod(x, .int(4)))))
            try solver.assert(differs)
            #expect(try solver.check() == .unsat, "x = \(value)")
        }
    }
}
