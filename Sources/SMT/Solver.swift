/// An incremental SMT solver: a stack of assertion scopes, checks under assumptions, and models.
///
/// A solver is not thread-safe: use each one from one thread (or task) at a time, and make one per concurrent task.
public protocol Solver: AnyObject {
    /// Adds the Bool-sorted `t` to the current scope. Throws `SolverError` for a term that is not Bool-sorted or is
    /// ill-sorted inside.
    func assert(_ t: Term) throws
    /// Opens a scope; `pop()` removes every assertion made since.
    func push() throws
    /// Closes the innermost scope. Throws `SolverError` when no scope is open.
    func pop() throws
    /// Checks the assertions together with `assumptions` (Bool terms, typically fresh Bool constants used as
    /// literals), which hold for this check only, within the resource limit `rlimit` (`nil`: the solver's own,
    /// `SolverOptions.rlimit`).
    func check(assumptions: [Term], rlimit: UInt64?) throws -> CheckResult
    /// The model of the last check, which must have returned `.sat` with no assertion, push or pop since; throws
    /// `SolverError` otherwise.
    func model() throws -> Model
    /// The cumulative resource count (Z3's "rlimit count") this solver has spent over all its checks.
    var resourceUsage: UInt64 { get }
    /// The solver and its version, e.g. "z3 4.8.12".
    var name: String { get }
}

extension Solver {
    /// Checks the assertions with no assumptions, within the solver's own resource limit.
    public func check() throws -> CheckResult {
        try check(assumptions: [], rlimit: nil)
    }

    /// Checks the assertions together with `assumptions`, within the solver's own resource limit.
    public func check(assumptions: [Term]) throws -> CheckResult {
        try check(assumptions: assumptions, rlimit: nil)
    }
}

/// Makes solvers; the way an engine gets solvers without depending on a particular backend.
public protocol SolverFactory: Sendable {
    /// A fresh solver with no assertions, configured by `options`. Throws `SolverError` for invalid options.
    func makeSolver(options: SolverOptions) throws -> any Solver
    /// A fresh Horn-clause solver configured by `options`.
    func makeHornSolver(options: SolverOptions) throws -> any HornSolver
}
