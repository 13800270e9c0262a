/// The answer of a satisfiability check.
public enum CheckResult: Sendable, Equatable {
    /// The assertions (and assumptions) have a model; `Solver.model()` returns it.
    case sat
    /// The assertions (and assumptions) have no model.
    case unsat
    /// The solver gave up; `reason` says why, e.g. "resource limit (rlimit 1000) exhausted" or
    /// "interrupted: wall-clock limit of 200 ms".
    case unknown(reason: String)
}
