import Foundation
import SMT
import VigilLowering
import VigilSema
import VigilTrace

/// The unbounded engine on a thread of its own, beside the bounded engine (`--engine auto`):
/// it publishes each proof to the race as soon as it is checked.
final class ProverThread: @unchecked Sendable {
    // Safety: `result` and `elapsed` are written once on the prover's thread before `done` is
    // signalled, and read only after waiting for `done`.
    private var result: [String: ProofEngine.Outcome] = [:]
    private var elapsed: Double = 0
    private let done = DispatchSemaphore(value: 0)

    /// Z3's Spacer recurses deeply: the prover's thread gets the stack of a main thread.
    private static let stackSize = 64 << 20

    /// Starts proving `properties` and `rules` of `contract`.
    init(
        engine: ProofEngine, model: SemanticModel, contract: ContractInfo, properties: [PropertyReference],
        rules: [ProofEngine.RuleGoal], race: EngineRace
    ) {
        let thread = Thread { [self] in
            let clock = ContinuousClock()
            let start = clock.now
            result = engine.prove(
                HornEncoding(model: model, contract: contract), contract: contract, properties: properties,
                rules: rules, race: race)
            elapsed = (clock.now - start).seconds
            done.signal()
        }
        thread.stackSize = Self.stackSize
        thread.start()
    }

    /// Waits for the prover and returns what it found for each property.
    func outcomes() -> [String: ProofEngine.Outcome] {
        done.wait()
        done.signal()
        return result
    }

    /// The prover's own time (wall clock on its thread); valid after `outcomes()`.
    var seconds: Double { elapsed }
}
