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

extension CheckResult {
    /// The reason of a check that used up its resource limit (`SolverOptions.rlimit`), as backends report it.
    public static func resourceLimitReason(rlimit: UInt64) -> String {
        "resource limit (rlimit \(rlimit)) exhausted"
    }

    /// Whether the solver gave up because its resource limit ran out, rather than being stopped or interrupted.
    public var exhaustedResourceLimit: Bool {
        if case .unknown(let reason) = self { return reason.hasPrefix("resource limit (") }
        return false
    }
}
