import BigInt
import SMT
import Testing
import Z3Backend

/// Checks, models, scopes and assumptions through the `Solver` protocol, backed by Z3.
@Suite struct Z3SolverTests {
    let x = Term.constant("x", .int)
    let y = Term.constant("y", .int)
    let p = Term.constant("p", .bool)
    let q = Term.constant("q", .bool)

    func makeSolver(_ options: SolverOptions = SolverOptions()) throws -> any Solver {
        try Z3SolverFactory().makeSolver(options: options)
    }

    @Test func nameAndVersion() throws {
        #expect(Z3Backend.version == "4.8.12")
        #expect(try makeSolver().name == "z3 4.8.12")
    }

    @Test func satisfiableQueryHasAModel() throws {
        let solver = try makeSolver()
        try solver.assert(Term.and(Term.gt(x, Term.int(3)), Term.lt(x, Term.int(5))))
        #expect(try solver.check() == .sat)
        #expect(try solver.model().evaluate(x) == .int(4))
    }

    @Test func unsatisfiableQuery() throws {
        let solver = try makeSolver()
        try solver.assert(Term.gt(x, Term.int(3)))
        try solver.assert(Term.lt(x, Term.int(4)))
        #expect(try solver.check() == .unsat)
    }

    @Test func modelsReadLargeAndNegativeIntegersExactly() throws {
        let maxUInt256 = BigInt(1) << 256 - 1
        let minInt256 = -(BigInt(1) << 255)
        let z = Term.constant("z", .int)
        let solver = try makeSolver()
        try solver.assert(Term.eq(x, Term.int(maxUInt256)))
        try solver.assert(Term.eq(y, Term.int(-42)))
        try solver.assert(Term.eq(z, Term.sub(Term.int(minInt256), y)))
        try solver.assert(Term.eq(p, Term.gt(x, y)))
        #expect(try solver.check() == .sat)
        let model = try solver.model()
        #expect(try model.evaluate(x) == .int(maxUInt256))
        #expect(try model.evaluate(y) == .int(-42))
        #expect(try model.evaluate(z).intValue == minInt256 + 42)
        #expect(try model.evaluate(p) == .bool(true))
        #expect(try model.evaluate(Term.add(x, Term.int(1))).intValue == BigInt(1) << 256)
    }

    @Test func modelCompletionGivesUnconstrainedConstantsAValue() throws {
        let solver = try makeSolver()
        try solver.assert(Term.gt(x, Term.int(0)))
        #expect(try solver.check() == .sat)
        let model = try solver.model()
        #expect(try model.evaluate(Term.constant("never mentioned", .int)).intValue != nil)
        #expect(try model.evaluate(Term.constant("flag", .bool)).boolValue != nil)
    }

    @Test func modelsEvaluateSelectsOnArrays() throws {
        let balances = Term.constant("balances", .array(index: .int, element: .int))
        let solver = try makeSolver()
        try solver.assert(Term.eq(Term.select(balances, Term.int(5)), Term.int(42)))
        try solver.assert(Term.eq(Term.select(balances, x), Term.int(-7)))
        #expect(try solver.check() == .sat)
        let model = try solver.model()
        #expect(try model.evaluate(Term.select(balances, Term.int(5))) == .int(42))
        #expect(try model.evaluate(Term.select(balances, x)) == .int(-7))
        #expect(try model.evaluate(Term.select(balances, Term.int(6))).intValue != nil)
        #expect(throws: SolverError.self) { try model.evaluate(balances) }
    }

    @Test func quantifiers() throws {
        let i = Term.constant("i", .int)
        let sevens = Term.constant("sevens", .array(index: .int, element: .int))
        let solver = try makeSolver()
        try solver.assert(Term.forall([i], Term.eq(Term.select(sevens, i), Term.int(7))))
        #expect(try solver.check() == .sat)
        #expect(try solver.model().evaluate(Term.select(sevens, Term.int(3))) == .int(7))

        try solver.assert(Term.exists([i], Term.and(Term.gt(i, Term.int(5)), Term.lt(i, Term.int(4)))))
        #expect(try solver.check() == .unsat)
    }

