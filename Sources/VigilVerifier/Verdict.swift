/// The answer for one property (docs/LANGUAGE-REFERENCE.md, "Bounds and verdicts").
public enum Verdict: String, Sendable, Codable, CaseIterable {
    /// Holds for every sequence of any length, under unbounded re-entry, with a checked certificate.
    case proved
    /// No violation within the bounds used, which the result states.
    case holds
    /// A counterexample exists; its trace has been replayed by the interpreter.
    case violated
    /// Holds only because no execution reaches it.
    case vacuous
    /// The checker could not decide; the result says why.
    case unknown
    /// A satisfy-rule with a witness trace.
    case satisfied
    /// A satisfy-rule that no execution within the bounds (or at all) satisfies.
    case unsatisfiable

    /// True for verdicts that mean "no violation".
    public var isSafe: Bool { self == .proved || self == .holds }
}

/// The process exit status of `vigil check` (docs/LANGUAGE-REFERENCE.md, "Bounds and verdicts").
public enum ExitStatus: Int32, Sendable {
    /// Nothing violated, nothing in error, nothing unknown.
    case success = 0
    /// Some property is violated.
    case violated = 1
    /// Bad input or usage.
    case badInput = 2
    /// Nothing violated, but some result is unknown.
    case unknown = 3
    /// Interrupted (SIGINT or SIGTERM): nothing violated in what was decided before.
    case interrupted = 4

    /// The status for a set of verdicts.
    public static func of(_ verdicts: [Verdict]) -> ExitStatus {
        if verdicts.contains(.violated) { return .violated }
        if verdicts.contains(.unknown) { return .unknown }
        return .success
    }
}
