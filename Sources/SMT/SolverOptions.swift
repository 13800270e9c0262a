/// Limits and parameters for a solver, fixed when the solver is made.
public struct SolverOptions: Sendable {
    /// The resource limit of each `check`: a deterministic budget of solver steps (Z3's `rlimit`), so the same query
    /// gets the same verdict on every machine. When it runs out, the check returns `.unknown` with a reason naming
    /// the resource limit. `nil` (or 0, as in Z3) means no limit.
    public var rlimit: UInt64?
    /// A safety net in wall-clock time for each `check`: a watchdog interrupts the solver after this many
    /// milliseconds and the check returns `.unknown(reason: .deadline(milliseconds: N))`. Verdicts
    /// that hit it depend on the machine; prefer `rlimit` as the budget. `nil` means no limit.
    public var wallClockMilliseconds: UInt64?
    /// Extra solver parameters by name, e.g. `["random_seed": .uint(7)]`. Names and value kinds are validated when
    /// the solver is made: a misspelled name or a value of the wrong kind throws `SolverError`.
    public var parameters: [String: SolverParameterValue]
    /// Raised by another thread to stop the running check (`.unknown`, reason "stopped: ..."); nil for none.
    public var stop: StopSignal?

    /// Options with the given limits and parameters; by default no limits and no extra parameters.
    public init(
        rlimit: UInt64? = nil, wallClockMilliseconds: UInt64? = nil, parameters: [String: SolverParameterValue] = [:],
        stop: StopSignal? = nil
    ) {
        self.rlimit = rlimit
        self.wallClockMilliseconds = wallClockMilliseconds
        self.parameters = parameters
        self.stop = stop
    }
}

/// The value of a solver parameter; its case must match the kind the solver declares for that parameter.
public enum SolverParameterValue: Sendable, Hashable {
    /// A Boolean parameter.
    case bool(Bool)
    /// An unsigned integer parameter.
    case uint(UInt32)
    /// A floating-point parameter.
    case double(Double)
    /// A symbol parameter (an identifier chosen from the values the solver documents).
    case symbol(String)
}
