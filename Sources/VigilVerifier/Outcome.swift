import VigilTrace

/// A replayed counterexample (or a satisfy-rule's witness): the trace the interpreter produced
/// and the choices it was replayed from.
struct Counterexample {
    let trace: Trace
    let schedule: Schedule
}

/// What a checked proof rests on instead of bounds.
enum ProofBasis {
    /// Spacer's inductive invariant: every transaction sequence, re-entry of any depth.
    case unbounded
    /// One call of a `pure` function with any arguments (it reads no state and cannot re-enter).
    case pureCall
}

/// What the engines decided about one property, typed: each case carries what its verdict
/// rests on. The model checker's table holds these (`ContractRun.record` is its only writer),
/// and a report's `PropertyResult` is made from one in one place (`ContractRun.result`).
enum Outcome {
    /// A checked proof, with the invariant behind it.
    case proved(certificate: String, basis: ProofBasis)
    /// No violation within the bounds.
    case holds
    /// A counterexample the interpreter replayed.
    case violated(Counterexample)
    /// A satisfy-rule's witness the interpreter replayed.
    case satisfied(Counterexample)
    /// Nothing reaches the property, as `Reason` says.
    case vacuous(Reason)
    /// Nothing satisfies a satisfy-rule, as `Reason` says; with the certificate when proved.
    case unsatisfiable(Reason, certificate: String?)
    /// Undecided, and why.
    case unknown(Reason)
    /// A checked proof beside a replayed counterexample (or witness): the engines disagree.
    case disagreement(Counterexample, witness: Bool)

    /// The verdict a report shows.
    var verdict: Verdict {
        switch self {
        case .proved: .proved
        case .holds: .holds
        case .violated: .violated
        case .satisfied: .satisfied
        case .vacuous: .vacuous
        case .unsatisfiable: .unsatisfiable
        case .unknown, .disagreement: .unknown
        }
    }

    /// Why the verdict is what it is, when a report says so.
    var reason: Reason? {
        switch self {
        case .proved, .holds, .violated, .satisfied: nil
        case .vacuous(let why), .unsatisfiable(let why, _), .unknown(let why): why
        case .disagreement(_, let witness): .enginesDisagree(witness: witness)
        }
    }

    /// The replayed run shown with the result.
    var counterexample: Counterexample? {
        switch self {
        case .violated(let c), .satisfied(let c), .disagreement(let c, _): c
        default: nil
        }
    }

    /// The invariant behind a proof.
    var certificate: String? {
        switch self {
        case .proved(let certificate, _): certificate
        case .unsatisfiable(_, let certificate): certificate
        default: nil
        }
    }

    /// What the result rests on instead of the bounds: nil when it rests on the bounds.
    var proofBasis: ProofBasis? {
        switch self {
        case .proved(_, let basis): basis
        case .unsatisfiable(_, certificate: .some): .unbounded
        case .vacuous(.unreached(_, proved: true)): .unbounded
        default: nil
        }
    }

    /// No proof can change it: a replayed counterexample or witness.
    var isSettled: Bool { verdict == .violated || verdict == .satisfied }
}

/// One row of the model checker's table: an outcome, the depth it was decided at, what the
/// sanity checks found on the way, and when (milliseconds into the contract's check).
struct Decision {
    var outcome: Outcome
    var depth: Int
    var warnings: [String]
    var milliseconds: Int
}
