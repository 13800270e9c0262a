import Foundation
import SMT
import Testing
import Z3Backend

/// Solver parameters, the resource limit and the wall-clock watchdog.
@Suite struct Z3LimitTests {
    /// x³ + y³ = z³ over positive integers: no solution exists and Z3 cannot prove it, so a check runs until a limit
    /// stops it (it ran for more than 30 s unbounded when this test was written).
    static let fermatCubes: Term = {
        let x = Term.constant("x", .int)
        let y = Term.constant("y", .int)
        let z = Term.constant("z", .int)
        func cube(_ t: Term) -> Term { Term.mul(t, Term.mul(t, t)) }
        return Term.and([
            Term.eq(Term.add(cube(x), cube(y)), cube(z)),
            Term.gt(x, Term.int(0)), Term.gt(y, Term.int(0)), Term.gt(z, Term.int(0)),
        ])
    }()

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

    @Test func misspelledParameterThrows() {
        expectSolverError(containing: "unknown solver parameter 'random_sed' (did you mean 'random_seed'?)") {
            _ = try Z3Solver(options: SolverOptions(parameters: ["random_sed": .uint(7)]))
        }
    }

    @Test func validParameterIsAccepted() throws {
        let solver = try Z3Solver(options: SolverOptions(parameters: ["random_seed": .uint(7), "mbqi": .bool(true)]))
        try solver.assert(Term.gt(Term.constant("x", .int), Term.int(1)))
        #expect(try solver.check() == .sat)
    }

    @Test func parameterOfTheWrongKindThrows() {
        expectSolverError(containing: "'random_seed' takes an unsigned integer, not a Boolean") {
            _ = try Z3Solver(options: SolverOptions(parameters: ["random_seed": .bool(true)]))
        }
    }

    @Test func timeoutAndRlimitParametersAreRefused() {
        expectSolverError(containing: "deadlock") {
            _ = try Z3Solver(options: SolverOptions(parameters: ["timeout": .uint(1000)]))
        }
        expectSolverError(containing: "SolverOptions.rlimit") {
            _ = try Z3Solver(options: SolverOptions(parameters: ["rlimit": .uint(1000)]))
        }
        expectSolverError(containing: "larger than") {
            _ = try Z3Solver(options: SolverOptions(rlimit: UInt64(UInt32.max) + 1))
        }
    }

    @Test func smallRlimitGivesUnknownNamingTheResourceLimit() throws {
        // The wall-clock net only turns an ignored rlimit into a failure instead of a hang.
        let options = SolverOptions(rlimit: 100_000, wallClockMilliseconds: 20_000)
        let solver = try Z3SolverFactory().makeSolver(options: options)
        try solver.assert(Self.fermatCubes)
        #expect(try solver.check() == .unknown(reason: .resourceLimit(rlimit: 100000)))
        #expect(solver.resourceUsage >= 100_000)
    }

    @Test func rlimitIsPerCheck() throws {
        let options = SolverOptions(rlimit: 100_000, wallClockMilliseconds: 20_000)
        let solver = try Z3SolverFactory().makeSolver(options: options)
        try solver.assert(Self.fermatCubes)
        _ = try solver.check()
        let afterFirst = solver.resourceUsage
        try solver.push()
        try solver.assert(Term.eq(Term.constant("x", .int), Term.int(0)))
        #expect(try solver.check() == .unsat)
        try solver.pop()
        #expect(solver.resourceUsage > afterFirst)
    }

    @Test func aCheckCanHaveItsOwnRlimit() throws {
        let solver = try Z3SolverFactory().makeSolver(
            options: SolverOptions(rlimit: 400_000, wallClockMilliseconds: 20_000))
        try solver.assert(Self.fermatCubes)
        #expect(
            try solver.check(assumptions: [], rlimit: 50_000)
                == .unknown(reason: .resourceLimit(rlimit: 50000)))
        let afterSmall = solver.resourceUsage
        #expect(afterSmall < 400_000)
        // The next check without a budget of its own gets the solver's again.
        #expect(try solver.check() == .unknown(reason: .resourceLimit(rlimit: 400000)))
        #expect(solver.resourceUsage - afterSmall >= 400_000)
    }

    @Test(arguments: [false, true])
    func wallClockLimitInterruptsAHardCheck(incremental: Bool) throws {
        let solver = try Z3SolverFactory().makeSolver(options: SolverOptions(wallClockMilliseconds: 200))
        // After a push Z3 answers with its incremental solver instead of a one-shot tactic: both must stop.
        if incremental { try solver.push() }
        try solver.assert(Self.fermatCubes)
        let clock = ContinuousClock()
        let start = clock.now
        let result = try solver.check()
        let elapsed = clock.now - start
        #expect(result == .unknown(reason: .deadline(milliseconds: 200)))
        #expect(elapsed >= .milliseconds(150))
        #expect(elapsed < .seconds(5))
        // The interrupt does not stick: the next check runs normally.
        try solver.assert(Term.eq(Term.constant("x", .int), Term.int(0)))
        #expect(try solver.check() == .unsat)
    }

    @Test func wallClockLimitThatExpiresBeforeTheCheckStartsStillStopsIt() throws {
        // The watchdog keeps interrupting until the check returns, so an interrupt that comes before Z3 starts
        // listening is not lost.
        let solver = try Z3SolverFactory().makeSolver(options: SolverOptions(wallClockMilliseconds: 1))
        try solver.assert(Self.fermatCubes)
        let clock = ContinuousClock()
        let start = clock.now
        #expect(try solver.check() == .unknown(reason: .deadline(milliseconds: 1)))
        #expect(clock.now - start < .seconds(5))
    }

    @Test func wallClockLimitLeavesAnEasyCheckAlone() throws {
        let solver = try Z3SolverFactory().makeSolver(options: SolverOptions(wallClockMilliseconds: 10_000))
        let x = Term.constant("x", .int)
        for round in 0..<20 {
            try solver.push()
            try solver.assert(Term.eq(Term.mul(x, Term.int(3)), Term.int(3 * round)))
            #expect(try solver.check() == .sat)
            #expect(try solver.model().evaluate(x) == .int(.init(round)))
            try solver.pop()
        }
    }

    @Test func aStopSignalRaisedOnAnotherThreadStopsTheCheck() throws {
        let stop = StopSignal()
        let solver = try Z3SolverFactory().makeSolver(options: SolverOptions(stop: stop))
        try solver.assert(Self.fermatCubes)
        let (result, elapsed) = try raisingAfter(0.2, stop) { try solver.check() }
        #expect(result == .unknown(reason: .stopped))
        #expect(elapsed < .seconds(5))
        // Still raised: the next check does not start. Lowered: the solver answers again.
        #expect(try solver.check() == .unknown(reason: .stopped))
        stop.lower()
        try solver.assert(Term.eq(Term.constant("x", .int), Term.int(0)))
        #expect(try solver.check() == .unsat)
    }
}

/// Runs `body`, raising `stop` after `seconds` from a thread of its own (the tests' shared pool
/// may be busy with other solvers); gives `body`'s result and how long it took.
func raisingAfter<T>(_ seconds: Double, _ stop: StopSignal, _ body: () throws -> T) rethrows -> (T, Duration) {
    let raiser = Thread {
        Thread.sleep(forTimeInterval: seconds)
        stop.raise()
    }
    raiser.start()
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    return (result, clock.now - start)
}
