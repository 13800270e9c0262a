import CZ3
import SMT

/// The Z3 solver behind the `Solver` protocol: one Z3 context per solver, so solvers on different threads never
/// share state. A `Z3Solver` itself is not thread-safe: use it from one thread at a time.
///
/// Limits come from `SolverOptions`: `rlimit` is passed to Z3 as the per-check resource limit, and
/// `wallClockMilliseconds` arms a watchdog that interrupts the check. Every Z3 error becomes a thrown `SolverError`.
public final class Z3Solver: Solver {
    /// "z3" and the linked Z3's version, e.g. "z3 4.8.12".
    public let name: String
    /// The options the solver was made with.
    public let options: SolverOptions
    /// The solver's own context.
    private let context: Z3Context
    /// The Z3 solver.
    private let solver: Z3SolverHandle
    /// Term translation, shared with the models this solver returns.
    private let translator: Z3Translator
    /// The parameter set applied to the solver (kept alive with it).
    private let parameters: Z3ParamsHandle
    /// The number of open scopes.
    private var scopeDepth = 0
    /// The resource limit the Z3 solver's parameters hold now.
    private var appliedRlimit: UInt64?
    /// Whether the last check returned sat and nothing changed since, so `model()` may be called.
    private var hasModel = false

    /// A fresh solver with no assertions, configured by `options`; throws `SolverError` for invalid options (an
    /// unknown or forbidden parameter, a value of the wrong kind, an `rlimit` above what Z3 accepts).
    public init(options: SolverOptions = SolverOptions()) throws {
        self.options = options
        name = "z3 \(Z3Backend.version)"
        context = try Z3Context()
        let made = Z3_mk_solver(context.raw)
        try context.checkError("mk_solver")
        guard let made else { throw SolverError("z3 cannot make a solver") }
        solver = Z3SolverHandle(context, made)
        translator = Z3Translator(context: context)
        parameters = try Z3Parameters.make(for: solver, family: .smt, options: options)
        Z3_solver_set_params(context.raw, solver.raw, parameters.raw)
        try context.checkError("solver_set_params")
        appliedRlimit = options.rlimit
    }

    /// Adds `t` to the current scope; throws `SolverError` when `t` is not Bool-sorted or Z3 rejects a subterm.
    public func assert(_ t: Term) throws {
        let formula = try translateFormula(t, role: "an assertion")
        hasModel = false
        Z3_solver_assert(context.raw, solver.raw, formula.raw)
        try context.checkError("solver_assert")
    }

    /// Opens a scope.
    public func push() throws {
        hasModel = false
        Z3_solver_push(context.raw, solver.raw)
        try context.checkError("solver_push")
        scopeDepth += 1
    }

    /// Closes the innermost scope; throws `SolverError` when none is open.
    public func pop() throws {
        guard scopeDepth > 0 else { throw SolverError("pop without a matching push") }
        hasModel = false
        Z3_solver_pop(context.raw, solver.raw, 1)
        try context.checkError("solver_pop")
        scopeDepth -= 1
    }

    /// Checks the assertions under `assumptions` (Bool terms), within `rlimit` (`nil`: the solver's own). A check
    /// that runs out of its resource limit or is stopped by the wall-clock watchdog returns `.unknown` with a reason
    /// saying which.
    public func check(assumptions: [Term], rlimit: UInt64?) throws -> CheckResult {
        hasModel = false
        let literals = try assumptions.map { try translateFormula($0, role: "an assumption") }
        let limit = rlimit ?? options.rlimit
        if limit != appliedRlimit {
            let budget = try Z3Parameters.budget(in: context, rlimit: limit)
            Z3_solver_set_params(context.raw, solver.raw, budget.raw)
            try context.checkError("solver_set_params")
            appliedRlimit = limit
        }
        if options.stop?.isRaised == true { return .unknown(reason: .stopped) }
        let usedBefore = limit == nil ? 0 : solver.resourceUsage
        let watchdog = Z3Watchdog(target: solver.interruptTarget, options: options)
        let outcome: Z3_lbool
        if literals.isEmpty {
            outcome = Z3_solver_check(context.raw, solver.raw)
        } else {
            let raws: [Z3_ast?] = literals.map(\.raw)
            outcome = raws.withUnsafeBufferPointer {
                Z3_solver_check_assumptions(context.raw, solver.raw, UInt32($0.count), $0.baseAddress)
            }
        }
        let interrupted = watchdog.stop()
        withExtendedLifetime(literals) {}
        // An interrupt that raced the answer leaves Z3's cancel flag set: no model is read then.
        if let interrupted {
            return .unknown(reason: solver.unknownReason(interrupted: interrupted, options: options, rlimit: limit))
        }
        try context.checkError("solver_check")
        switch outcome {
        case Z3_L_TRUE:
            hasModel = true
            return .sat
        case Z3_L_FALSE:
            return .unsat
        default:
            // An incremental check that runs out early (in preprocessing) may give Z3's bare "unknown" as its reason.
            if let limit, limit > 0, solver.resourceUsage >= usedBefore + limit {
                return .unknown(reason: .resourceLimit(rlimit: limit))
            }
            return .unknown(reason: solver.unknownReason(interrupted: nil, options: options, rlimit: limit))
        }
    }

    /// The model of the last check; throws `SolverError` unless that check returned `.sat` and no assertion, push
    /// or pop came after it.
    public func model() throws -> Model {
        guard hasModel else {
            throw SolverError("no model: the last check did not return sat, or the solver changed since")
        }
        let made = Z3_solver_get_model(context.raw, solver.raw)
        try context.checkError("solver_get_model")
        guard let made else { throw SolverError("z3 returned no model") }
        return Z3Model(handle: Z3ModelHandle(context, made), translator: translator)
    }

    /// The cumulative "rlimit count" of this solver's context (0 when Z3 reports none).
    public var resourceUsage: UInt64 { solver.resourceUsage }

    /// The current assertions in SMT-LIB 2 syntax, as Z3 prints them (for dumps and debugging).
    public func assertionsInSMTLib2() throws -> String {
        let text = context.string(Z3_solver_to_string(context.raw, solver.raw))
        try context.checkError("solver_to_string")
        return text
    }

    // MARK: - Helpers

    /// Translates `t` and checks, on the Z3 side, that it is a formula (Z3 does not check assumptions itself).
    private func translateFormula(_ t: Term, role: String) throws -> Z3AST {
        let formula = try translator.translate(t)
        let kind = Z3_get_sort_kind(context.raw, Z3_get_sort(context.raw, formula.raw))
        try context.checkError("get_sort")
        guard kind == Z3_BOOL_SORT else { throw SolverError("\(role) must be a Bool term, not one of sort \(t.sort)") }
        return formula
    }
}
