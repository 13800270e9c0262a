import VigilTrace

/// Why the unbounded engine did not prove a goal. Decisions match on the cases; the text a
/// report shows is `description`, written here once.
enum ProofFailure: Sendable, Hashable, CustomStringConvertible {
    /// Spacer derived `false`: a failure of the clauses, perhaps only of their over-approximation.
    case derived
    /// The goal failed together with more others than are tried one by one.
    case notProvedTogether
    /// The contract (or this goal) is outside what the engine encodes, and why.
    case unsupported(String)
    /// No deployment succeeds, so there is no committed state to reason from.
    case constructorCannotSucceed
    /// The fresh solver rejected the interpretation Spacer found.
    case certificateRejected(String)
    /// Spacer gave up (budget, interrupt), as the backend said.
    case gaveUp(String)
    /// The solver reported an error.
    case solverError(String)

    var description: String {
        switch self {
        case .derived: "the unbounded engine derives a failure (its over-approximation may be too coarse)"
        case .notProvedTogether: "not proved together with the contract's other properties"
        case .unsupported(let why): why
        case .constructorCannotSucceed: "the constructor cannot succeed"
        case .certificateRejected(let why): "certificate rejected: \(why)"
        case .gaveUp(let why): "unbounded engine: \(why)"
        case .solverError(let error): "solver error: \(error)"
        }
    }
}

/// Why a result is `unknown`, `vacuous` or `unsatisfiable`: every reason the engines give,
/// each written once (`description`, the text every report shows).
enum Reason: Sendable, Hashable, CustomStringConvertible {
    // MARK: unknown

    /// A bounded query gave up at `depth`; `searched`: the smaller bounds whose every depth was
    /// searched before without a counterexample.
    case solverGaveUp(String, depth: Int, searched: Bounds? = nil)
    /// The solver reported an error.
    case solverError(String)
    /// A path runs past the bound of these loops (`file:line:col` each), or through these
    /// `delegatecall`s to the contract itself inside a delegated call.
    case loopCut(loops: [String], bound: Int, delegations: [String])
    /// The unbounded engine's own reason (`--engine prove`, or beside no bounded answer).
    case unbounded(ProofFailure)
    /// The unbounded engine derives a failure (or failed jointly) that the bounded engine does
    /// not find within its bounds.
    case failureBeyondBounds(ProofFailure)
    /// The interpreter replayed the schedule and the property held.
    case notConfirmed(witness: Bool, abstraction: Bool)
    /// The schedule does not fit the contract (a rule's or a property's).
    case replayMismatch(String, rule: Bool)
    /// The replay cannot confirm the failure on concrete values.
    case unconfirmable(String)
    /// A checked proof of what the bounded engine found violated or satisfied.
    case enginesDisagree(witness: Bool)
    /// The check of the whole contract could not run to its end.
    case internalError(String)

    // MARK: vacuous

    /// No execution reaches it (an assert's `assert`, an ensures' return, a rule's `assert`),
    /// within the bounds or, `proved`, from any reachable state.
    case unreached(PropertyKind, proved: Bool)
    /// No deployment succeeds.
    case constructorAlwaysReverts
    /// A rule's assumptions and required calls admit no execution to its `assert` or `satisfy`:
    /// within the bounds, or from any state at all.
    case ruleAdmitsNone(satisfy: Bool, anyState: Bool)

    // MARK: unsatisfiable

    /// Nothing within the bounds satisfies it.
    case unsatisfiedWithinBounds
    /// No state at all lets the rule's calls satisfy it, within the handover bounds.
    case unsatisfiableFromAnyState
    /// Nothing from any reachable state satisfies it (a proof).
    case unsatisfiableProved

    var description: String {
        switch self {
        case .solverGaveUp(let why, let depth, nil): "solver: \(why) at depth \(depth)"
        case .solverGaveUp(let why, let depth, let searched?):
            "solver: \(why) at depth \(depth); no counterexample with "
                + (searched.reentrancy == 0
                    ? "no re-entrant call"
                    : "reentrancy \(searched.reentrancy), \(searched.reentrantCalls) reentrant call"
                        + (searched.reentrantCalls == 1 ? "" : "s"))
                + " up to depth \(searched.depth)"
        case .solverError(let error): "solver error: \(error)"
        case .loopCut(let loops, let bound, let delegations):
            [
                loops.isEmpty
                    ? nil
                    : (loops.count == 1 ? "the loop at \(loops[0])" : "the loops at \(loops.joined(separator: ", "))")
                        + " may need more than \(bound) iterations: raise --loops to look further",
                delegations.isEmpty
                    ? nil
                    : "the delegatecall at \(delegations.joined(separator: ", ")) may run the contract's code inside "
                        + "a delegated call, which the bounded engine does not follow",
            ].compactMap { $0 }.joined(separator: "; ")
        case .unbounded(let failure): failure.description
        case .failureBeyondBounds(let failure):
            failure.description + "; the bounded engine finds no counterexample within its bounds"
                + (failure == .derived
                    ? ": raise --depth (or --loops, --reentrancy, --reentrant-calls) to look further" : "")
        case .notConfirmed(_, abstraction: true):
            "abstraction: the counterexample relies on an over-approximated operation and did not replay"
        case .notConfirmed(let witness, abstraction: false):
            "internal error: the interpreter did not confirm the \(witness ? "witness" : "counterexample")"
        case .replayMismatch(let why, let rule):
            "internal error: the \(rule ? "rule's trace" : "counterexample") does not replay (\(why))"
        case .unconfirmable(let why):
            "not confirmed: the solver finds a counterexample, but the interpreter cannot replay it on concrete "
                + "values (\(why))"
        case .enginesDisagree(let witness):
            "internal error: the engines disagree: the unbounded engine proved it, the bounded engine found "
                + "\(witness ? "a witness" : "a counterexample") that the interpreter replayed (shown below); "
                + "please report this"
        case .internalError(let why): "internal error: \(why)"
        case .unreached(let kind, let proved):
            (proved ? "no execution from any reachable state " : "no execution within the bounds ")
                + Self.reaching(kind) + ": it holds only because of that" + (proved ? " (proved)" : "")
        case .constructorAlwaysReverts: "the constructor reverts on every input: no state is ever reached"
        case .ruleAdmitsNone(let satisfy, let anyState):
            (anyState ? "no execution from any state, reachable or not," : "no execution within the bounds")
                + " gets to its '\(satisfy ? "satisfy" : "assert")': its assumptions and required calls admit none"
        case .unsatisfiedWithinBounds: "no execution within the bounds satisfies it"
        case .unsatisfiableFromAnyState:
            "no state at all, reachable or not, lets its calls satisfy it within the bounds "
                + "(--reentrancy, --reentrant-calls)"
        case .unsatisfiableProved: "no execution from any reachable state satisfies it (proved)"
        }
    }

    /// What reaching a property of `kind` means, in words.
    private static func reaching(_ kind: PropertyKind) -> String {
        switch kind {
        case .ensures: "returns from its function"
        case .rule: "gets to its 'assert'"
        default: "reaches it"
        }
    }
}
