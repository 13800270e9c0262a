import SMT
import VigilLowering
import VigilSema

/// Which engines decide a check (`--engine`).
public enum Engine: String, Sendable, Hashable, CaseIterable {
    /// Bounded model checking only: `holds` within the bounds, or `violated`.
    case bmc
    /// The unbounded engine only: invariants `proved`, or `unknown`.
    case prove
    /// Both: the bounded engine first (its counterexamples are replayed), then the unbounded
    /// engine for every invariant that holds within the bounds.
    case auto
}

/// The unbounded engine: Spacer on the contract's Horn clauses (`HornEncoding`), one query per
/// invariant. An invariant is `proved` only when the interpretation Spacer returns passes the
/// independent check of every clause with a fresh solver.
struct ProofEngine {
    let solverFactory: any SolverFactory
    let options: CheckOptions

    /// What the engine found for one invariant.
    enum Outcome {
        /// Proved: the inductive invariant behind the proof, over the contract's names.
        case proved(certificate: String)
        /// Not proved, and why.
        case failed(String)
    }

    /// Tries to prove each invariant for every transaction sequence under re-entry of any depth.
    func prove(model: SemanticModel, contract: ContractInfo, invariants: [InvariantInfo]) -> [String: Outcome] {
        guard !invariants.isEmpty else { return [:] }
        let encoding = HornEncoding(model: model, contract: contract)
        if let why = encoding.unsupported {
            return Dictionary(uniqueKeysWithValues: invariants.map { ($0.name, .failed(why)) })
        }
        var outcomes: [String: Outcome] = [:]
        do {
            // A contract that cannot be deployed has no committed state: that proves nothing.
            let deployable = try solverFactory.makeSolver(options: solverOptions)
            for c in encoding.deployment { try deployable.assert(c) }
            guard try deployable.check(assumptions: [Term.constant("deploy", .bool)]) == .sat else {
                return Dictionary(
                    uniqueKeysWithValues: invariants.map { ($0.name, .failed("the constructor cannot succeed")) })
            }
            for invariant in invariants {
                outcomes[invariant.name] = try prove(invariant, encoding)
            }
        } catch {
            for i in invariants where outcomes[i.name] == nil { outcomes[i.name] = .failed("solver error: \(error)") }
        }
        return outcomes
    }

    private var solverOptions: SolverOptions {
        SolverOptions(rlimit: options.rlimit, wallClockMilliseconds: options.timeoutMilliseconds)
    }

    private func prove(_ invariant: InvariantInfo, _ encoding: HornEncoding) throws -> Outcome {
        guard let query = encoding.query(invariant) else {
            return .failed("a quantified invariant: the unbounded engine does not judge quantifiers yet")
        }
        let horn = try solverFactory.makeHornSolver(options: solverOptions)
        for clause in encoding.clauses + [query] { try horn.add(clause) }
        switch try horn.solve() {
        case .safe(let solution):
            switch try horn.validate(solution) {
            case .valid:
                let text = solution.definitions["Inv"].map { InvariantText.render($0, names: encoding.stateNames) }
                return .proved(certificate: text ?? "true")
            case .rejected(let why):
                return .failed("certificate rejected: \(why)")
            }
        case .unsafe:
            return .failed("the unbounded engine derives a violation (its over-approximation may be too coarse)")
        case .unknown(let reason):
            return .failed("unbounded engine: \(reason)")
        }
    }
}
