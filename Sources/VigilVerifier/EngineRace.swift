import Dispatch
import SMT
import Synchronization

/// The bounded and the unbounded engine of `--engine auto`, side by side on one contract, and
/// what each may stop of the other. Neither engine's answers may depend on timing, so:
///
/// - The prover first solves every goal together. It is stopped when the bounded engine settles
///   (finds violated or satisfied) one of them: no proof covers a goal with a replayed
///   counterexample (or witness), so the solve could only fail.
///   Only after the bounded engine is done does it retry the goals left open, so which goals
///   it retries does not depend on how fast either engine was.
/// - The bounded engine stops querying an encoding (and its running query is stopped) once
///   every property it still checks there is proved: the queries it made before are the same
///   as without the race, and none after them could change a verdict.
///
/// Thread-safe.
final class EngineRace: Sendable {
    private struct Shared {
        /// Properties proved, with the inductive invariant behind each.
        var proved: [String: String] = [:]
        /// Properties the bounded engine decided for good (violated or satisfied, with a replayed trace).
        var settled: Set<String> = []
        /// The goals of the prover's running solve.
        var proverGoals: Set<String> = []
        /// The properties the bounded engine still checks in its current encoding.
        var boundedPending: Set<String> = []
        /// True once the prover's answers cannot change any verdict.
        var proverCancelled = false
    }

    private let shared = Mutex(Shared())
    private let boundedDone = DispatchSemaphore(value: 0)
    /// Stops the prover's running solve.
    let proverStop = StopSignal()
    /// Stops the bounded engine's running query.
    let boundedStop = StopSignal()

    // MARK: The prover's side

    /// Before a solve of `goals`: true when none of them is settled and the prover is not cancelled.
    func startSolving(_ goals: [String]) -> Bool {
        shared.withLock { s in
            s.proverGoals = Set(goals)
            proverStop.lower()
            return !s.proverCancelled && s.proverGoals.isDisjoint(with: s.settled)
        }
    }

    /// Publishes a proof; stops the bounded engine's query when everything it checks is proved.
    func publishProved(_ name: String, certificate: String) {
        shared.withLock { s in
            s.proved[name] = certificate
            if !s.boundedPending.isEmpty, s.boundedPending.allSatisfy({ s.proved[$0] != nil }) { boundedStop.raise() }
        }
    }

    /// Waits until the bounded engine is done with every encoding, then gives the goals it did not settle.
    func openAfterBounded(_ goals: [String]) -> [String] {
        boundedDone.wait()
        boundedDone.signal()
        return shared.withLock { s in s.proverCancelled ? [] : goals.filter { !s.settled.contains($0) } }
    }

    // MARK: The bounded engine's side

    /// Before a query: false when every property in `pending` is proved (no query is needed any more).
    func startQuery(pending: [String]) -> Bool {
        shared.withLock { s in
            s.boundedPending = Set(pending)
            boundedStop.lower()
            return !s.boundedPending.allSatisfy { s.proved[$0] != nil }
        }
    }

    /// Publishes a bounded verdict that no proof can change; stops the prover's solve when it is
    /// one of its goals (that solve cannot succeed).
    func publishSettled(_ name: String) {
        shared.withLock { s in
            s.settled.insert(name)
            if s.proverGoals.contains(name) { proverStop.raise() }
        }
    }

    /// Whether the prover's answers can no longer change any verdict.
    var isProverCancelled: Bool { shared.withLock { $0.proverCancelled } }

    /// The bounded engine is done with every encoding; `cancelProver` says that no proof can change a verdict.
    func finishBounded(cancelProver: Bool) {
        shared.withLock { s in
            s.boundedPending = []
            if cancelProver {
                s.proverCancelled = true
                proverStop.raise()
            }
        }
        boundedDone.signal()
    }
}
