import SMT
import VigilLowering
import VigilSema
import VigilTrace

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

    /// Tries to prove each property (invariants, asserts, ensures) for every transaction
    /// sequence under re-entry of any depth. The goals of all of them are first solved together
    /// (one proof covers all); when that fails, each is solved alone, if there are few.
    func prove(model: SemanticModel, contract: ContractInfo, properties: [PropertyReference]) -> [String: Outcome] {
        guard !properties.isEmpty else { return [:] }
        let encoding = HornEncoding(model: model, contract: contract)
        if let why = encoding.unsupported {
            return Dictionary(uniqueKeysWithValues: properties.map { ($0.name, .failed(why)) })
        }
        var outcomes: [String: Outcome] = [:]
        do {
            // A contract that cannot be deployed has no committed state: that proves nothing.
            let deployable = try solverFactory.makeSolver(options: solverOptions)
            for c in encoding.deployment { try deployable.assert(c) }
            guard try deployable.check(assumptions: [Term.constant("deploy", .bool)]) == .sat else {
                return Dictionary(
                    uniqueKeysWithValues: properties.map { ($0.name, .failed("the constructor cannot succeed")) })
            }
            var goals: [(name: String, clauses: [Term])] = []
            for p in properties {
                if p.kind == .invariant, let invariant = contract.invariants.first(where: { $0.name == p.name }) {
                    guard let query = encoding.query(invariant) else {
                        outcomes[p.name] = .failed(
                            "a quantified invariant: the unbounded engine does not judge quantifiers yet")
                        continue
                    }
                    goals.append((p.name, [query]))
                } else if encoding.unjudgedProperties.contains(p.name) {
                    outcomes[p.name] = .failed("in a view function, which the unbounded engine does not model yet")
                } else {
                    goals.append((p.name, encoding.errorClauses[p.name] ?? []))
                }
            }
            let base = encoding.clauses + encoding.handoverClauses
            let together = goals.isEmpty ? nil : try solve(base + goals.flatMap(\.clauses), encoding)
            for goal in goals {
                if case .proved? = together {
                    outcomes[goal.name] = together
                } else if goals.count == 1 || goals.count <= Self.separateProofs {
                    outcomes[goal.name] = goals.count == 1 ? together : try solve(base + goal.clauses, encoding)
                } else {
                    outcomes[goal.name] = .failed("not proved together with the contract's other properties")
                }
            }
        } catch {
            for p in properties where outcomes[p.name] == nil { outcomes[p.name] = .failed("solver error: \(error)") }
        }
        return outcomes
    }

    /// Up to this many properties of a contract are tried one by one when they fail together.
    static let separateProofs = 4

    private var solverOptions: SolverOptions {
        SolverOptions(rlimit: options.rlimit, wallClockMilliseconds: options.timeoutMilliseconds)
    }

    /// Solves a Horn system and checks the solution; the certificate shown is `Inv`'s interpretation.
    private func solve(_ clauses: [Term], _ encoding: HornEncoding) throws -> Outcome {
        let horn = try solverFactory.makeHornSolver(options: solverOptions)
        for clause in clauses { try horn.add(clause) }
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
            return .failed("the unbounded engine derives a failure (its over-approximation may be too coarse)")
        case .unknown(let reason):
            return .failed("unbounded engine: \(reason)")
        }
    }
}
