/// When a result is `vacuous`: the one place that decides it (docs/LANGUAGE-REFERENCE.md,
/// "Sanity checks" and "The unbounded engine"). Invariants are never vacuous; the other
/// properties (asserts, ensures, assert-rules) are, from these facts:
///
/// - The unbounded engine proves that no execution from any reachable state reaches it: `vacuous`,
///   proved.
/// - No execution within the bounds reaches it (the sanity checks, which never say so once a path
///   may run past a loop's bound, since what it does after the cut is unknown):
///   - and the unbounded engine proves the property: `proved`, with a warning, since a longer
///     execution may reach it;
///   - and the unbounded engine derives a failure of it: `unknown`, since a longer execution may
///     fail it;
///   - with `--engine prove`, where the bounds are no evidence: `unknown`;
///   - otherwise: `vacuous` within the bounds.
/// - Otherwise it is not vacuous.
enum Vacuity {
    /// What the unbounded engine found about the property.
    enum Proof {
        case none, proved, derivedFailure, otherFailure
    }

    /// The decision.
    enum Decision: Equatable {
        /// `vacuous`: reached by nothing within the bounds, or (`proved`) from any reachable state.
        case vacuous(proved: Bool)
        /// `proved`, with the warning that no execution within the bounds reaches it.
        case provedUnreachedWithinBounds
        /// `unknown`: a failure derived beyond the bounds.
        case failureBeyondBounds
        /// Not a question of vacuity: the other rules decide.
        case notVacuous
    }

    static func decide(unreachedWithinBounds: Bool, proof: Proof, provedUnreached: Bool, engine: Engine) -> Decision {
        if provedUnreached, proof == .proved { return .vacuous(proved: true) }
        guard unreachedWithinBounds else { return .notVacuous }
        switch proof {
        case .proved: return .provedUnreachedWithinBounds
        case .derivedFailure: return .failureBeyondBounds
        case .none, .otherFailure: return engine == .prove ? .failureBeyondBounds : .vacuous(proved: false)
        }
    }
}

extension ProofEngine.Outcome {
    /// The outcome as a fact for `Vacuity`.
    var vacuityFact: Vacuity.Proof {
        switch self {
        case .proved: .proved
        case .failed(.derived): .derivedFailure
        case .failed, .unreachable: .otherFailure
        }
    }
}
