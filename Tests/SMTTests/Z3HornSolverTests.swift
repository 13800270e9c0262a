import SMT
import Testing
import Z3Backend

/// Spacer behind `HornSolver`: safe systems come with interpretations that a fresh solver
/// checks, and a wrong interpretation is rejected.
@Suite struct Z3HornSolverTests {
    let x = Term.constant("x", .int)

    /// `x = 0 => P(x)`, `P(x) && x < 10 => P(x + 1)`, and the query `P(x) && x > bound => false`.
    func counter(bound: Int) throws -> Z3HornSolver {
        let solver = try Z3HornSolver(options: SolverOptions(rlimit: 10_000_000))
        try solver.add(Term.forall([x], Term.implies(Term.eq(x, .int(0)), Term.predicate("P", [x]))))
        try solver.add(
            Term.forall(
                [x],
                Term.implies(
                    Term.and(Term.predicate("P", [x]), Term.lt(x, .int(10))),
                    Term.predicate("P", [Term.add(x, .int(1))]))))
        try solver.add(
            Term.forall([x], Term.implies(Term.and(Term.predicate("P", [x]), Term.gt(x, .int(bound))), .false)))
        return solver
    }

    @Test func aSafeSystemHasACheckedSolution() throws {
        let solver = try counter(bound: 10)
        guard case .safe(let solution) = try solver.solve() else {
            Issue.record("the counter never passes 10, yet the system is not safe")
            return
        }
        #expect(solution.definitions["P"]?.hasPrefix("(define-fun P ((vigil!0 Int)) Bool") == true)
        #expect(try solver.validate(solution) == .valid)
    }

    @Test func aWrongSolutionIsRejected() throws {
        let solver = try counter(bound: 10)
        let everything = HornSolution(definitions: ["P": "(define-fun P ((vigil!0 Int)) Bool true)"])
        guard case .rejected = try solver.validate(everything) else {
            Issue.record("'P is always true' violates the query clause, yet it was accepted")
            return
        }
        let nothing = HornSolution(definitions: ["P": "(define-fun P ((vigil!0 Int)) Bool false)"])
        guard case .rejected = try solver.validate(nothing) else {
            Issue.record("'P is never true' violates the initial clause, yet it was accepted")
            return
        }
    }

    /// A fact conjoined with an interpretation is checked with it: one every derivable value
    /// meets keeps the solution valid, one that excludes the initial value is rejected.
    @Test func aConjoinedFactIsCheckedWithTheInterpretation() throws {
        let solver = try counter(bound: 10)
        let counting = HornSolution(definitions: ["P": "(define-fun P ((vigil!0 Int)) Bool (<= vigil!0 10))"])
        #expect(try solver.validate(counting) == .valid)
        let parameter = Term.constant(HornSolution.parameter(0), .int)
        let nonNegative = try #require(counting.conjoining("P", domain: [.int], Term.ge(parameter, .int(0))))
        #expect(nonNegative.definitions["P"]?.contains("P!found") == true)
        #expect(try solver.validate(nonNegative) == .valid)
        let positive = try #require(counting.conjoining("P", domain: [.int], Term.ge(parameter, .int(1))))
        guard case .rejected = try solver.validate(positive) else {
            Issue.record("'P(x) implies x >= 1' excludes the initial 0, yet it was accepted")
            return
        }
        #expect(counting.conjoining("Q", domain: [.int], .true) == nil)
    }

    @Test func anUnsafeSystemIsUnsafe() throws {
        guard case .unsafe = try counter(bound: 5).solve() else {
            Issue.record("the counter reaches 6, yet the system is not unsafe")
            return
        }
    }

    @Test func aStopSignalRaisedOnAnotherThreadStopsSpacer() throws {
        // `P(x, x²)` for every x, and the query `P(x, 2)`: safe, but only a nonlinear invariant
        // shows it, and Spacer searches on (it ran until interrupted after 3 s when this was written).
        let y = Term.constant("y", .int)
        let stop = StopSignal()
        // The watchdog's deadline is only a safety net: were the signal ignored, the reason would name it.
        let solver = try Z3HornSolver(options: SolverOptions(wallClockMilliseconds: 10_000, stop: stop))
        try solver.add(
            Term.forall(
                [x, y], Term.implies(Term.and(Term.eq(x, .int(0)), Term.eq(y, .int(0))), Term.predicate("P", [x, y]))))
        try solver.add(
            Term.forall(
                [x, y],
                Term.implies(
                    Term.predicate("P", [x, y]),
                    Term.predicate("P", [Term.add(x, .int(1)), Term.add([y, Term.mul(.int(2), x), .int(1)])]))))
        try solver.add(
            Term.forall([x, y], Term.implies(Term.and(Term.predicate("P", [x, y]), Term.eq(y, .int(2))), .false)))
        let (result, elapsed) = try raisingAfter(0.2, stop) { try solver.solve() }
        guard case .unknown(let reason) = result else {
            Issue.record("Spacer decided the nonlinear system instead of being stopped")
            return
        }
        #expect(reason == .stopped)
        #expect(elapsed < .seconds(5))
    }
}