    @Test func pushAndPopScopeAssertions() throws {
        let solver = try makeSolver()
        try solver.assert(Term.gt(x, Term.int(0)))
        try solver.push()
        try solver.assert(Term.lt(x, Term.int(0)))
        #expect(try solver.check() == .unsat)
        try solver.pop()
        #expect(try solver.check() == .sat)
        try solver.push()
        try solver.assert(Term.eq(x, Term.int(9)))
        #expect(try solver.check() == .sat)
        #expect(try solver.model().evaluate(x) == .int(9))
        try solver.pop()
        #expect(throws: SolverError.self) { try solver.pop() }
    }

    @Test func assumptionsHoldForOneCheckOnly() throws {
        let solver = try makeSolver()
        try solver.assert(Term.implies(p, Term.gt(x, Term.int(5))))
        try solver.assert(Term.implies(q, Term.lt(x, Term.int(3))))
        #expect(try solver.check(assumptions: [p, q]) == .unsat)
        #expect(try solver.check(assumptions: [p]) == .sat)
        #expect(try solver.model().evaluate(x).intValue! > 5)
        #expect(try solver.check(assumptions: [q, Term.not(p)]) == .sat)
        #expect(try solver.model().evaluate(x).intValue! < 3)
        #expect(try solver.check(assumptions: [Term.and(p, q)]) == .unsat)
        #expect(try solver.check() == .sat)
    }

    @Test func modelIsOnlyAvailableAfterSat() throws {
        let solver = try makeSolver()
        #expect(throws: SolverError.self) { try solver.model() }
        try solver.assert(Term.false)
        #expect(try solver.check() == .unsat)
        #expect(throws: SolverError.self) { try solver.model() }
    }

    @Test func sharedSubtermsAreTranslatedOnce() throws {
        // As a tree this formula has about 2^200 nodes; as a DAG, 600.
        var formula = Term.constant("b0", .bool)
        for level in 1...200 {
            let left = Term.constant("l\(level)", .bool)
            let right = Term.constant("r\(level)", .bool)
            formula = Term.or(Term.and(left, formula), Term.and(right, formula))
        }
        let solver = try makeSolver()
        try solver.assert(formula)
        try solver.assert(Term.not(Term.constant("b0", .bool)))
        #expect(try solver.check() == .unsat)
    }

    @Test func resourceUsageGrowsWithChecks() throws {
        let solver = try makeSolver()
        let before = solver.resourceUsage
        try solver.assert(Term.eq(Term.mul(x, Term.int(3)), Term.add(y, Term.int(7))))
        #expect(try solver.check() == .sat)
        #expect(solver.resourceUsage > before)
    }

    @Test func solversOnConcurrentTasksAreIndependent() async throws {
        try await withThrowingTaskGroup(of: BigInt?.self) { group in
            for value in 0..<8 {
                group.addTask {
                    let solver = try Z3SolverFactory().makeSolver(options: SolverOptions())
                    let x = Term.constant("x", .int)
                    try solver.assert(Term.eq(Term.mul(x, Term.int(2)), Term.int(2 * value)))
                    guard try solver.check() == .sat else { return nil }
                    return try solver.model().evaluate(x).intValue
                }
            }
            var found: Set<BigInt> = []
            for try await value in group { if let value { found.insert(value) } }
            #expect(found == Set((0..<8).map { BigInt($0) }))
        }
    }

    @Test func assertionsCanBeDumpedAsSMTLib() throws {
        let solver = try Z3Solver()
        try solver.assert(Term.gt(x, Term.int(3)))
        #expect(try solver.assertionsInSMTLib2().contains("(> x 3)"))
    }
}
