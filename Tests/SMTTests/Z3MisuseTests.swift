import SMT
import Testing
import Z3Backend

/// Misuse becomes a thrown `SolverError` (never a crash or Z3's `exit(1)`), and the solver stays usable after it.
@Suite struct Z3MisuseTests {
    let x = Term.constant("x", .int)
    let p = Term.constant("p", .bool)

    /// Expects `body` to throw a `SolverError` whose message contains `fragment`.
    func expectSolverError(containing fragment: String, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected a SolverError containing '\(fragment)'")
        } catch let error as SolverError {
            #expect(error.message.contains(fragment), "message: \(error.message)")
        } catch {
            Issue.record("expected a SolverError, got \(error)")
        }
    }

    /// After a rejected call the solver must still answer correctly.
    func expectStillUsable(_ solver: any Solver) throws {
        try solver.push()
        try solver.assert(Term.eq(x, Term.int(11)))
        #expect(try solver.check() == .sat)
        #expect(try solver.model().evaluate(x) == .int(11))
        try solver.pop()
    }

    @Test func assertingAnIntegerTermThrows() throws {
        let solver = try Z3Solver()
        expectSolverError(containing: "Bool") { try solver.assert(Term.add(x, Term.int(1))) }
        try expectStillUsable(solver)
    }

    @Test func sortMismatchFromZ3Throws() throws {
        let solver = try Z3Solver()
        let illSorted = Term.eq(p, x)
        #expect(illSorted.op == .eq)
        expectSolverError(containing: "incompatible") { try solver.assert(illSorted) }
        try expectStillUsable(solver)
    }

    @Test func rawTermWithAWrongSortLabelThrows() throws {
        let solver = try Z3Solver()
        let lyingLiteral = Term(kind: .intLiteral(5), sort: .bool)
        expectSolverError(containing: "Bool") { try solver.assert(lyingLiteral) }
        try expectStillUsable(solver)
    }

    @Test func wrongNumberOfArgumentsThrows() throws {
        let solver = try Z3Solver()
        let shortIte = Term(kind: .apply(.ite, [p, x]), sort: .int)
        expectSolverError(containing: "takes 3") { try solver.assert(Term.eq(shortIte, Term.int(0))) }
        try expectStillUsable(solver)
    }

    @Test func selectOnANonArrayThrows() throws {
        let solver = try Z3Solver()
        expectSolverError(containing: "select") {
            try solver.assert(Term.eq(Term.select(x, Term.int(1)), Term.int(0)))
        }
        try expectStillUsable(solver)
    }

    @Test func quantifierBindingANonConstantThrows() throws {
        let solver = try Z3Solver()
        let body = Term.gt(x, Term.int(0))
        let bad = Term(kind: .quantifier(isForall: true, bound: [Term.add(x, Term.int(1))], body: body), sort: .bool)
        expectSolverError(containing: "only constants") { try solver.assert(bad) }
        try expectStillUsable(solver)
    }

    @Test func integerAssumptionThrows() throws {
        let solver = try Z3Solver()
        expectSolverError(containing: "assumption") { _ = try solver.check(assumptions: [x]) }
        try expectStillUsable(solver)
    }

    @Test func popWithoutPushThrows() throws {
        let solver = try Z3Solver()
        expectSolverError(containing: "push") { try solver.pop() }
        try expectStillUsable(solver)
    }
}
