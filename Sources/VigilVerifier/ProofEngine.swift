import SMT
import VigilLowering
import VigilSema
import VigilTrace

/// Which engines decide a check (`--engine`).
public enum Engine: String, Sendable, Hashable, CaseIterable {
    /// Bounded model checking only: `holds` within the bounds, or `violated`.
    case bmc
    /// The unbounded engine only: `proved`, or `unknown`.
    case prove
    /// Both, side by side (`EngineRace`): a property is decided by the first decisive answer, a
    /// replayed counterexample or a checked proof, and the other engine's query on it is stopped.
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
        case failed(ProofFailure)
        /// A rule whose `assert` (or `satisfy`) no execution from any state gets to: vacuous
        /// (or unsatisfiable), whatever the contract does.
        case unreachable
    }

    /// A rule result to prove: `rule`, and for `call any` the function it calls.
    struct RuleGoal: Sendable {
        let name: String
        let rule: RuleInfo
        let function: FunctionInfo?
    }

    /// Tries to prove each property (invariants, asserts, ensures) and each rule (from every
    /// committed state) for every transaction sequence under re-entry of any depth. The goals of
    /// the properties are first solved together (one proof covers all); when that fails, each is
    /// solved alone, if there are few. Rules, invariants with an opened `forall` and the
    /// properties of `view` and `pure` functions are solved alone. A satisfy-rule's proof says
    /// that nothing satisfies it. With a `race` (`EngineRace`), each proof is published as soon
    /// as it is checked, and after the first attempt only the goals the bounded engine left
    /// open are tried again. `encoding` holds `contract`'s clauses.
    func prove(
        _ encoding: HornEncoding, contract: ContractInfo, properties: [PropertyReference], rules: [RuleGoal] = [],
        race: EngineRace? = nil
    ) -> [String: Outcome] {
        guard !properties.isEmpty || !rules.isEmpty else { return [:] }
        let names = properties.map(\.name) + rules.map(\.name)
        if let why = encoding.unsupported {
            return Dictionary(names.map { ($0, .failed(.unsupported(why))) }, uniquingKeysWith: { a, _ in a })
        }
        var outcomes: [String: Outcome] = [:]
        do {
            // A contract that cannot be deployed has no committed state: that proves nothing.
            let deployable = try solverFactory.makeSolver(options: solverOptions(nil))
            for c in encoding.deployment { try deployable.assert(c) }
            guard try deployable.check(assumptions: [Term.constant("deploy", .bool)]) == .sat else {
                return Dictionary(
                    names.map { ($0, .failed(.constructorCannotSucceed)) }, uniquingKeysWith: { a, _ in a })
            }
            // Facts about handovers, then about committed states, found once for every query.
            var facts: [RelationFacts] = []
            let layout = encoding.handoverLayout
            for relation in [RelationFacts.Relation.handover(layout), .committed(stateSize: layout.stateSize)] {
                let found = try? RelationFacts.find(
                    relation, in: encoding.clauses, known: facts, solverFactory: solverFactory,
                    options: solverOptions(race, share: 10))
                if let found { facts.append(found) }
            }
            var goals: [String: [Term]] = [:]
            var order: [String] = []
            // Invariants with an opened `forall`, the properties of `view` and `pure` functions,
            // and rules are tried alone: they rarely share a proof, and a joint attempt with one
            // of them fails for all.
            var alone: [String] = []
            for p in properties {
                if p.kind == .invariant, let invariant = contract.invariants.first(where: { $0.name == p.name }) {
                    let query: (clauses: [Term], quantified: Bool)
                    switch encoding.query(invariant) {
                    case .success(let encoded): query = encoded
                    case .failure(let unsupported):
                        outcomes[p.name] = .failed(.unsupported(unsupported.reason))
                        continue
                    }
                    // Measured: Spacer (Z3 4.8.12) ignored both its rlimit and interrupts on division.
                    guard !query.clauses.contains(where: { $0.applies([.div, .mod]) }) else {
                        outcomes[p.name] = .failed(.unsupported(HornEncoding.divisionUnsupported))
                        continue
                    }
                    goals[p.name] = query.clauses
                    if query.quantified { alone.append(p.name) }
                } else if let why = encoding.unjudged[p.name] {
                    outcomes[p.name] = .failed(.unsupported(why))
                    continue
                } else {
                    goals[p.name] = encoding.errorClauses[p.name] ?? []
                    if encoding.readOnlyProperties.contains(p.name) { alone.append(p.name) }
                }
                order.append(p.name)
            }
            for r in rules {
                switch encoding.ruleQuery(r.rule, anyFunction: r.function) {
                case .success(let query):
                    let solver = try solverFactory.makeSolver(options: solverOptions(nil))
                    for c in query.reachable { try solver.assert(c) }
                    if try solver.check(assumptions: [Term.constant("reach", .bool)]) == .unsat {
                        outcomes[r.name] = .unreachable
                        continue
                    }
                    goals[r.name] = [query.clause] + query.clauses
                    alone.append(r.name)
                case .failure(let unsupported):
                    outcomes[r.name] = .failed(.unsupported(unsupported.reason))
                }
            }
            let base = encoding.clauses + encoding.handoverClauses
            /// Solves `names` together; nil when the race says they no longer matter.
            func attempt(_ names: [String]) throws -> Outcome? {
                guard race?.startSolving(names) ?? true else { return nil }
                return try solve(base + names.flatMap { goals[$0] ?? [] }, encoding, race, facts: facts)
            }
            func record(_ names: [String], _ outcome: Outcome) {
                for name in names {
                    outcomes[name] = outcome
                    if case .proved(let certificate) = outcome { race?.publishProved(name, certificate: certificate) }
                }
            }
            /// After a failed attempt on `names`: one goal is that failure's; up to
            /// `separateProofs` are tried alone; more are halved, each half tried together and
            /// split again when it fails, so one unprovable goal costs its neighbours a few more
            /// attempts, not their proofs. A goal left in a group that still fails when the
            /// attempts run out is `notProvedTogether`.
            var attemptsLeft = Self.splitAttempts(order.count)
            func split(_ names: [String], failed: Outcome) throws {
                if names.count == 1 { return record(names, failed) }
                if names.count <= Self.separateProofs {
                    for name in names {
                        guard attemptsLeft > 0 else {
                            record([name], .failed(.notProvedTogether))
                            continue
                        }
                        attemptsLeft -= 1
                        if let alone = try attempt([name]) { record([name], alone) }
                    }
                    return
                }
                let middle = names.count / 2
                for half in [Array(names[..<middle]), Array(names[middle...])] {
                    guard attemptsLeft > 0 else {
                        record(half, .failed(.notProvedTogether))
                        continue
                    }
                    attemptsLeft -= 1
                    // Nil: nothing in this half matters any more (cancelled, or a goal settled).
                    guard let outcome = try attempt(half) else { continue }
                    if case .proved = outcome { record(half, outcome) } else { try split(half, failed: outcome) }
                }
            }
            let joint = order.filter { !alone.contains($0) }
            var together: Outcome?
            if !joint.isEmpty {
                if let first = try attempt(joint) {
                    if case .proved = first { record(joint, first) } else { together = first }
                } else if let race, !race.isProverCancelled {
                    // Stopped: the bounded engine settled one of the goals, so no proof covers them all.
                    together = .failed(.notProvedTogether)
                }
            }
            for name in alone {
                if let outcome = try attempt([name]) { record([name], outcome) }
            }
            if var failed = together {
                // Beside the bounded engine, the goals it left open are retried once it is done.
                var open = joint
                if let race {
                    open = race.openAfterBounded(joint)
                    if open.count < joint.count, !open.isEmpty {
                        // Nil: nothing left matters (cancelled, or a goal settled).
                        guard let again = try attempt(open) else { return outcomes }
                        if case .proved = again {
                            record(open, again)
                            return outcomes
                        }
                        failed = again
                    }
                }
                try split(open, failed: failed)
            }
        } catch {
            for name in names where outcomes[name] == nil { outcomes[name] = .failed(.solverError("\(error)")) }
        }
        return outcomes
    }

    /// What the engine proves about reachability, asked with `--engine prove` alone (beside the
    /// bounded engine, its sanity checks answer these questions).
    struct Reachability {
        /// Asserts, ensures and assert-rules that no execution from any reachable state reaches.
        var unreached: Set<String> = []
        /// State-changing entry points that revert on every input from every reachable state.
        var alwaysReverting: [FunctionInfo] = []
    }

    /// Asks, each alone, whether some execution reaches each of `properties` (asserts and
    /// ensures) and, with `functions`, whether each state-changing entry point can succeed. Only a checked solution
    /// of the clauses says no; a derivation, an exhausted budget or a contract the engine cannot
    /// judge leaves the question open (nothing is reported). Each question gets a tenth of the budget.
    func reachability(
        _ encoding: HornEncoding, properties: [String], rules: [RuleGoal] = [], functions: Bool
    ) -> Reachability {
        var found = Reachability()
        guard encoding.unsupported == nil else { return found }
        let base = encoding.clauses + encoding.handoverClauses
        func provesNone(_ query: [Term]) throws -> Bool {
            // Measured: Spacer (Z3 4.8.12) ignored both its rlimit and interrupts on division.
            guard !query.contains(where: { $0.applies([.div, .mod]) }) else { return false }
            let outcome = try solveOnce(base + query, encoding, nil, parameters: [:], share: 10)
            if case .proved? = outcome { return true }
            return false
        }
        do {
            for name in properties where try provesNone(encoding.reachClauses[name] ?? []) {
                found.unreached.insert(name)
            }
            for r in rules {
                guard case .success(let query) = encoding.ruleQuery(r.rule, anyFunction: r.function) else { continue }
                if try provesNone([query.reachClause] + query.clauses) { found.unreached.insert(r.name) }
            }
            for (f, clause) in encoding.successClauses where try functions && provesNone([clause]) {
                found.alwaysReverting.append(f)
            }
        } catch {
            // A solver error leaves the questions not answered yet open.
        }
        return found
    }

    /// Up to this many properties of a contract are tried one by one when they fail together.
    static let separateProofs = 4

    /// The attempts a failed attempt on `count` goals may be followed by: each alone when they
    /// are few; else enough halving to isolate two unprovable goals (each level costs two
    /// attempts per failing half) and the attempts alone in two small groups.
    static func splitAttempts(_ count: Int) -> Int {
        guard count > separateProofs else { return count }
        var levels = 0
        var size = count
        while size > separateProofs {
            size = (size + 1) / 2
            levels += 1
        }
        return 4 * levels + 2 * separateProofs
    }

    /// The options of a solver: the check's budgets (`share`: a fraction of its rlimit) and the race's stop signal.
    private func solverOptions(
        _ race: EngineRace?, parameters: [String: SolverParameterValue] = [:], share: UInt64 = 1
    ) -> SolverOptions {
        SolverOptions(
            rlimit: options.rlimit(share: share), wallClockMilliseconds: options.timeoutMilliseconds,
            parameters: parameters, stop: race?.proverStop)
    }

    /// Solves a Horn system and checks the solution; the certificate shown is `Inv`'s
    /// interpretation. Nil when the race stopped the solve. Spacer blasts arrays by default; a
    /// failure derived that way is solved again without blasting, which measured on
    /// examples/call_failure_rollback.vigil is not always a failure of the clauses. With `facts`,
    /// Spacer gets the clauses they strengthen, and the solution is checked against `clauses`
    /// with each relation the facts are about (`Ext`, `Inv`) defined as Spacer's interpretation
    /// and its facts.
    private func solve(_ clauses: [Term], _ encoding: HornEncoding, _ race: EngineRace?, facts: [RelationFacts] = [])
        throws -> Outcome?
    {
        var outcome = try solveOnce(clauses, encoding, race, parameters: [:], facts: facts)
        if case .failed(.derived)? = outcome {
            outcome = try solveOnce(
                clauses, encoding, race, parameters: ["xform.array_blast": .bool(false)], facts: facts)
        }
        return outcome
    }

    private func solveOnce(
        _ clauses: [Term], _ encoding: HornEncoding, _ race: EngineRace?, parameters: [String: SolverParameterValue],
        share: UInt64 = 1, facts: [RelationFacts] = []
    ) throws -> Outcome? {
        let options = solverOptions(race, parameters: parameters, share: share)
        let horn = try solverFactory.makeHornSolver(options: options)
        for clause in clauses { try horn.add(RelationFacts.strengthen(clause, with: facts)) }
        switch try horn.solve() {
        case .safe(let found):
            var checker = horn
            var solution = found
            if !facts.isEmpty {
                for f in facts {
                    let name = f.relation.name
                    guard let conjoined = solution.conjoining(name, domain: f.domain, f.definition()) else {
                        return .failed(.certificateRejected("no interpretation of \(name)"))
                    }
                    solution = conjoined
                }
                checker = try solverFactory.makeHornSolver(options: options)
                for clause in clauses { try checker.add(clause) }
            }
            switch try checker.validate(solution) {
            case .valid:
                var text =
                    found.definitions["Inv"].map { InvariantText.render($0, names: encoding.stateNames) } ?? "true"
                for f in facts { text = f.described(names: encoding.stateNames, after: text) }
                return .proved(certificate: text)
            case .rejected(let why):
                return .failed(.certificateRejected(why))
            }
        case .unsafe:
            return .failed(.derived)
        case .unknown(let reason):
            return reason == .stopped ? nil : .failed(.gaveUp(reason.description))
        }
    }
}
