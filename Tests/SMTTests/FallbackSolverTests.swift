import SMT
import Testing
import Z3Backend

/// `FallbackSolver`: a second solver answers only what the first runs out of budget on, with the same assertions.
@Suite struct FallbackSolverTests {
    let x = Term.constant("x", .int)
    let y = Term.constant("y", .int)

    /// A fallback whose first solver has almost no budget (so every non-trivial check falls back) and whose second
    /// has none at all; `made` counts the second solvers made.
    func starved(made: Counter) throws -> FallbackSolver {
        let first = try Z3SolverFactory().makeSolver(options: SolverOptions(rlimit: 1))
        return FallbackSolver(first: first) {
            made.count += 1
            return try Z3SolverFactory().makeSolver(options: SolverOptions())
        }
    }

    final class Counter { var count = 0 }

    /// x·y = 12 with x, y > 1 and x < y: the first solver exhausts its budget, the second finds (2, 6) or (3, 4).
    var factoring: [Term] {
        [
            Term.eq(Term.mul(x, y), .int(12)), Term.gt(x, .int(1)), Term.gt(y, .int(1)), Term.lt(x, y),
        ]
    }

    @Test func aCheckOutOfBudgetIsAskedAgainWithEveryAssertionInScope() throws {
        let made = Counter()
        let solver = try starved(made: made)
        try solver.assert(factoring[0])
        try solver.push()
        try solver.assert(factoring[1])
        try solver.assert(factoring[2])
        try solver.push()
        try solver.assert(Term.eq(x, .int(5)))
        try solver.pop()
        try solver.assert(factoring[3])
        #expect(made.count == 0)
        #expect(try solver.check() == .sat)
        #expect(made.count == 1)
        let model = try solver.model()
        guard case .int(let a) = try model.evaluate(x), case .int(let b) = try model.evaluate(y) else {
            Issue.record("no integer model")
            return
        }
        #expect(a * b == 12 && a > 1 && a < b)
        // Scopes opened after the fallback are followed by both solvers.
        try solver.push()
        try solver.assert(Term.eq(x, .int(3)))
        #expect(try solver.check() == .sat)
        try solver.assert(Term.eq(y, .int(6)))
        #expect(try solver.check() == .unsat)
        try solver.pop()
        try solver.assert(Term.eq(x, .int(2)))
        #expect(try solver.check() == .sat)
        #expect(made.count == 1)
    }

    @Test func anAnswerOfTheFirstSolverIsFinal() throws {
        let made = Counter()
        let first = try Z3SolverFactory().makeSolver(options: SolverOptions())
        let solver = FallbackSolver(first: first) {
            made.count += 1
            return try Z3SolverFactory().makeSolver(options: SolverOptions())
        }
        try solver.assert(Term.gt(x, .int(1)))
        #expect(try solver.check() == .sat)
        try solver.assert(Term.lt(x, .int(1)))
        #expect(try solver.check() == .unsat)
        #expect(made.count == 0)
    }

    @Test func aStoppedCheckIsNotAskedAgain() throws {
        let made = Counter()
        let stop = StopSignal()
        stop.raise()
        let first = try Z3SolverFactory().makeSolver(options: SolverOptions(stop: stop))
        let solver = FallbackSolver(first: first) {
            made.count += 1
            return try Z3SolverFactory().makeSolver(options: SolverOptions())
        }
        for t in factoring { try solver.assert(t) }
        #expect(try solver.check() == .unknown(reason: .stopped))
        #expect(made.count == 0)
        #expect(throws: SolverError.self) { try solver.model() }
    }
}
