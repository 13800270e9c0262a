/// A satisfying assignment returned by `Solver.model()` after a `.sat` check.
///
/// A model stays valid after later solver calls, but it belongs to its solver: use it on the same thread.
public protocol Model: AnyObject {
    /// The value of `t` in this model, with model completion: constants the model leaves unconstrained get a
    /// default value instead of an error.
    ///
    /// `t` must be Bool- or Int-sorted. Arrays are not evaluated to a `Value`; evaluate `select` terms on them
    /// instead. Throws `SolverError` when `t` is array-sorted, ill-sorted, or does not evaluate to a literal (for
    /// instance a quantified formula the solver cannot decide).
    func evaluate(_ t: Term) throws -> Value
}
