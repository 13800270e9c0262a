/// The answer of a satisfiability check.
public enum CheckResult: Sendable, Equatable {
    /// The assertions (and assumptions) have a model; `Solver.model()` returns it.
    case sat
    /// The assertions (and assumptions) have no model.
    case unsat
    /// The solver gave up; `reason` says why.
    case unknown(reason: GiveUp)
}

/// Why a solver gave up. Decisions match on the cases; `description` is the text reports show.
public enum GiveUp: Sendable, Hashable, CustomStringConvertible {
    /// The check used up its resource limit (`SolverOptions.rlimit`).
    case resourceLimit(rlimit: UInt64)
    /// The wall-clock safety net interrupted it.
    case deadline(milliseconds: UInt64)
    /// A `StopSignal` stopped it: another engine decided first.
    case stopped
    /// The backend's own reason.
    case other(String)

    public var description: String {
        switch self {
        case .resourceLimit(let rlimit): "resource limit (rlimit \(rlimit)) exhausted"
        case .deadline(let milliseconds): "interrupted: wall-clock limit of \(milliseconds) ms"
        case .stopped: "stopped: another engine decided first"
        case .other(let reason): reason
        }
    }
}

extension CheckResult {
    /// Whether the solver gave up because its resource limit ran out, rather than being stopped or interrupted.
    public var exhaustedResourceLimit: Bool {
        if case .unknown(.resourceLimit) = self { return true }
        return false
    }
}
